import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChangeLogEntry } from '@throughline/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const ENTITY_TYPES = [
  'node',
  'link',
  'business_unit',
  'check_in',
  'waiver',
  'membership',
  'invite',
  'organisation',
  'raid_item',
  'okr_cycle',
] as const satisfies readonly ChangeLogEntry['entityType'][];
export const ACTIONS = ['create', 'update', 'delete'] as const satisfies readonly ChangeLogEntry['action'][];

export class ChangeLogQuery {
  @ApiPropertyOptional({ description: 'Part of the name of who made the change (any case).', example: 'Ada' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ enum: ENTITY_TYPES })
  @IsOptional()
  @IsIn(ENTITY_TYPES)
  entityType?: ChangeLogEntry['entityType'];

  @ApiPropertyOptional({ enum: ACTIONS })
  @IsOptional()
  @IsIn(ACTIONS)
  action?: ChangeLogEntry['action'];

  @ApiPropertyOptional({ description: 'From this instant on (ISO 8601).', example: '2026-11-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Before this instant (ISO 8601).', example: '2026-12-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'The cursor: entries older than this id (`nextBefore` of the previous page).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class ChangeLogItemDto implements ChangeLogEntry {
  @ApiProperty() id: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'Who made the change: the signed-in user’s name.' }) actor: string;
  @ApiProperty({ enum: ACTIONS }) action: ChangeLogEntry['action'];
  @ApiProperty({ enum: ENTITY_TYPES }) entityType: ChangeLogEntry['entityType'];
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ nullable: true, description: 'The entity before the change (null for a create).' }) before: unknown;
  @ApiProperty({ nullable: true, description: 'The entity after the change (null for a delete).' }) after: unknown;
}

export class ChangeLogPageDto {
  @ApiProperty({ type: [ChangeLogItemDto] }) entries: ChangeLogItemDto[];

  @ApiProperty({ type: Number, nullable: true, description: 'Pass as `before` for the next page; null on the last.' })
  nextBefore: number | null;
}

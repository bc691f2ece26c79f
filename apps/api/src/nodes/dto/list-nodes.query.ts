import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  NODE_HEALTHS,
  NODE_KINDS,
  NODE_STATUSES,
  type NodeHealth,
  type NodeKind,
  type NodeStatus,
} from '@throughline/domain';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export const NODE_SORTS = ['key', '-key', 'title', '-title', 'updatedAt', '-updatedAt'] as const;
export type NodeSort = (typeof NODE_SORTS)[number];

/** `kind=project,bau` or `kind=project&kind=bau` both mean either. */
const list = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter((v) => v !== '');

export class ListNodesQuery {
  @ApiPropertyOptional({ enum: NODE_KINDS, isArray: true, description: 'One or more kinds, comma-separated.' })
  @IsOptional()
  @Transform(list)
  @IsIn(NODE_KINDS, { each: true })
  kind?: NodeKind[];

  @ApiPropertyOptional({ format: 'uuid', description: 'Nodes of this business unit.' })
  @IsOptional()
  @IsUUID()
  businessUnit?: string;

  @ApiPropertyOptional({ enum: NODE_STATUSES, isArray: true })
  @IsOptional()
  @Transform(list)
  @IsIn(NODE_STATUSES, { each: true })
  status?: NodeStatus[];

  @ApiPropertyOptional({ enum: NODE_HEALTHS, isArray: true })
  @IsOptional()
  @Transform(list)
  @IsIn(NODE_HEALTHS, { each: true })
  health?: NodeHealth[];

  @ApiPropertyOptional({ description: 'Text to find in the key or title (case-insensitive).', example: 'meter' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: NODE_SORTS, default: 'key' })
  @IsOptional()
  @IsIn(NODE_SORTS)
  sort?: NodeSort;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Max, MaxLength, Min } from 'class-validator';
import {
  IsDecimal,
  IsCalendarDate,
  MAX_AMOUNT,
  Nullable,
  OptionalNotNull,
} from '../../platform/validation/validators.js';

export class CreateCheckInDto {
  @ApiProperty({ example: 51, description: 'The key result’s measured value; it becomes the key result’s `current`.' })
  @IsDecimal(6)
  @Min(-MAX_AMOUNT)
  @Max(MAX_AMOUNT)
  value: number;

  @ApiPropertyOptional({ example: '2026-10-31', description: 'The day measured; today (UTC) when omitted.' })
  @OptionalNotNull()
  @IsCalendarDate()
  at?: string;

  @ApiPropertyOptional({
    example: 0.6,
    nullable: true,
    type: Number,
    description: 'Confidence of reaching the target, 0–1.',
  })
  @Nullable()
  @IsDecimal(6)
  @Min(0)
  @Max(1)
  confidence?: number | null;

  @ApiPropertyOptional({ example: 'Wave 2 installs ahead of plan.' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CheckInDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) nodeId: string;
  @ApiProperty({ example: '2026-10-31' }) at: string;
  @ApiProperty({ example: 51 }) value: number;
  @ApiProperty({ nullable: true, type: Number }) confidence: number | null;
  @ApiProperty() note: string;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
}

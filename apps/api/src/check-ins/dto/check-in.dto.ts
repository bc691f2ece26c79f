import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHECK_IN_FIELD_RULES as R } from '@throughline/domain';
import { apiPropertyFor, FollowsRule } from '../../platform/validation/field-rule.js';

/** The rules of a check-in's fields are `CHECK_IN_FIELD_RULES` of libs/domain, the ones import checks too. */
export class CreateCheckInDto {
  @ApiProperty(
    apiPropertyFor(R.value, {
      example: 51,
      description: 'The key result’s measured value; it becomes the key result’s `current`.',
    }),
  )
  @FollowsRule(R.value)
  value: number;

  @ApiPropertyOptional(
    apiPropertyFor(R.at, { example: '2026-10-31', description: 'The day measured; today (UTC) when omitted.' }),
  )
  @FollowsRule(R.at)
  at?: string;

  @ApiPropertyOptional(
    apiPropertyFor(R.confidence, { example: 0.6, description: 'Confidence of reaching the target, 0–1.' }),
  )
  @FollowsRule(R.confidence)
  confidence?: number | null;

  @ApiPropertyOptional(apiPropertyFor(R.note, { example: 'Wave 2 installs ahead of plan.' }))
  @FollowsRule(R.note)
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

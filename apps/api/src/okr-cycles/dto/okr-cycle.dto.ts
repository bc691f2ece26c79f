import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OKR_CYCLE_FIELD_RULES as R, type OkrCycle } from '@throughline/domain';
import { apiPropertyFor, FollowsRule } from '../../platform/validation/field-rule.js';

/** The rules of a cycle's fields are `OKR_CYCLE_FIELD_RULES` of libs/domain, the ones the interchange checks too. */
export class CreateOkrCycleDto {
  @ApiProperty(apiPropertyFor(R.name, { example: '2026 Q4', description: 'Unique in the organisation.' }))
  @FollowsRule(R.name)
  name: string;

  @ApiProperty(apiPropertyFor(R.startsOn, { example: '2026-10-01', description: 'The first day.' }))
  @FollowsRule(R.startsOn)
  startsOn: string;

  @ApiProperty(apiPropertyFor(R.endsOn, { example: '2026-12-31', description: 'The last day (inclusive).' }))
  @FollowsRule(R.endsOn)
  endsOn: string;
}

/** Leave a field out to keep it. */
export class UpdateOkrCycleDto {
  @ApiPropertyOptional(apiPropertyFor(R.name, { example: '2026 Q4' }))
  @FollowsRule(R.name, { optional: true })
  name?: string;

  @ApiPropertyOptional(apiPropertyFor(R.startsOn, { example: '2026-10-01' }))
  @FollowsRule(R.startsOn, { optional: true })
  startsOn?: string;

  @ApiPropertyOptional(apiPropertyFor(R.endsOn, { example: '2026-12-31' }))
  @FollowsRule(R.endsOn, { optional: true })
  endsOn?: string;
}

export class OkrCycleDto implements OkrCycle {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026 Q4' }) name: string;
  @ApiProperty({ format: 'date', example: '2026-10-01' }) startsOn: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) endsOn: string;
  @ApiProperty({ example: 4, description: 'How many key results belong to it.' }) keyResults: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { NODE_FIELD_RULES as R } from '@throughline/domain';
import { IsInt, Max, Min } from 'class-validator';
import { apiPropertyFor, FollowsRule } from '../../platform/validation/field-rule.js';
import { OptionalNotNull } from '../../platform/validation/validators.js';
import { NodeFieldsDto } from './node-fields.dto.js';

/** A partial update. A node's kind never changes (its links and check-ins depend on it). */
export class UpdateNodeDto extends NodeFieldsDto {
  @ApiPropertyOptional({
    example: 3,
    description: 'The version this change is based on (or send If-Match). Required one way or the other.',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  version?: number;

  @ApiPropertyOptional(apiPropertyFor(R.title, { example: 'Smart meter roll-out, wave 2' }))
  @FollowsRule(R.title, { optional: true })
  title?: string;

  @ApiPropertyOptional(apiPropertyFor(R.key, { example: 'PRJ-7' }))
  @FollowsRule(R.key)
  key?: string;
}

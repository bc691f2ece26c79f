import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NODE_FIELD_RULES as R, NODE_KINDS, type NodeKind } from '@throughline/domain';
import { IsIn } from 'class-validator';
import { apiPropertyFor, FollowsRule } from '../../platform/validation/field-rule.js';
import { NodeFieldsDto } from './node-fields.dto.js';

export class CreateNodeDto extends NodeFieldsDto {
  @ApiProperty({ enum: NODE_KINDS, example: 'project' })
  @IsIn(NODE_KINDS)
  kind: NodeKind;

  @ApiProperty(apiPropertyFor(R.title, { example: 'Smart meter roll-out, wave 2' }))
  @FollowsRule(R.title)
  title: string;

  @ApiPropertyOptional(
    apiPropertyFor(R.key, {
      example: 'PRJ-7',
      description: 'Unique in the organisation; generated from the kind (PRJ-31) when omitted.',
    }),
  )
  @FollowsRule(R.key)
  key?: string;
}

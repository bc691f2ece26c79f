import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KEY_PATTERN, NODE_KINDS, type NodeKind } from '@throughline/domain';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { OptionalNotNull } from '../../platform/validation/validators.js';
import { NodeFieldsDto } from './node-fields.dto.js';

export class CreateNodeDto extends NodeFieldsDto {
  @ApiProperty({ enum: NODE_KINDS, example: 'project' })
  @IsIn(NODE_KINDS)
  kind: NodeKind;

  @ApiProperty({ example: 'Smart meter roll-out, wave 2' })
  @IsString()
  @Length(1, 300)
  title: string;

  @ApiPropertyOptional({
    example: 'PRJ-7',
    description: 'Unique in the organisation; generated from the kind (PRJ-31) when omitted.',
  })
  @OptionalNotNull()
  @IsString()
  @Matches(KEY_PATTERN, {
    message: 'key must be 1–40 letters, digits, dots, underscores or hyphens, starting with a letter or digit',
  })
  key?: string;
}

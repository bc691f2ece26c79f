import { ApiPropertyOptional } from '@nestjs/swagger';
import { KEY_PATTERN } from '@throughline/domain';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
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

  @ApiPropertyOptional({ example: 'Smart meter roll-out, wave 2' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ example: 'PRJ-7' })
  @OptionalNotNull()
  @IsString()
  @Matches(KEY_PATTERN, {
    message: 'key must be 1–40 letters, digits, dots, underscores or hyphens, starting with a letter or digit',
  })
  key?: string;
}

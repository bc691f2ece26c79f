import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KEY_PATTERN } from '@throughline/domain';
import { IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Nullable, OptionalNotNull } from '../../platform/validation/validators.js';

export class CreateBusinessUnitDto {
  @ApiProperty({ example: 'NET', description: 'Short key unique in the organisation (letters, digits, . _ -).' })
  @IsString()
  @Matches(KEY_PATTERN, {
    message: 'key must be 1–40 letters, digits, dots, underscores or hyphens, starting with a letter or digit',
  })
  key: string;

  @ApiProperty({ example: 'Networks' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The unit this one sits under.' })
  @Nullable()
  @IsUUID()
  parentId?: string | null;
}

/** A partial update: leave a field out to keep it; only `parentId` may be cleared with null. */
export class UpdateBusinessUnitDto {
  @ApiPropertyOptional({ example: 'NET' })
  @OptionalNotNull()
  @IsString()
  @Matches(KEY_PATTERN, {
    message: 'key must be 1–40 letters, digits, dots, underscores or hyphens, starting with a letter or digit',
  })
  key?: string;

  @ApiPropertyOptional({ example: 'Networks' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @Nullable()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ example: 2, description: 'The version this change is based on; a stale one gets 409.' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  version?: number;
}

export class BusinessUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'NET' }) key: string;
  @ApiProperty({ example: 'Networks' }) name: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { KEY_PATTERN } from '@throughline/domain';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min, ValidateIf } from 'class-validator';

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
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  parentId?: string | null;
}

export class UpdateBusinessUnitDto extends PartialType(CreateBusinessUnitDto) {
  @ApiPropertyOptional({ example: 2, description: 'The version this change is based on; a stale one gets 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
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

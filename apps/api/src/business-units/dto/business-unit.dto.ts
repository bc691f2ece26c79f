import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UNIT_FIELD_RULES as R, type FieldRule } from '@throughline/domain';
import { IsInt, Max, Min } from 'class-validator';
import { apiPropertyFor, FollowsRule } from '../../platform/validation/field-rule.js';
import { OptionalNotNull } from '../../platform/validation/validators.js';

const PARENT_ID: FieldRule = { type: 'uuid', nullable: true };
/** The member (user id) who owns the unit; null for none. */
const OWNER_ID: FieldRule = { type: 'uuid', nullable: true };

/** The rules of a unit's fields are `UNIT_FIELD_RULES` of libs/domain, the ones import checks too. */
export class CreateBusinessUnitDto {
  @ApiProperty(
    apiPropertyFor(R.key, {
      example: 'NET',
      description: 'Short key unique in the organisation (letters, digits, . _ -).',
    }),
  )
  @FollowsRule(R.key)
  key: string;

  @ApiProperty(apiPropertyFor(R.name, { example: 'Networks' }))
  @FollowsRule(R.name)
  name: string;

  @ApiPropertyOptional(apiPropertyFor(PARENT_ID, { description: 'The unit this one sits under.' }))
  @FollowsRule(PARENT_ID)
  parentId?: string | null;

  @ApiPropertyOptional(
    apiPropertyFor(OWNER_ID, {
      description: 'The member who owns the unit; it acknowledges dependencies on its work.',
    }),
  )
  @FollowsRule(OWNER_ID)
  ownerId?: string | null;
}

/** A partial update: leave a field out to keep it; only `parentId` may be cleared with null. */
export class UpdateBusinessUnitDto {
  @ApiPropertyOptional(apiPropertyFor(R.key, { example: 'NET' }))
  @FollowsRule(R.key, { optional: true })
  key?: string;

  @ApiPropertyOptional(apiPropertyFor(R.name, { example: 'Networks' }))
  @FollowsRule(R.name, { optional: true })
  name?: string;

  @ApiPropertyOptional(apiPropertyFor(PARENT_ID))
  @FollowsRule(PARENT_ID)
  parentId?: string | null;

  @ApiPropertyOptional(apiPropertyFor(OWNER_ID, { description: 'The member who owns the unit, or null for none.' }))
  @FollowsRule(OWNER_ID)
  ownerId?: string | null;

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
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The member who owns the unit.' })
  ownerId: string | null;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

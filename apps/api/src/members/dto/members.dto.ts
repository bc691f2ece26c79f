import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { IsEmailAddress } from '../../platform/validation/validators.js';
import { ROLES, type Role } from '../../platform/request-context/request-context.js';

export class UpdateMemberDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'A contributor’s business units (others have none).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  unitIds?: string[];
}

export class CreateInviteDto {
  @ApiProperty({ example: 'grace@example.com', maxLength: 254 })
  @IsEmailAddress()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'For a contributor: its business units.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  unitIds?: string[];
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: [String], format: 'uuid' }) unitIds: string[];
  @ApiProperty() totpEnabled: boolean;
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
}

export class InviteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: [String], format: 'uuid' }) unitIds: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'The admin who sent it.' }) createdBy: string | null;
}

export class CreatedInviteDto extends InviteDto {
  @ApiProperty({ description: 'The one-time link to hand to the invitee; shown this once only.' })
  link: string;
}

export class PasswordResetLinkDto {
  @ApiProperty({ description: 'The one-time link to hand to the member; shown this once only.' })
  link: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsEmailAddress } from '../../platform/validation/validators.js';
import { ROLES, type Role } from '../../platform/request-context/request-context.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy.js';

/** Emails as users type them: trimmed and lower-cased before use; 254 is the longest a mailbox may be. */
const EMAIL = { example: 'ada@example.com', maxLength: 254 };

/** A name shown to people: 1–200 characters, not only spaces. */
const NAME = /\S/;

export class SignUpDto {
  @ApiProperty({ example: 'Northwind Energy', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(NAME, { message: 'organisationName must not be blank' })
  organisationName: string;

  @ApiProperty({ example: 'Ada Lovelace', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(NAME, { message: 'name must not be blank' })
  name: string;

  @ApiProperty(EMAIL)
  @IsEmailAddress()
  @MaxLength(254)
  email: string;

  @ApiProperty({
    example: 'correct horse battery staple',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: `At least ${PASSWORD_MIN_LENGTH} characters, and not one of the 1,000 most common passwords.`,
  })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class LogInDto {
  @ApiProperty(EMAIL)
  @IsString()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiPropertyOptional({
    example: '123456',
    description: 'The current code of the authenticator app, when the account has TOTP on.',
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'totpCode must be 6 digits' })
  totpCode?: string;
}

export class SwitchOrganisationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() totpEnabled: boolean;
}

export class SessionOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ example: 'GBP' }) currency: string;
  @ApiProperty({ example: 'en-GB' }) locale: string;
  @ApiProperty({ description: 'Members must use TOTP; without it, a session may only set it up.' })
  requireTotp: boolean;
}

export class MembershipSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class SessionDto {
  @ApiProperty({
    description: 'The session token (JWT); API clients send it as `Authorization: Bearer <token>`. Lives 15 minutes.',
  })
  token: string;

  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
  @ApiProperty({ type: SessionOrganisationDto }) organisation: SessionOrganisationDto;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: [String], format: 'uuid', description: 'A contributor’s business units.' }) unitIds: string[];
  @ApiProperty({ type: [MembershipSummaryDto], description: 'Every organisation the user belongs to.' })
  organisations: MembershipSummaryDto[];
}

export class AcceptInviteDto {
  @ApiPropertyOptional({
    example: 'Grace Hopper',
    minLength: 1,
    maxLength: 200,
    description: 'Required for a new account.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(NAME, { message: 'name must not be blank' })
  name?: string;

  @ApiProperty({ description: 'A new account’s password; an existing account’s current one.' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiPropertyOptional({ example: '123456', description: 'An existing account with TOTP on: its current code.' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'totpCode must be 6 digits' })
  totpCode?: string;
}

export class InviteSummaryDto {
  @ApiProperty() organisationName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ description: 'Whether the email already has an account (accepting then asks for its password).' })
  accountExists: boolean;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class DemoAccountDto {
  @ApiProperty({ example: 'admin@northwind.example' }) email: string;
  @ApiProperty({ example: 'northwind-admin', description: 'Public: a demo install shows it on the log-in page.' })
  password: string;

  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ example: 'Alex Admin' }) name: string;
}

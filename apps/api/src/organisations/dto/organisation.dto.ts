import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength, Validate } from 'class-validator';
import { IsCurrencyCode, IsLocale } from '../settings-rules.js';

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Northwind Energy' }) name: string;
  @ApiProperty({ example: 'northwind-energy-1a2b3c' }) slug: string;
  @ApiProperty({ example: 'GBP', description: 'ISO 4217: money everywhere is in this currency.' }) currency: string;
  @ApiProperty({ example: 'en-GB', description: 'BCP 47: how dates and numbers are written.' }) locale: string;
  @ApiProperty({ description: 'Every member must sign in with a TOTP code.' }) requireTotp: boolean;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ example: 'EUR', description: 'An ISO 4217 currency code.' })
  @IsOptional()
  @Validate(IsCurrencyCode)
  currency?: string;

  @ApiPropertyOptional({ example: 'de-DE', description: 'A BCP 47 locale this server can format for.' })
  @IsOptional()
  @Validate(IsLocale)
  locale?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  requireTotp?: boolean;
}

export class DeleteOrganisationDto {
  @ApiProperty({ description: 'The organisation’s name, typed again: deleting cannot be undone.' })
  @IsString()
  @MaxLength(200)
  confirmName: string;
}

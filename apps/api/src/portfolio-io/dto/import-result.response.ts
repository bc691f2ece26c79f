import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ImportCountsDto {
  @ApiProperty({ example: 3 }) created: number;
  @ApiProperty({ example: 1 }) updated: number;
  @ApiProperty({ example: 0 }) unchanged: number;
}

/** `POST /api/portfolio/import`: what changed, per section. */
export class ImportResultDto {
  @ApiProperty({ type: ImportCountsDto }) businessUnits: ImportCountsDto;
  @ApiProperty({ type: ImportCountsDto }) nodes: ImportCountsDto;
  @ApiProperty({ type: ImportCountsDto }) links: ImportCountsDto;
  @ApiProperty({ type: ImportCountsDto }) checkIns: ImportCountsDto;
  @ApiPropertyOptional({ type: ImportCountsDto, description: 'When the document has an okrCycles section.' })
  okrCycles?: ImportCountsDto;
  @ApiPropertyOptional({ type: ImportCountsDto, description: 'When the document has a waivers section.' })
  waivers?: ImportCountsDto;
  @ApiPropertyOptional({ type: ImportCountsDto, description: 'When the document has a raid section.' })
  raid?: ImportCountsDto;
}

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

/** A field's value: text, a number, a flag or a list (of keys, or a RAID item's attachments). */
const FIELD_VALUE = {
  oneOf: [
    { type: 'string', nullable: true },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', items: { type: 'string' } },
  ],
};

export class ImportFieldChangeDto {
  @ApiProperty({ example: 'status' }) field: string;
  @ApiProperty({ ...FIELD_VALUE, description: 'The stored value (null when empty).', example: 'open' })
  before: string | number | boolean | string[] | null;
  @ApiProperty({ ...FIELD_VALUE, description: 'The document’s value.', example: 'closed' })
  after: string | number | boolean | string[] | null;
}

export class ImportEntryUpdateDto {
  @ApiProperty({
    description:
      'The entry: a key, a link as `from|to|kind`, a check-in as `node|at|value`, a cycle’s name, a waiver as `rule: node keys`, a RAID item as `type: title`.',
    example: 'PRJ-7',
  })
  key: string;
  @ApiProperty({ type: [ImportFieldChangeDto] }) changes: ImportFieldChangeDto[];
}

/** One section of the dry run: its counts, then the entries to create and to change (the first 500 of each). */
export class ImportSectionDiffDto extends ImportCountsDto {
  @ApiProperty({ type: [String], example: ['KR-3.1'] }) creates: string[];
  @ApiProperty({ type: [ImportEntryUpdateDto] }) updates: ImportEntryUpdateDto[];
  @ApiProperty({ description: 'More than 500 creates or updates: the lists are cut, the counts are not.' })
  truncated: boolean;
}

/** `POST /api/portfolio/import?dryRun=true`: what the import would do, per section, with nothing written. */
export class ImportDiffDto {
  @ApiProperty({ type: ImportSectionDiffDto }) businessUnits: ImportSectionDiffDto;
  @ApiProperty({ type: ImportSectionDiffDto }) nodes: ImportSectionDiffDto;
  @ApiProperty({ type: ImportSectionDiffDto }) links: ImportSectionDiffDto;
  @ApiProperty({ type: ImportSectionDiffDto }) checkIns: ImportSectionDiffDto;
  @ApiPropertyOptional({ type: ImportSectionDiffDto, description: 'When the document has an okrCycles section.' })
  okrCycles?: ImportSectionDiffDto;
  @ApiPropertyOptional({ type: ImportSectionDiffDto, description: 'When the document has a waivers section.' })
  waivers?: ImportSectionDiffDto;
  @ApiPropertyOptional({ type: ImportSectionDiffDto, description: 'When the document has a raid section.' })
  raid?: ImportSectionDiffDto;
}

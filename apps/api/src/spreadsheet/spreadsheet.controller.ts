import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  isSheetKind,
  mappingProblems,
  ruleText,
  sheetFields,
  SHEET_KINDS,
  type ColumnMapping,
  type SheetKind,
} from '@throughline/domain';
import type { Request, Response } from 'express';
import { DomainError } from '../platform/errors/domain-error.js';
import { HeavyRead, HeavyWrite } from '../platform/http/heavy-requests.js';
import { StatementTimeout } from '../platform/database/statement-timeout.js';
import { ApiErrors } from '../platform/openapi/api-errors.js';
import { parseDryRun } from '../portfolio-io/dry-run.js';
import { ColumnMappingsRepository } from './column-mappings.repository.js';
import { readUpload } from './raw-upload.js';
import { SheetExportService, tableCsv, tableXlsx, type Table } from './sheet-export.service.js';
import { SpreadsheetImportService } from './spreadsheet-import.service.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('interchange')
@Controller()
export class SpreadsheetController {
  constructor(
    private readonly imports: SpreadsheetImportService,
    private readonly mappings: ColumnMappingsRepository,
    private readonly exports: SheetExportService,
  ) {}

  /** The raw file is the body (no `@Body()`: the JSON parser leaves it alone); 20 MB, counted as it arrives. */
  @Post('portfolio/spreadsheet')
  @HeavyWrite()
  @StatementTimeout(600_000)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import a spreadsheet',
    description:
      'A CSV or XLSX file of one sheet kind, sent as the body (text/csv or the XLSX type), its columns mapped to fields by `mapping` (JSON {column: field}; else the remembered mapping; else guessed from the headers). `dryRun=true` answers the diff and writes nothing; otherwise the rows are imported as one transaction through the interchange import. A bad row: 422 IMPORT_INVALID with `details` [{line, column, field, message}], nothing written.',
  })
  @ApiConsumes('text/csv', XLSX_TYPE)
  @ApiQuery({ name: 'kind', enum: SHEET_KINDS })
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'mapping', required: false, description: 'JSON object {column header: field}' })
  @ApiOkResponse({
    description: 'The mapping used, the row count, and the diff (dry run) or the import summary.',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiErrors(400, [413, 'PAYLOAD_TOO_LARGE: over 20 MB, or an XLSX expanding past 100 MB.'], 415, 422, 503)
  async importSheet(
    @Req() req: Request,
    @Query('kind') kind: string,
    @Query('dryRun') dryRun?: string,
    @Query('mapping') mapping?: string,
  ) {
    const sheetKind = parseKind(kind);
    const options = { dryRun: parseDryRun(dryRun), mapping: mapping === undefined ? undefined : parseMapping(mapping) };
    const bytes = await readUpload(req);
    return this.imports.import(sheetKind, bytes, options);
  }

  @Get('portfolio/spreadsheet/mappings/:kind')
  @ApiOperation({ summary: 'The remembered column mapping of a sheet kind, and the fields it may map to' })
  @ApiOkResponse({
    description: '{ kind, mapping: {column: field} | null, fields: [{ field, required, rule }] }',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiErrors(400, 503)
  async mapping(@Param('kind') kind: string) {
    const sheetKind = parseKind(kind);
    return {
      kind: sheetKind,
      mapping: (await this.mappings.get(sheetKind)) ?? null,
      fields: sheetFields(sheetKind).map(({ field, rule }) => ({
        field,
        required: !!rule.required,
        rule: ruleText(rule),
      })),
    };
  }

  @Put('portfolio/spreadsheet/mappings/:kind')
  @ApiOperation({ summary: 'Remember a column mapping for a sheet kind' })
  @ApiBody({
    schema: { type: 'object', properties: { mapping: { type: 'object', additionalProperties: { type: 'string' } } } },
  })
  @ApiOkResponse({ description: '{ kind, mapping }', schema: { type: 'object', additionalProperties: true } })
  @ApiErrors(400, 413, 415, 422, 503)
  async putMapping(@Param('kind') kind: string, @Body() body: unknown) {
    const sheetKind = parseKind(kind);
    const keys = body && typeof body === 'object' ? Object.keys(body) : [];
    if (keys.length !== 1 || keys[0] !== 'mapping') {
      throw new DomainError(
        'VALIDATION_FAILED',
        'The body must be { "mapping": { column: field } } and nothing else.',
        [{ field: 'mapping', problems: ['must be the only field'] }],
      );
    }
    const mapping = checkMapping((body as { mapping: unknown }).mapping);
    const problems = mappingProblems(sheetKind, mapping);
    if (problems.length) {
      throw new DomainError('INVALID_FIELD', `The column mapping is wrong: ${problems[0]}.`, [
        { field: 'mapping', problems },
      ]);
    }
    await this.mappings.put(sheetKind, mapping);
    return { kind: sheetKind, mapping };
  }

  @Get('portfolio/export.csv')
  @HeavyRead()
  @ApiOperation({
    summary: 'Export one node kind as CSV',
    description: 'Formula-like cells are escaped with a leading apostrophe.',
  })
  @ApiQuery({ name: 'kind', description: 'A node kind: theme, objective, key_result, programme, project, bau, asset' })
  @ApiOkResponse({ description: 'text/csv', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(400, 503)
  async exportCsv(@Query('kind') kind: string, @Res() res: Response) {
    send(res, tableCsv(await this.exports.nodes(kind)), 'text/csv; charset=utf-8', `${kind}.csv`);
  }

  @Get('portfolio/export.xlsx')
  @HeavyRead()
  @ApiOperation({
    summary: 'Export one node kind as XLSX',
    description: 'Formula-like cells are escaped with a leading apostrophe.',
  })
  @ApiQuery({ name: 'kind', description: 'A node kind' })
  @ApiOkResponse({ description: XLSX_TYPE, content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiErrors(400, 503)
  async exportXlsx(@Query('kind') kind: string, @Res() res: Response) {
    const table: Table = await this.exports.nodes(kind);
    send(res, await tableXlsx(table, kind), XLSX_TYPE, `${kind}.xlsx`);
  }

  @Get('audit/findings.csv')
  @HeavyRead()
  @ApiOperation({ summary: 'The open audit findings as CSV' })
  @ApiOkResponse({ description: 'text/csv', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrors(503)
  async findingsCsv(@Res() res: Response) {
    send(res, tableCsv(await this.exports.findings()), 'text/csv; charset=utf-8', 'audit-findings.csv');
  }
}

function send(res: Response, body: string | Buffer, type: string, filename: string) {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.status(200).send(body);
}

function parseKind(kind: unknown): SheetKind {
  if (!isSheetKind(kind)) {
    throw new DomainError('MALFORMED_REQUEST', `kind must be one of ${SHEET_KINDS.join(', ')}.`, [
      { field: 'kind', problems: [`must be one of ${SHEET_KINDS.join(', ')}`] },
    ]);
  }
  return kind;
}

function parseMapping(text: string): ColumnMapping {
  try {
    return checkMapping(JSON.parse(text));
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('MALFORMED_REQUEST', 'mapping must be a JSON object {column: field}.', [
      { field: 'mapping', problems: ['is not JSON'] },
    ]);
  }
}

/** A mapping as stored: at most 200 columns, headers and fields as short strings; '' means "ignore this column". */
function checkMapping(value: unknown): ColumnMapping {
  const ok =
    !!value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length <= 200 &&
    Object.entries(value).every(([k, v]) => k.length <= 200 && typeof v === 'string' && v.length <= 60);
  if (!ok) {
    throw new DomainError(
      'MALFORMED_REQUEST',
      'mapping must be a JSON object {column: field} of at most 200 columns.',
      [{ field: 'mapping', problems: ['must be an object of column → field'] }],
    );
  }
  return value as ColumnMapping;
}

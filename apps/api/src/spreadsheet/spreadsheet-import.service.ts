import { Injectable } from '@nestjs/common';
import {
  diffInterchange,
  guessMapping,
  mappingProblems,
  sheetProblems,
  sheetToDocument,
  type ColumnMapping,
  type InterchangeDiff,
  type InterchangeError,
  type SheetKind,
  type SheetProblem,
} from '@throughline/domain';
import { DomainError } from '../platform/errors/domain-error.js';
import { Db } from '../platform/database/db.js';
import { PortfolioPreviewRepository } from '../portfolio-io/portfolio-preview.repository.js';
import { PortfolioService, type ImportSummary } from '../portfolio-io/portfolio.service.js';
import { ColumnMappingsRepository } from './column-mappings.repository.js';
import { readCsv, type Sheet } from './csv-sheet.js';
import { isZip, readXlsx } from './xlsx-sheet.js';

export interface SpreadsheetImportResult {
  kind: SheetKind;
  format: 'csv' | 'xlsx';
  dryRun: boolean;
  /** The file's column headers, for mapping them. */
  columns: string[];
  /** The mapping used: the request's, else the remembered one, else guessed from the headers. */
  mapping: ColumnMapping;
  mappingSource: 'request' | 'remembered' | 'guessed';
  rows: number;
  /** Dry run: what would change. */
  diff?: InterchangeDiff;
  /** Applied: what changed. */
  summary?: ImportSummary;
}

/** Problems told per line and column at most this many; the count says how many there were. */
const LISTED_PROBLEMS = 500;

/**
 * A spreadsheet of one sheet kind through the JSON import's path: the file's rows become an
 * interchange document (libs/domain sheetToDocument, the shared field rules), checked by the
 * import's own validator, told back by line and column; a dry run answers the diff, an apply is
 * the JSON import itself (one transaction; a bad row and nothing of the file is written).
 */
@Injectable()
export class SpreadsheetImportService {
  constructor(
    private readonly db: Db,
    private readonly portfolio: PortfolioService,
    private readonly previews: PortfolioPreviewRepository,
    private readonly mappings: ColumnMappingsRepository,
  ) {}

  async import(
    kind: SheetKind,
    bytes: Buffer,
    options: { dryRun: boolean; mapping?: ColumnMapping },
  ): Promise<SpreadsheetImportResult> {
    const format = isZip(bytes) ? 'xlsx' : 'csv';
    const sheet: Sheet = format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
    const remembered = options.mapping ? undefined : await this.mappings.get(kind);
    const mapping = options.mapping ?? remembered ?? guessMapping(kind, sheet.headers);
    const base = {
      kind,
      format,
      dryRun: options.dryRun,
      columns: sheet.headers,
      mapping,
      mappingSource: options.mapping ? 'request' : remembered ? 'remembered' : 'guessed',
      rows: sheet.rows.length,
    } as const;
    const wrongMapping = mappingProblems(kind, mapping);
    if (wrongMapping.length) {
      throw new DomainError('INVALID_FIELD', `The column mapping is wrong: ${wrongMapping[0]}.`, [
        { field: 'mapping', problems: wrongMapping },
      ]);
    }
    if (sheet.rows.length === 0)
      throw refused([{ line: 0, column: null, field: null, message: 'the file has no rows' }]);
    const { document, lines, problems } = sheetToDocument(kind, sheet.rows, mapping);
    // Cells that could not be converted were left out; the rest is checked all the same, so one
    // answer lists every problem of the file.
    const told = (errors: InterchangeError[], truncated: boolean) => {
      const reported = new Set(problems.map((p) => `${p.line}|${p.field}`));
      const found = sheetProblems(errors, lines, mapping).filter((p) => !reported.has(`${p.line}|${p.field}`));
      return refused([...problems, ...found], truncated);
    };
    if (options.dryRun || problems.length) {
      const diff = await this.db.transaction(async () => {
        const { result } = await this.portfolio.check(document);
        if (!result.ok || problems.length) throw told(result.ok ? [] : result.errors, !result.ok && result.truncated);
        return diffInterchange(result.document, await this.previews.stored(result.document));
      });
      return { ...base, diff };
    }
    // The import checks the document itself (in its transaction): its problems come back as JSON
    // paths and are told as lines and columns, without checking the file twice.
    let summary: ImportSummary;
    try {
      summary = await this.portfolio.import(document);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'IMPORT_INVALID' && Array.isArray(error.details)) {
        throw told(error.details as InterchangeError[], /more than/.test(error.message));
      }
      throw error;
    }
    // The mapping that imported a file is the one to offer next time.
    await this.mappings.put(kind, mapping);
    return { ...base, summary };
  }
}

function refused(problems: SheetProblem[], truncated = false): DomainError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const first = sorted[0];
  const where = first.line ? `Line ${first.line}${first.column ? `, column "${first.column}"` : ''}: ` : '';
  const count = truncated ? `more than ${sorted.length}` : String(sorted.length);
  return new DomainError(
    'IMPORT_INVALID',
    `${where}${first.field && !first.message.startsWith(first.field) ? `${first.field} ` : ''}${first.message}. The file has ${count} problem(s); nothing was imported.`,
    sorted.slice(0, LISTED_PROBLEMS),
  );
}

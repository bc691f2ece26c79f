import { CsvError, parse } from 'csv-parse/sync';
import type { SheetRow } from '@throughline/domain';
import { DomainError } from '../platform/errors/domain-error.js';

/** A sheet read from a file: its header row and its data rows (blank rows dropped). */
export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

/** Rows a sheet may have: the benchmark's 10,000 with room to spare, bounded for memory. */
export const MAX_SHEET_ROWS = 100_000;

/**
 * A CSV file as a sheet, parsed by csv-parse (RFC 4180: quoted fields, doubled quotes, line breaks
 * inside quotes), never by splitting lines. UTF-8 (a BOM is dropped); the separator is `,`, `;` or
 * a tab, whichever the header line has most of outside quotes (Excel writes `;` where the decimal
 * separator is a comma). Each row keeps the line of the file it starts on, for error messages.
 */
export function readCsv(bytes: Buffer): Sheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a BOM
  } catch {
    throw new DomainError('IMPORT_INVALID', 'The file is not UTF-8 text: save it from Excel as "CSV UTF-8".', [
      { line: 0, column: null, field: null, message: 'not UTF-8 text' },
    ]);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      to: MAX_SHEET_ROWS + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 0;
    throw new DomainError('IMPORT_INVALID', `Line ${line}: ${error.message}; nothing was imported.`, [
      { line, column: null, field: null, message: error.message },
    ]);
  }
  if (records.length > MAX_SHEET_ROWS + 1) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `The file has more than ${MAX_SHEET_ROWS} rows.`);
  }
  const [header, ...body] = records;
  if (!header) throw new DomainError('IMPORT_INVALID', 'The file has no header row.', []);
  const headers = header.record.map((h) => h.trim());
  const rows: SheetRow[] = [];
  let nextLine = header.info.lines + 1;
  for (const { record, info } of body) {
    const line = nextLine;
    nextLine = info.lines + 1;
    if (record.every((cell) => cell.trim() === '')) continue;
    const cells: Record<string, unknown> = {};
    headers.forEach((h, i) => {
      if (h && record[i] !== undefined) cells[h] = record[i];
    });
    rows.push({ line, cells });
  }
  return { headers: headers.filter(Boolean), rows };
}

/** The separator the header line uses most, outside quoted text. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [char, count] of counts) if (count > counts.get(best)!) best = char;
  return best;
}

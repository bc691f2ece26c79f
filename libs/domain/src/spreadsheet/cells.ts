import { isIsoDate } from '../dates.js';

/**
 * Days from Excel's day 0 to 1970-01-01. Excel counts 1900-01-01 as day 1 and (wrongly) keeps a
 * 29 February 1900, so from 1 March 1900 on, serial n is 1899-12-30 + n days.
 */
const EXCEL_EPOCH_OFFSET = 25569;
const DAY_MS = 86_400_000;
/** Serial numbers taken as dates: 1 March 1900 to 31 December 9999. */
const MIN_SERIAL = 61;
const MAX_SERIAL = 2_958_465;

/**
 * A spreadsheet's date cell as YYYY-MM-DD, or undefined when it is not one. Accepts what Excel
 * writes or exports: ISO dates (with or without a time), day-first dates (31/03/2027, 31.03.2027,
 * 31-03-2027: Throughline's organisations write dates the British way; a US month-first file must be
 * converted first) and Excel serial numbers (46477 = 2027-03-31).
 */
export function parseSpreadsheetDate(raw: unknown): string | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString().slice(0, 10);
  if (typeof raw === 'number') return fromSerial(raw);
  if (typeof raw !== 'string') return undefined;
  const value = raw.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (iso) return isIsoDate(iso[1]) ? iso[1] : undefined;
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (dayFirst) {
    const date = `${dayFirst[3]}-${dayFirst[2].padStart(2, '0')}-${dayFirst[1].padStart(2, '0')}`;
    return isIsoDate(date) ? date : undefined;
  }
  if (/^\d+(\.\d+)?$/.test(value)) return fromSerial(Number(value));
  return undefined;
}

function fromSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) return undefined;
  return new Date((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A number as a spreadsheet writes it: `1234.5`, `1,234.50`, `£1,200`, `12%` is not taken (a
 * percentage is ambiguous: 0.12 or 12?). Undefined when the cell is not a number.
 */
export function parseSpreadsheetNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  const value = raw
    .trim()
    .replace(/^[£$€]/, '')
    .replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value)) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * A cell written for a spreadsheet: text beginning with `=`, `+`, `-` or `@` (or a tab or carriage
 * return, which Excel strips before looking) gets a leading `'`, so opening the file never runs
 * it as a formula (CSV injection). Numbers are written as numbers, so a negative figure stays one.
 */
export function escapeFormulaCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field: escaped against formulas, quoted when it holds a separator, a quote or a line break. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const raw = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : JSON.stringify(value);
  const text = escapeFormulaCell(raw);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document (RFC 4180, CRLF line ends) with a UTF-8 BOM so Excel reads accents right. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const lines = [header.map(csvField).join(','), ...rows.map((row) => row.map(csvField).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

import {
  INTERCHANGE_FORMAT,
  type InterchangeDocument,
  type InterchangeLink,
  type InterchangeNode,
} from '../interchange.js';
import type { InterchangeError } from '../interchange-validation.js';
import type { FieldRule } from '../shapes/field-rules.js';
import { parseSpreadsheetDate, parseSpreadsheetNumber } from './cells.js';
import { SHEET_NODE_KIND, sheetFields, type ColumnMapping, type SheetKind } from './sheet-kinds.js';

/** One data row of a sheet: the file's line (CSV) or row number (XLSX) where it starts, and its cells by header. */
export interface SheetRow {
  line: number;
  cells: Record<string, unknown>;
}

/** A problem with one cell (or one row, when `column` is null), as the user sees the file. */
export interface SheetProblem {
  line: number;
  column: string | null;
  field: string | null;
  message: string;
}

export interface SheetDocument {
  document: InterchangeDocument;
  /** Each entry's line, in document order (nodes or links). */
  lines: number[];
  problems: SheetProblem[];
}

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * A sheet's rows as an interchange document of one section, each cell converted by its field's
 * rule type (dates and numbers as spreadsheets write them, enum labels as words: "On hold" →
 * on_hold, tags split on commas or semicolons). An empty cell leaves the field out — a stored
 * entry keeps its value, a new one takes the default. What cannot be converted is a problem at its
 * line and column; everything else is left to `validateInterchange`, the JSON import's own check.
 */
export function sheetToDocument(kind: SheetKind, rows: readonly SheetRow[], mapping: ColumnMapping): SheetDocument {
  const rules = new Map(sheetFields(kind).map((f) => [f.field, f.rule]));
  const columns = Object.entries(mapping).filter(([, field]) => rules.has(field));
  const problems: SheetProblem[] = [];
  const entries: Record<string, unknown>[] = [];
  const lines: number[] = [];
  for (const row of rows) {
    const entry: Record<string, unknown> = kind === 'links' ? {} : { kind: SHEET_NODE_KIND[kind] };
    for (const [column, field] of columns) {
      const raw = row.cells[column];
      if (blank(raw)) continue;
      const converted = convert(rules.get(field)!, raw);
      if ('problem' in converted) problems.push({ line: row.line, column, field, message: converted.problem });
      else entry[field] = converted.value;
    }
    entries.push(entry);
    lines.push(row.line);
  }
  const document: InterchangeDocument = {
    format: INTERCHANGE_FORMAT,
    businessUnits: [],
    nodes: kind === 'links' ? [] : (entries as unknown as InterchangeNode[]),
    links: kind === 'links' ? (entries as unknown as InterchangeLink[]) : [],
    checkIns: [],
  };
  return { document, lines, problems };
}

function convert(rule: FieldRule, raw: unknown): { value: unknown } | { problem: string } {
  const text = typeof raw === 'string' ? raw.trim() : raw instanceof Date ? raw.toISOString() : String(raw);
  switch (rule.type) {
    case 'number':
    case 'integer': {
      const value = parseSpreadsheetNumber(raw);
      return value === undefined ? { problem: `"${text}" is not a number` } : { value };
    }
    case 'date': {
      const value = parseSpreadsheetDate(raw);
      return value === undefined
        ? { problem: `"${text}" is not a date (write 2027-03-31, 31/03/2027 or an Excel date)` }
        : { value };
    }
    case 'enum': {
      const value = text.toLowerCase().replace(/[\s-]+/g, '_');
      return { value: rule.values.includes(value) ? value : text };
    }
    case 'tags':
    case 'list':
      return {
        value: [
          ...new Set(
            text
              .split(/[,;|]/)
              .map((t) => t.trim())
              .filter(Boolean),
          ),
        ],
      };
    case 'text':
    case 'key':
    case 'uuid':
      return { value: text };
  }
}

/**
 * The validator's problems (JSON paths such as `$.nodes[12].title`) told as the file's line and
 * column: the entry's line, and the column mapped to the field (null when no column holds it, as
 * for a required field left unmapped).
 */
export function sheetProblems(
  errors: readonly InterchangeError[],
  lines: readonly number[],
  mapping: ColumnMapping,
): SheetProblem[] {
  const columnOf = new Map<string, string>();
  for (const [column, field] of Object.entries(mapping)) if (!columnOf.has(field)) columnOf.set(field, column);
  return errors.map((error) => {
    const at = /^\$\.(?:nodes|links)\[(\d+)\](?:\.(\w+))?/.exec(error.path);
    const line = at ? (lines[Number(at[1])] ?? 0) : 0;
    const field = at?.[2] ?? null;
    const column = field ? (columnOf.get(field) ?? null) : null;
    const message = field && !column ? `${field} ${error.message} (no column is mapped to it)` : error.message;
    return { line, column, field, message };
  });
}

import type { NodeKind } from '../kinds.js';
import { KIND_FIELDS } from '../nodes.js';
import { type FieldRule } from '../shapes/field-rules.js';
import { LINK_FIELD_RULES } from '../shapes/link-shape.js';
import { COMMON_NODE_FIELDS, NODE_FIELD_RULES } from '../shapes/node-shape.js';

/** The sheets a spreadsheet import takes: one kind of node each, or links. */
export const SHEET_KINDS = ['projects', 'bau', 'assets', 'objectives', 'key_results', 'links'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** The node kind of a node sheet (links have none). */
export const SHEET_NODE_KIND: Record<Exclude<SheetKind, 'links'>, NodeKind> = {
  projects: 'project',
  bau: 'bau',
  assets: 'asset',
  objectives: 'objective',
  key_results: 'key_result',
};

export function isSheetKind(value: unknown): value is SheetKind {
  return typeof value === 'string' && (SHEET_KINDS as readonly string[]).includes(value);
}

/** A column mapping: spreadsheet column header → interchange field. Columns not named are ignored. */
export type ColumnMapping = Record<string, string>;

/**
 * The fields a sheet's column may map to, each with its rule from the shared field tables
 * (libs/domain/src/shapes): the same definitions the REST DTOs, the JSON import and the web form use.
 * `businessUnit` and link ends are keys.
 */
export function sheetFields(kind: SheetKind): { field: string; rule: FieldRule }[] {
  if (kind === 'links') {
    return [
      { field: 'from', rule: { type: 'key', required: true } },
      { field: 'to', rule: { type: 'key', required: true } },
      ...Object.entries(LINK_FIELD_RULES).map(([field, rule]) => ({ field, rule: rule })),
    ];
  }
  const nodeKind = SHEET_NODE_KIND[kind];
  const common = COMMON_NODE_FIELDS.filter((f) => f !== 'kind').map((field) => ({
    field: field,
    rule: field === 'key' ? { ...NODE_FIELD_RULES.key, required: true } : NODE_FIELD_RULES[field],
  }));
  return [
    ...common,
    { field: 'businessUnit', rule: { type: 'key', nullable: true } },
    ...KIND_FIELDS[nodeKind].map((field) => ({ field: field, rule: NODE_FIELD_RULES[field] })),
  ];
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The mapping a sheet gets when none is remembered: each column whose header names a field,
 * ignoring case, spaces and punctuation ("Business unit" → businessUnit, "start_date" → startDate).
 */
export function guessMapping(kind: SheetKind, headers: readonly string[]): ColumnMapping {
  const byName = new Map(sheetFields(kind).map(({ field }) => [squash(field), field]));
  byName.set('unit', kind === 'key_results' ? 'unit' : 'businessUnit');
  byName.set('businessunitkey', 'businessUnit');
  byName.set('name', 'title');
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const field = byName.get(squash(header));
    if (field && !taken.has(field)) {
      mapping[header] = field;
      taken.add(field);
    }
  }
  return mapping;
}

/** Problems with a mapping itself: an unknown field, or two columns for one field. */
export function mappingProblems(kind: SheetKind, mapping: ColumnMapping): string[] {
  const known = new Set(sheetFields(kind).map((f) => f.field));
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (field === '') continue;
    if (!known.has(field)) problems.push(`column "${column}" maps to "${field}", which is not a field of ${kind}`);
    else if (seen.has(field)) problems.push(`columns "${seen.get(field)}" and "${column}" both map to ${field}`);
    else seen.set(field, column);
  }
  return problems;
}

import type { InterchangeDocument } from '../interchange.js';
import { KIND_FIELDS } from '../nodes.js';
import { COMMON_NODE_FIELDS } from '../shapes/node-shape.js';

/** What the organisation holds of the entries a document names, each in the document's terms (keys, not ids). */
export interface StoredEntries {
  units: ReadonlyMap<string, { name: string; parent: string | null }>;
  /** By node key: every interchange field (`businessUnit` as a unit key), null when empty. */
  nodes: ReadonlyMap<string, Record<string, unknown>>;
  /** By `from|to|kind`. */
  links: ReadonlyMap<string, { weight: number | null; rationale: string; state: string }>;
  /** By `node|at|value`. */
  checkIns: ReadonlyMap<string, { confidence: number | null; note: string }>;
}

export interface EntryFieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface SectionDiff {
  created: number;
  updated: number;
  unchanged: number;
  /** The entries to create (their key or identity), the first `DIFF_LIST_LIMIT`. */
  creates: string[];
  /** The entries to change, field by field, the first `DIFF_LIST_LIMIT`. */
  updates: { key: string; changes: EntryFieldChange[] }[];
  /** More than `DIFF_LIST_LIMIT` creates or updates: the lists are cut, the counts are not. */
  truncated: boolean;
}

export interface InterchangeDiff {
  businessUnits: SectionDiff;
  nodes: SectionDiff;
  links: SectionDiff;
  checkIns: SectionDiff;
  /** The JSON import's optional sections, when the document has them (libs/domain interchange/governance-diff.ts). */
  okrCycles?: SectionDiff;
  waivers?: SectionDiff;
  raid?: SectionDiff;
}

/** Entries listed per section: enough to read, bounded for a 60,000-node document. */
export const DIFF_LIST_LIMIT = 500;

export const linkIdentity = (l: { from: string; to: string; kind: string }) => `${l.from}|${l.to}|${l.kind}`;
export const checkInIdentity = (c: { node: string; at: string; value: number }) => `${c.node}|${c.at}|${c.value}`;

/**
 * What importing a checked document would do, field by field, under the import's own rules:
 * entries matched by key (units, nodes), by ends and kind (links), by key result, day and value
 * (check-ins); a field the entry leaves out keeps its value, an explicit null clears it; nothing
 * is deleted. Empty values (null, '', []) count as equal. Pure: the dry-run computes it from what
 * it reads, before anything would be written.
 */
export function diffInterchange(doc: InterchangeDocument, stored: StoredEntries): InterchangeDiff {
  return {
    businessUnits: diffSection(
      doc.businessUnits.map((u) => ({
        key: u.key,
        before: stored.units.get(u.key),
        after: { name: u.name, ...(u.parent !== undefined ? { parent: u.parent } : {}) },
      })),
    ),
    nodes: diffSection(
      doc.nodes.map((n) => {
        const fields = [...COMMON_NODE_FIELDS, 'businessUnit', ...KIND_FIELDS[n.kind]].filter(
          (f) => f !== 'key' && f !== 'kind',
        );
        const after: Record<string, unknown> = {};
        const entry = n as unknown as Record<string, unknown>;
        for (const field of fields) if (entry[field] !== undefined) after[field] = entry[field];
        return { key: n.key, before: stored.nodes.get(n.key), after };
      }),
    ),
    links: diffSection(
      doc.links.map((l) => ({
        key: linkIdentity(l),
        before: stored.links.get(linkIdentity(l)),
        after: pick(l, ['weight', 'rationale', 'state']),
      })),
    ),
    checkIns: diffSection(
      doc.checkIns.map((c) => ({
        key: checkInIdentity(c),
        before: stored.checkIns.get(checkInIdentity(c)),
        after: pick(c, ['confidence', 'note']),
      })),
    ),
  };
}

function pick<T extends object>(entry: T, fields: readonly (keyof T & string)[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (entry[field] !== undefined) out[field] = entry[field];
  return out;
}

/** One section's counts and lists: an entry without `before` is created, else changed where `after` differs. */
export function diffSection(
  entries: { key: string; before: object | undefined; after: Record<string, unknown> }[],
): SectionDiff {
  const diff: SectionDiff = { created: 0, updated: 0, unchanged: 0, creates: [], updates: [], truncated: false };
  for (const { key, before, after } of entries) {
    if (!before) {
      diff.created++;
      if (diff.creates.length < DIFF_LIST_LIMIT) diff.creates.push(key);
      else diff.truncated = true;
      continue;
    }
    const stored = before as Record<string, unknown>;
    const changes = Object.entries(after)
      .filter(([field, value]) => !sameValue(stored[field], value))
      .map(([field, value]) => ({ field, before: stored[field] ?? null, after: value }));
    if (changes.length === 0) diff.unchanged++;
    else {
      diff.updated++;
      if (diff.updates.length < DIFF_LIST_LIMIT) diff.updates.push({ key, changes });
      else diff.truncated = true;
    }
  }
  return diff;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Stored numerics may arrive as strings; dates as YYYY-MM-DD; arrays compared in order. */
function sameValue(before: unknown, after: unknown): boolean {
  if (isEmpty(before) && isEmpty(after)) return true;
  if (isEmpty(before) || isEmpty(after)) return false;
  if (typeof after === 'number') return Number(before) === after;
  if (Array.isArray(after)) return Array.isArray(before) && JSON.stringify(before) === JSON.stringify(after);
  return before === after;
}

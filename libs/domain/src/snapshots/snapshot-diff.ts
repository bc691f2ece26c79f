import type { AuditSummary } from '../audit/audit-types.js';

/**
 * Snapshots (docs/domain.md, "Snapshots"): a named, immutable copy of the organisation's graph, its coverage
 * headline and its audit summary, and the diff between two of them (or one and now).
 */

/** A node or link as a snapshot holds it: its id and its fields, compared one by one. */
export interface SnapshotRecord {
  id: string;
  [field: string]: unknown;
}

/** The coverage headline a snapshot keeps (a share is `covered / total`, null when the total is 0). */
export interface SnapshotCoverage {
  objectives: { total: number; covered: number; share: number | null };
  workByCount: { total: number; aligned: number; share: number | null };
  workByMoney: { total: number; aligned: number; share: number | null };
}

export interface SnapshotContent {
  graph: { nodes: SnapshotRecord[]; links: SnapshotRecord[] };
  coverage: SnapshotCoverage;
  audit: AuditSummary;
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ChangedRecord {
  id: string;
  /** The record as it is in `to` (the node's key and title, the link's ends, to name it). */
  record: SnapshotRecord;
  changes: FieldChange[];
}

export interface RecordDiff {
  added: SnapshotRecord[];
  removed: SnapshotRecord[];
  changed: ChangedRecord[];
}

export interface NumberDelta {
  from: number | null;
  to: number | null;
  delta: number | null;
}

export interface SnapshotDiff {
  counts: {
    nodes: { added: number; removed: number; changed: number };
    links: { added: number; removed: number; changed: number };
  };
  nodes: RecordDiff;
  links: RecordDiff;
  coverage: {
    objectivesCovered: NumberDelta;
    objectivesShare: NumberDelta;
    workAlignedByCountShare: NumberDelta;
    workAlignedByMoneyShare: NumberDelta;
  };
  audit: { error: NumberDelta; warning: NumberDelta; info: NumberDelta };
}

/**
 * Fields that change without anyone changing the thing itself (bookkeeping), left out of "changed".
 * A node's version or updated_at moves on every save, even one that writes the same values.
 */
export const IGNORED_DIFF_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
]);

/** The diff of `from` → `to`: records by id; changes field by field, sorted by field name. */
export function diffSnapshots(from: SnapshotContent, to: SnapshotContent): SnapshotDiff {
  const nodes = diffRecords(from.graph.nodes, to.graph.nodes);
  const links = diffRecords(from.graph.links, to.graph.links);
  return {
    counts: { nodes: countsOf(nodes), links: countsOf(links) },
    nodes,
    links,
    coverage: {
      objectivesCovered: delta(from.coverage.objectives.covered, to.coverage.objectives.covered),
      objectivesShare: delta(from.coverage.objectives.share, to.coverage.objectives.share),
      workAlignedByCountShare: delta(from.coverage.workByCount.share, to.coverage.workByCount.share),
      workAlignedByMoneyShare: delta(from.coverage.workByMoney.share, to.coverage.workByMoney.share),
    },
    audit: {
      error: delta(from.audit.error, to.audit.error),
      warning: delta(from.audit.warning, to.audit.warning),
      info: delta(from.audit.info, to.audit.info),
    },
  };
}

export function diffRecords(before: SnapshotRecord[], after: SnapshotRecord[]): RecordDiff {
  const old = new Map(before.map((record) => [record.id, record]));
  const current = new Map(after.map((record) => [record.id, record]));
  const added = after.filter((record) => !old.has(record.id));
  const removed = before.filter((record) => !current.has(record.id));
  const changed: ChangedRecord[] = [];
  for (const record of after) {
    const previous = old.get(record.id);
    if (!previous) continue;
    const changes = fieldChanges(previous, record);
    if (changes.length > 0) changed.push({ id: record.id, record, changes });
  }
  return { added, removed, changed };
}

function fieldChanges(before: SnapshotRecord, after: SnapshotRecord): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (IGNORED_DIFF_FIELDS.has(field)) continue;
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (!sameValue(from, to)) changes.push({ field, from, to });
  }
  return changes;
}

/** Deep equality of JSON values (what jsonb gives back: objects' key order is not meaningful). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => sameValue(left[key], right[key]));
}

function countsOf(diff: RecordDiff) {
  return { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length };
}

function delta(from: number | null, to: number | null): NumberDelta {
  return { from, to, delta: from === null || to === null ? null : round(to - from) };
}

/** Shares are fractions: keep the delta free of floating-point noise (0.1 + 0.2). */
function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

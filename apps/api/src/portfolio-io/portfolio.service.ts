import { Injectable } from '@nestjs/common';
import {
  CHECK_IN_DEFAULTS,
  KIND_FIELDS,
  LINK_DEFAULTS,
  nodeDefaults,
  diffGovernance,
  diffInterchange,
  validateInterchange,
  type InterchangeBusinessUnit,
  type InterchangeDiff,
  type InterchangeError,
  type InterchangeResult,
  type NodeKind,
  type InterchangeNode,
} from '@throughline/domain';
import { ChangeLogRepository, type ChangeToRecord } from '../change-log/change-log.repository.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import { NODE_COLUMNS } from './node-columns.js';
import { PortfolioPreviewRepository } from './portfolio-preview.repository.js';
import { hasRaid, PortfolioGovernanceImport } from './portfolio-governance.import.js';
import { PortfolioRepository, type NodeInputRow, type UnitRow, type Upserted } from './portfolio.repository.js';

/** New nodes after which the import refreshes the planner's statistics before writing links. */
const ANALYZE_AFTER = 1000;

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportSummary {
  businessUnits: ImportCounts;
  nodes: ImportCounts;
  links: ImportCounts;
  checkIns: ImportCounts;
  /** The optional sections, counted when the document has them. */
  okrCycles?: ImportCounts;
  waivers?: ImportCounts;
  raid?: ImportCounts;
}

/**
 * The interchange document of docs/domain.md in (the export is streamed by PortfolioExportService).
 * Import is all-or-nothing (one transaction, after the whole document was checked), idempotent per key (matching units
 * and nodes by key, links by their ends and kind, check-ins by node, day and value), and
 * never deletes what the document does not mention. Within one document an exact repeat of
 * an entry is written once (counted unchanged); a repeat with other fields is refused (422).
 * Export writes a canonical document, so export → import into an empty organisation → export
 * gives the same document.
 */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly db: Db,
    private readonly portfolio: PortfolioRepository,
    private readonly changeLog: ChangeLogRepository,
    private readonly previews: PortfolioPreviewRepository,
    private readonly governance: PortfolioGovernanceImport,
  ) {}

  /**
   * The document checked against what the organisation holds (its units, node kinds and chain
   * links), as the import checks it: the JSON import, its dry run and the spreadsheet import share it.
   */
  async check(
    input: unknown,
  ): Promise<{ result: InterchangeResult; units: UnitRow[]; nodeKinds: Map<string, NodeKind> }> {
    const units = await this.portfolio.units();
    const nodeKinds = await this.portfolio.nodeKinds();
    const withRaid = hasRaid(input);
    const result = validateInterchange(input, {
      unitKeys: new Set(units.map((u) => u.key)),
      nodeKinds,
      chainLinks: nodeKinds.size ? await this.portfolio.chainLinkKeys() : [],
      cycleNames: new Set(await this.governance.cycleNames()),
      // Only a RAID section refers to links by their ends; a document without one does not pay for reading them all.
      linkKeys: withRaid && nodeKinds.size ? new Set(await this.governance.linkKeys()) : undefined,
    });
    return { result, units, nodeKinds };
  }

  /**
   * The dry run: what the import would create and change, field by field, with nothing written.
   * Computed before writing rather than by running the import in a transaction that is rolled back:
   * the upserts report counts, not before/after values; a rolled-back import would still take the
   * organisation's graph lock, write and discard every row (minutes of WAL for a large file) and
   * hold up other writers for the length of a preview. The diff applies the import's own rules
   * (libs/domain diffInterchange), and a test checks its counts against the real import's.
   */
  preview(input: unknown): Promise<InterchangeDiff> {
    return this.db.transaction(async () => {
      const { result } = await this.check(input);
      if (!result.ok) throw invalid(result.errors, result.truncated);
      const doc = result.document;
      return {
        ...diffInterchange(doc, await this.previews.stored(doc)),
        // The optional sections the document has (cycles, waivers, RAID), as the import would apply them.
        ...diffGovernance(doc, await this.previews.storedGovernance(doc)),
      };
    });
  }

  import(input: unknown): Promise<ImportSummary> {
    return this.db.transaction(
      async () => {
        const { result, units, nodeKinds } = await this.check(input);
        if (!result.ok) throw invalid(result.errors, result.truncated);
        // Exact repeats were dropped from the document; each counts as unchanged in its section.
        const doc = result.document;
        const repeated = (section: keyof ImportSummary) =>
          result.repeats.filter((r) => r.path.startsWith(`$.${section}[`)).length;
        const unitIds = new Map(units.map((u) => [u.key, u.id]));
        const businessUnits = withRepeats(
          await this.importUnits(doc.businessUnits, units, unitIds),
          repeated('businessUnits'),
        );
        const okrCycles =
          doc.okrCycles &&
          counted(
            doc.okrCycles.length,
            await this.governance.upsertCycles(
              doc.okrCycles.map((c) => ({ name: c.name, starts_on: c.startsOn, ends_on: c.endsOn })),
            ),
          );
        const nodes = counted(
          doc.nodes.length + repeated('nodes'),
          await this.portfolio.upsertNodes(doc.nodes.map((n) => nodeRow(n, unitIds, nodeKinds.has(n.key)))),
        );
        // A key result's cycle refers to a cycle, not a column of its own: set apart, for the nodes that name one
        // (and new key results, which start in none — nothing to write for those).
        await this.governance.setCycles(
          doc.nodes.flatMap((n) =>
            n.kind === 'key_result' && n.cycle !== undefined ? [{ key: n.key, cycle: n.cycle }] : [],
          ),
        );
        if (nodes.created >= ANALYZE_AFTER) await this.portfolio.refreshStatistics();
        const links = counted(
          doc.links.length + repeated('links'),
          await this.portfolio.upsertLinks(
            doc.links.map((l) => ({
              from_key: l.from,
              to_key: l.to,
              kind: l.kind,
              weight: l.weight ?? LINK_DEFAULTS.weight,
              rationale: l.rationale ?? LINK_DEFAULTS.rationale,
              state: l.state ?? LINK_DEFAULTS.state,
              present: given(l, ['weight', 'rationale', 'state']),
            })),
          ),
        );
        const checkIns = counted(
          doc.checkIns.length + repeated('checkIns'),
          await this.portfolio.upsertCheckIns(
            doc.checkIns.map((c) => ({
              node_key: c.node,
              at: c.at,
              value: c.value,
              confidence: c.confidence ?? CHECK_IN_DEFAULTS.confidence,
              note: c.note ?? CHECK_IN_DEFAULTS.note,
              present: given(c, ['confidence', 'note']),
            })),
          ),
        );
        // The links and check-ins just written are not in the statistics either: without this the
        // first minute of reads after a large import is planned for empty tables (measured in
        // docs/reliability.md: 35 ms of PostgreSQL CPU per request instead of ~10).
        if (nodes.created + links.created + checkIns.created >= ANALYZE_AFTER) await this.portfolio.refreshStatistics();
        const waivers = doc.waivers && counted(doc.waivers.length, await this.governance.importWaivers(doc.waivers));
        const raid = doc.raid && (await this.governance.importRaid(doc.raid));
        return {
          businessUnits,
          nodes,
          links,
          checkIns,
          ...(okrCycles ? { okrCycles } : {}),
          ...(waivers ? { waivers } : {}),
          ...(raid ? { raid } : {}),
        };
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }

  /** Units are few: new ones first (so any may be a parent), then names and parents. */
  private async importUnits(
    input: InterchangeBusinessUnit[],
    existing: UnitRow[],
    ids: Map<string, string>,
  ): Promise<ImportCounts> {
    const known = new Map(existing.map((u) => [u.key, u]));
    const changes: ChangeToRecord[] = [];
    let created = 0;
    let updated = 0;
    for (const unit of input) {
      if (known.has(unit.key)) continue;
      const id = await this.portfolio.insertUnit(unit.key, unit.name);
      ids.set(unit.key, id);
      created++;
    }
    for (const unit of input) {
      const before = known.get(unit.key);
      // An omitted parent keeps the stored one; an explicit null makes the unit a root.
      const parent = unit.parent === undefined ? (before?.parent_key ?? null) : unit.parent;
      const isNew = !before;
      if (before && before.name === unit.name && before.parent_key === parent) continue;
      if (isNew && parent === null) {
        changes.push(unitChange('create', ids.get(unit.key)!, null, unit));
        continue;
      }
      await this.portfolio.updateUnit(ids.get(unit.key)!, unit.name, parent ? ids.get(parent)! : null);
      if (isNew) changes.push(unitChange('create', ids.get(unit.key)!, null, unit));
      else {
        updated++;
        changes.push(
          unitChange('update', before.id, { key: before.key, name: before.name, parent: before.parent_key }, unit),
        );
      }
    }
    await this.changeLog.append(changes);
    return { created, updated, unchanged: input.length - created - updated };
  }
}

function invalid(errors: InterchangeError[], truncated: boolean): DomainError {
  const count = truncated ? `more than ${errors.length}` : String(errors.length);
  return new DomainError(
    'IMPORT_INVALID',
    `The document has ${count} problem(s); nothing was imported. The first: ${errors[0].path} ${errors[0].message}.`,
    errors,
  );
}

function unitChange(
  action: 'create' | 'update',
  id: string,
  before: unknown,
  after: InterchangeBusinessUnit,
): ChangeToRecord {
  return { action, entityType: 'business_unit', entityId: id, nodeIds: [], before, after: { id, ...after } };
}

function withRepeats(counts: ImportCounts, repeats: number): ImportCounts {
  return { ...counts, unchanged: counts.unchanged + repeats };
}

function counted(total: number, upserted: Upserted): ImportCounts {
  return { ...upserted, unchanged: total - upserted.created - upserted.updated };
}

/** The fields of `entry` the document gave (null included): what an update of a stored entry writes. */
function given<T extends object>(entry: T, fields: readonly (keyof T & string)[]): string[] {
  return fields.filter((field) => entry[field] !== undefined);
}

/**
 * A document node as a full row: every column, a new node's defaults (libs/domain) for what it
 * omits, and the columns the entry gave. For a stored node only those are written (an omitted
 * field keeps its value, an explicit null clears it); a new node is written whole.
 */
function nodeRow(node: InterchangeNode, unitIds: Map<string, string>, stored: boolean): NodeInputRow {
  const own = new Set<string>(KIND_FIELDS[node.kind]);
  const defaults: Record<string, unknown> = { ...nodeDefaults(node.kind) };
  const row: Record<string, unknown> = { key: node.key, kind: node.kind };
  const present: string[] = [];
  for (const { field, column } of NODE_COLUMNS) {
    const value = own.has(field) || !isKindSpecific(field) ? node[field] : undefined;
    if (value !== undefined || !stored) present.push(column);
    row[column] = value ?? defaults[field] ?? null;
  }
  row.business_unit_id = node.businessUnit ? unitIds.get(node.businessUnit) : null;
  // Keys to ids (the validation has checked every key); a new node without the field names none.
  if (node.accountableUnits !== undefined) {
    row.accountable_unit_ids = (node.accountableUnits ?? []).map((key) => unitIds.get(key));
  } else if (!stored) row.accountable_unit_ids = [];
  row.present = present;
  return row as NodeInputRow;
}
const KIND_SPECIFIC = new Set<string>(Object.values(KIND_FIELDS).flat());

function isKindSpecific(field: string): boolean {
  return KIND_SPECIFIC.has(field);
}

import { Injectable } from '@nestjs/common';
import type { AuditRuleId, InterchangeRaidAttachment, LinkKind, LinkState } from '@throughline/domain';
import type pg from 'pg';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import type { RaidRow } from '../raid/raid.repository.js';
import { NODE_COLUMNS } from './node-columns.js';

/** Rows fetched per round trip: a few hundred kB of node rows, whatever the organisation's size. */
const BATCH = 2_000;

export interface ExportUnitRow {
  key: string;
  name: string;
  parent_key: string | null;
}

export interface ExportLinkRow {
  from_key: string;
  to_key: string;
  kind: LinkKind;
  weight: number | null;
  rationale: string;
  state: LinkState;
}

export interface ExportCheckInRow {
  node_key: string;
  at: string;
  value: number;
  confidence: number | null;
  note: string;
}

export interface ExportCycleRow {
  name: string;
  starts_on: string;
  ends_on: string;
}

export interface ExportWaiverRow {
  finding_id: string;
  rule: AuditRuleId;
  node_ids: string[];
  /** The nodes' keys, in the finding's order. */
  node_keys: string[];
  path: string[];
  reason: string;
  expires_on: string;
}

/** A RAID item as the RAID log stores it, its attachments by key (the interchange names nodes by key, not id). */
export type ExportRaidRow = Pick<
  RaidRow,
  | 'type'
  | 'title'
  | 'description'
  | 'owner'
  | 'status'
  | 'due_date'
  | 'likelihood'
  | 'impact'
  | 'decided_on'
  | 'decided_by'
> & { attachments: InterchangeRaidAttachment[] };

/** What the export reads, section by section, in batches of rows; never the whole organisation at once. */
export interface ExportReader {
  units(): AsyncIterable<ExportUnitRow[]>;
  /** Unit ids already turned into keys (`business_unit_id` holds the unit's key). */
  nodes(): AsyncIterable<Record<string, unknown>[]>;
  links(): AsyncIterable<ExportLinkRow[]>;
  checkIns(): AsyncIterable<ExportCheckInRow[]>;
  okrCycles(): AsyncIterable<ExportCycleRow[]>;
  /** Waivers whose nodes all still exist (one of a deleted node waives nothing any more). */
  waivers(): AsyncIterable<ExportWaiverRow[]>;
  raid(): AsyncIterable<ExportRaidRow[]>;
}

/**
 * The export's reads: a cursor per section in one read-only REPEATABLE READ snapshot, so the document
 * is consistent (no link to a node the export did not write) and its memory is one batch of
 * rows, however large the organisation. Orders are the canonical document's.
 */
@Injectable()
export class PortfolioExportRepository {
  constructor(private readonly db: Db) {}

  read<T>(work: (reader: ExportReader) => Promise<T>): Promise<T> {
    const orgId = requestContext.orgId();
    return this.db.readOnlySnapshot((client) =>
      work({
        units: () =>
          cursor<ExportUnitRow>(
            client,
            `SELECT u.key, u.name, p.key AS parent_key
               FROM business_units u LEFT JOIN business_units p ON p.org_id = u.org_id AND p.id = u.parent_id
              WHERE u.org_id = $1 ORDER BY u.key`,
            [orgId],
          ),
        nodes: () =>
          cursor<Record<string, unknown>>(
            client,
            `SELECT n.key, n.kind, ${NODE_COLUMNS.map((c) => exportColumn(c.column)).join(', ')},
                    (SELECT c.name FROM okr_cycles c WHERE c.org_id = n.org_id AND c.id = n.cycle_id) AS cycle
               FROM nodes n LEFT JOIN business_units u ON u.org_id = n.org_id AND u.id = n.business_unit_id
              WHERE n.org_id = $1
              ORDER BY array_position(ARRAY['theme','objective','key_result','programme','project','bau','asset'], n.kind), n.key`,
            [orgId],
          ),
        links: () =>
          cursor<ExportLinkRow>(
            client,
            `SELECT f.key AS from_key, t.key AS to_key, l.kind, l.weight, l.rationale, l.state
               FROM links l
               JOIN nodes f ON f.org_id = l.org_id AND f.id = l.from_id
               JOIN nodes t ON t.org_id = l.org_id AND t.id = l.to_id
              WHERE l.org_id = $1
              ORDER BY f.key, t.key, l.kind`,
            [orgId],
          ),
        checkIns: () =>
          cursor<ExportCheckInRow>(
            client,
            `SELECT n.key AS node_key, c.at, c.value, c.confidence, c.note
               FROM key_result_check_ins c JOIN nodes n ON n.org_id = c.org_id AND n.id = c.node_id
              WHERE c.org_id = $1
              ORDER BY n.key, c.at, c.value`,
            [orgId],
          ),
        okrCycles: () =>
          cursor<ExportCycleRow>(
            client,
            `SELECT name, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
               FROM okr_cycles WHERE org_id = $1 ORDER BY starts_on, name COLLATE "C"`,
            [orgId],
          ),
        waivers: () =>
          cursor<ExportWaiverRow>(
            client,
            `SELECT w.finding_id, w.rule, w.node_ids, k.node_keys, w.path, w.reason,
                    to_char(w.expires_on, 'YYYY-MM-DD') AS expires_on
               FROM audit_waivers w
               CROSS JOIN LATERAL (
                 SELECT array_agg(n.key ORDER BY u.i) AS node_keys, count(n.id) AS found
                   FROM unnest(w.node_ids) WITH ORDINALITY AS u(id, i)
                   LEFT JOIN nodes n ON n.org_id = w.org_id AND n.id = u.id
               ) k
              WHERE w.org_id = $1 AND k.found = cardinality(w.node_ids)
              ORDER BY w.rule, k.node_keys, w.finding_id`,
            [orgId],
          ),
        raid: () =>
          cursor<ExportRaidRow>(
            client,
            `SELECT r.type, r.title, r.description, r.owner, r.status, to_char(r.due_date, 'YYYY-MM-DD') AS due_date,
                    r.likelihood, r.impact, to_char(r.decided_on, 'YYYY-MM-DD') AS decided_on, r.decided_by,
                    ${RAID_ATTACHMENTS_AS_DOCUMENT('r')} AS attachments
               FROM raid_items r
              WHERE r.org_id = $1
              ORDER BY r.type, r.title COLLATE "C", r.created_at, r.id`,
            [orgId],
          ),
      }),
    );
  }
}

/** A node column as the document writes it: units by key (an objective's accountable units in key order). */
function exportColumn(column: string): string {
  if (column === 'business_unit_id') return 'u.key AS business_unit_id';
  if (column === 'accountable_unit_ids') {
    return `ARRAY(SELECT a.key FROM business_units a
                   WHERE a.org_id = n.org_id AND a.id = ANY(n.accountable_unit_ids) ORDER BY a.key COLLATE "C") AS accountable_unit_ids`;
  }
  return `n.${column}`;
}

/**
 * The attachments of the RAID item `item` (an alias of raid_items) as the document names them, in a stable order: a
 * node by key, a link by its ends' keys and kind, a detached one by its label. The export writes them; the import's
 * dry run compares with them.
 */
export const RAID_ATTACHMENTS_AS_DOCUMENT = (item: string) => `coalesce((
  SELECT jsonb_agg(x.attachment ORDER BY x.attachment::text COLLATE "C")
    FROM (
      SELECT CASE
               WHEN n.key IS NOT NULL THEN jsonb_build_object('node', n.key)
               WHEN l.id IS NOT NULL THEN jsonb_build_object('link',
                 jsonb_build_object('from', f.key, 'to', t.key, 'kind', l.kind))
               ELSE jsonb_build_object('detached', a.label)
             END AS attachment
        FROM raid_attachments a
        LEFT JOIN nodes n ON n.org_id = a.org_id AND n.id = a.node_id
        LEFT JOIN links l ON l.org_id = a.org_id AND l.id = a.link_id
        LEFT JOIN nodes f ON f.org_id = l.org_id AND f.id = l.from_id
        LEFT JOIN nodes t ON t.org_id = l.org_id AND t.id = l.to_id
       WHERE a.item_id = ${item}.id
    ) x), '[]')`;

let cursors = 0;

/**
 * A server-side cursor in the snapshot's transaction, fetched `BATCH` rows at a time; closed
 * when the caller stops early (the transaction's end would close it anyway).
 */
async function* cursor<T>(client: pg.ClientBase, sql: string, parameters: unknown[]): AsyncGenerator<T[]> {
  const name = `export_${++cursors}`;
  await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, parameters);
  let done = false;
  try {
    for (;;) {
      const { rows } = await client.query<T & pg.QueryResultRow>(`FETCH ${BATCH} FROM ${name}`);
      if (rows.length > 0) yield rows;
      if (rows.length < BATCH) break;
    }
    done = true;
  } finally {
    if (done) await client.query(`CLOSE ${name}`);
  }
}

import { Injectable } from '@nestjs/common';
import type { RaidValues } from '@throughline/domain';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import type { RaidAttachmentRow } from '../raid/raid.repository.js';
import { upsertLogged, type Upserted } from './portfolio.repository.js';

export interface CycleInputRow {
  name: string;
  starts_on: string;
  ends_on: string;
}

/** A waiver resolved to this organisation: its finding id computed from the node ids. */
export interface WaiverInputRow {
  finding_id: string;
  rule: string;
  node_ids: string[];
  path: string[];
  reason: string;
  expires_on: string;
}

/** A RAID item's stored fields (REST names), as the import compares and writes them. */
export interface StoredRaidItem extends RaidValues {
  id: string;
  attachments: RaidAttachmentRow[];
}

/**
 * The interchange's governance sections (issue 13) in and out of the database: OKR cycles and key results' cycles,
 * waivers, RAID items. Every read takes the whole section in one statement (the document's entries passed as JSON);
 * the cycles and waivers use the portfolio's set-based upsert, which writes their change-log entries in the same
 * statement.
 */
@Injectable()
export class PortfolioGovernanceRepository {
  constructor(private readonly db: Db) {}

  async cycleNames(): Promise<string[]> {
    const rows = await this.db.query<{ name: string }>(`SELECT name FROM okr_cycles WHERE org_id = $1`, [
      requestContext.orgId(),
    ]);
    return rows.map((r) => r.name);
  }

  /** Every link as `from\u0000to\u0000kind` by key (what a RAID attachment in the document may name). */
  async linkKeys(): Promise<string[]> {
    const rows = await this.db.query<{ f: string; t: string; kind: string }>(
      `SELECT f.key AS f, t.key AS t, l.kind FROM links l
         JOIN nodes f ON f.org_id = l.org_id AND f.id = l.from_id
         JOIN nodes t ON t.org_id = l.org_id AND t.id = l.to_id
        WHERE l.org_id = $1`,
      [requestContext.orgId()],
    );
    return rows.map((r) => `${r.f}\u0000${r.t}\u0000${r.kind}`);
  }

  /** Inserts new cycles and changes the days of known ones (a cycle is its name). */
  async upsertCycles(rows: CycleInputRow[]): Promise<Upserted> {
    const json = (alias: string) =>
      `jsonb_build_object('id', ${alias}.id, 'name', ${alias}.name, 'startsOn', ${alias}.starts_on, 'endsOn', ${alias}.ends_on)`;
    return upsertLogged(
      this.db,
      `WITH input AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS i(name text, starts_on date, ends_on date)),
       old AS MATERIALIZED (SELECT c.* FROM okr_cycles c JOIN input i ON c.org_id = $1 AND c.name = i.name),
       upserted AS (
         INSERT INTO okr_cycles AS c (org_id, name, starts_on, ends_on)
         SELECT $1, i.name, i.starts_on, i.ends_on FROM input i
         ON CONFLICT (org_id, name) DO UPDATE SET starts_on = excluded.starts_on, ends_on = excluded.ends_on
         WHERE (c.starts_on, c.ends_on) IS DISTINCT FROM (excluded.starts_on, excluded.ends_on)
         RETURNING c.*
       )`,
      rows,
      { entityType: 'okr_cycle', nodeIds: () => `ARRAY[]::uuid[]`, json },
    );
  }

  /**
   * Sets key results' cycles by name (`null`: none), bumping the version of each node whose cycle changes and writing
   * its change-log entry; returns how many changed.
   */
  async setCycles(rows: { key: string; cycle: string | null }[]): Promise<number> {
    if (rows.length === 0) return 0;
    const [result] = await this.db.query<{ changed: number }>(
      `WITH input AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS i(key text, cycle text)),
       wanted AS (
         SELECT n.id, n.cycle_id AS old_cycle, c.id AS new_cycle
           FROM input i
           JOIN nodes n ON n.org_id = $1 AND n.key = i.key
           LEFT JOIN okr_cycles c ON c.org_id = $1 AND c.name = i.cycle
          WHERE n.cycle_id IS DISTINCT FROM c.id
       ),
       changed AS (
         UPDATE nodes n SET cycle_id = w.new_cycle, version = n.version + 1, updated_at = now(), updated_by = $3
           FROM wanted w WHERE n.org_id = $1 AND n.id = w.id
         RETURNING n.id, n.key, n.version, w.old_cycle, w.new_cycle
       ),
       logged AS (
         INSERT INTO change_log (org_id, actor, request_id, action, entity_type, entity_id, node_ids, before, after)
         SELECT $1, $3, $4, 'update', 'node', c.id, ARRAY[c.id],
                jsonb_build_object('id', c.id, 'key', c.key, 'cycleId', c.old_cycle, 'version', c.version - 1),
                jsonb_build_object('id', c.id, 'key', c.key, 'cycleId', c.new_cycle, 'version', c.version)
           FROM changed c
       )
       SELECT count(*)::int AS changed FROM changed`,
      [requestContext.orgId(), JSON.stringify(rows), requestContext.actor(), requestContext.get()?.requestId ?? null],
    );
    return result.changed;
  }

  /** Node ids by key (for waivers and RAID attachments). */
  async nodeIds(keys: string[]): Promise<Map<string, { id: string; title: string }>> {
    if (keys.length === 0) return new Map();
    const rows = await this.db.query<{ key: string; id: string; title: string }>(
      `SELECT key, id, title FROM nodes WHERE org_id = $1 AND key = ANY($2::text[])`,
      [requestContext.orgId(), keys],
    );
    return new Map(rows.map((r) => [r.key, { id: r.id, title: r.title }]));
  }

  /**
   * The ids of the links named by their ends' keys and kind, in one statement (what the document's RAID attachments
   * name), by `from\u0000to\u0000kind`; links not found are left out.
   */
  async linkIdsByEnds(ends: { from: string; to: string; kind: string }[]): Promise<Map<string, string>> {
    if (ends.length === 0) return new Map();
    const rows = await this.db.query<{ f: string; t: string; kind: string; id: string }>(
      `SELECT i.f, i.t, i.kind, l.id
         FROM jsonb_to_recordset($2::jsonb) AS i(f text, t text, kind text)
         JOIN nodes f ON f.org_id = $1 AND f.key = i.f
         JOIN nodes t ON t.org_id = $1 AND t.key = i.t
         JOIN links l ON l.org_id = $1 AND l.from_id = f.id AND l.to_id = t.id AND l.kind = i.kind`,
      [requestContext.orgId(), JSON.stringify(ends.map((e) => ({ f: e.from, t: e.to, kind: e.kind })))],
    );
    return new Map(rows.map((r) => [`${r.f}\u0000${r.t}\u0000${r.kind}`, r.id]));
  }

  /** Inserts new waivers and replaces the reason, days and path of known ones (a waiver is its finding). */
  async upsertWaivers(rows: WaiverInputRow[]): Promise<Upserted> {
    if (rows.length === 0) return { created: 0, updated: 0 };
    const json = (alias: string) =>
      `jsonb_build_object('id', ${alias}.id, 'findingId', ${alias}.finding_id, 'rule', ${alias}.rule, 'nodeIds', ${alias}.node_ids,
         'path', ${alias}.path, 'reason', ${alias}.reason, 'expiresOn', ${alias}.expires_on)`;
    return upsertLogged(
      this.db,
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb)
           AS i(finding_id text, rule text, node_ids uuid[], path text[], reason text, expires_on date)
       ),
       old AS MATERIALIZED (SELECT w.* FROM audit_waivers w JOIN input i ON w.org_id = $1 AND w.finding_id = i.finding_id),
       upserted AS (
         INSERT INTO audit_waivers AS w (org_id, finding_id, rule, node_ids, path, reason, expires_on, created_by)
         SELECT $1, i.finding_id, i.rule, i.node_ids, i.path, i.reason, i.expires_on, $3 FROM input i
         ON CONFLICT (org_id, finding_id) DO UPDATE SET
           node_ids = excluded.node_ids, path = excluded.path, reason = excluded.reason,
           expires_on = excluded.expires_on, updated_at = now()
         WHERE (w.node_ids, w.path, w.reason, w.expires_on)
               IS DISTINCT FROM (excluded.node_ids, excluded.path, excluded.reason, excluded.expires_on)
         RETURNING w.*
       )`,
      rows,
      { entityType: 'waiver', nodeIds: (alias) => `${alias}.node_ids`, json },
    );
  }

  /**
   * For each type and title given, the oldest stored RAID item of that type and title (the import matches the first),
   * with its attachments: one statement for the whole section.
   */
  async raidItems(identities: { type: string; title: string }[]): Promise<StoredRaidItem[]> {
    if (identities.length === 0) return [];
    return this.db.query<StoredRaidItem>(
      `SELECT DISTINCT ON (r.type, r.title)
              r.id, r.type, r.title, r.description, r.owner, r.status, to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate",
              r.likelihood, r.impact, to_char(r.decided_on, 'YYYY-MM-DD') AS "decidedOn", r.decided_by AS "decidedBy",
              coalesce((SELECT jsonb_agg(jsonb_build_object('nodeId', a.node_id, 'linkId', a.link_id, 'label', a.label))
                          FROM raid_attachments a WHERE a.item_id = r.id), '[]') AS attachments
         FROM jsonb_to_recordset($2::jsonb) AS i(type text, title text)
         JOIN raid_items r ON r.org_id = $1 AND r.type = i.type AND r.title = i.title
        ORDER BY r.type, r.title, r.created_at, r.id`,
      [requestContext.orgId(), JSON.stringify(identities.map(({ type, title }) => ({ type, title })))],
    );
  }
}

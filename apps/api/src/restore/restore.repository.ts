import { Injectable } from '@nestjs/common';
import type { CheckInRecord, LinkRecord, NodeRecord } from '@throughline/domain';
import { Db } from '../platform/database/db.js';
import { requestContext } from '../platform/request-context/request-context.js';

/** A node as its deletion left it in the change log: its fields and its check-ins. */
export type DeletedNode = NodeRecord & { checkIns?: CheckInRecord[] };

export interface Deletion {
  node: DeletedNode;
  /** The links deleted with it (the same transaction: the same `at`). */
  links: LinkRecord[];
}

/** camelCase record fields to the tables' snake_case columns (`businessUnitId` → `business_unit_id`). */
function snake(record: object, extra: Record<string, unknown> = {}): string {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries({ ...record, ...extra })) {
    row[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = value;
  }
  return JSON.stringify(row);
}

/**
 * The SQL of restoring a deleted node: reading its last deletion from the change log, and writing
 * the node, its links and check-ins back with their own ids. Rows are rebuilt from the change log's
 * images with `jsonb_populate_record` over the tables' own row types, so a column added later is
 * carried as long as the image holds it.
 */
@Injectable()
export class RestoreRepository {
  constructor(private readonly db: Db) {}

  /** The node's last deletion, with the links removed in the same transaction; undefined if it was never deleted. */
  async lastDeletion(nodeId: string): Promise<Deletion | undefined> {
    const orgId = requestContext.orgId();
    const [entry] = await this.db.query<{ before: DeletedNode; id: string }>(
      `SELECT before, id FROM change_log
        WHERE org_id = $1 AND entity_id = $2 AND entity_type = 'node' AND action = 'delete'
        ORDER BY id DESC LIMIT 1`,
      [orgId, nodeId],
    );
    if (!entry) return undefined;
    const links = await this.db.query<{ before: LinkRecord }>(
      `SELECT before FROM change_log
        WHERE org_id = $1 AND entity_type = 'link' AND action = 'delete'
          AND at = (SELECT at FROM change_log WHERE org_id = $1 AND id = $3)
          AND node_ids @> ARRAY[$2::uuid]
        ORDER BY id`,
      [orgId, nodeId, entry.id],
    );
    return { node: entry.before, links: links.map((l) => l.before) };
  }

  async nodeExists(id: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM nodes WHERE org_id = $1 AND id = $2`, [requestContext.orgId(), id]);
    return rows.length > 0;
  }

  async keyTaken(key: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM nodes WHERE org_id = $1 AND key = $2`, [
      requestContext.orgId(),
      key,
    ]);
    return rows.length > 0;
  }

  /** Whether the business unit still exists (a unit may have been deleted since). */
  async unitExists(id: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM business_units WHERE org_id = $1 AND id = $2`, [
      requestContext.orgId(),
      id,
    ]);
    return rows.length > 0;
  }

  /**
   * Writes the node back with its id and key, one version on from the deleted one. Only the columns
   * the image holds are written: a column added since the deletion takes its default.
   */
  async insertNode(node: DeletedNode, businessUnitId: string | null): Promise<void> {
    const { checkIns: _checkIns, ...fields } = node;
    const row = snake(fields, {
      orgId: requestContext.orgId(),
      businessUnitId,
      version: node.version + 1,
      updatedBy: requestContext.actor(),
      updatedAt: new Date().toISOString(),
    });
    const present = new Set(Object.keys(JSON.parse(row) as object));
    const columns = (
      await this.db.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = 'nodes' ORDER BY ordinal_position`,
      )
    )
      .map((c) => c.name)
      .filter((name) => present.has(name))
      .map((name) => `"${name}"`)
      .join(', ');
    await this.db.query(
      `INSERT INTO nodes (${columns}) SELECT ${columns} FROM jsonb_populate_record(null::nodes, $1::jsonb)`,
      [row],
    );
  }

  /**
   * Writes a link back if both its ends exist and no link of its kind joins them now; the ends' kinds
   * are read from the nodes (the composite foreign key checks them). True when it was written.
   */
  async insertLink(link: LinkRecord): Promise<boolean> {
    const orgId = requestContext.orgId();
    const rows = await this.db.query(
      `INSERT INTO links (id, org_id, from_id, from_kind, to_id, to_kind, kind, weight, rationale, state,
                          proposed_by, proposed_at, decided_by, decided_at, version, created_at, updated_at)
       SELECT r.id, $1, r.from_id, f.kind, r.to_id, t.kind, r.kind, r.weight, coalesce(r.rationale, ''), r.state,
              coalesce(r.proposed_by, 'system'), coalesce(r.proposed_at, now()), r.decided_by, r.decided_at,
              coalesce(r.version, 1), coalesce(r.created_at, now()), now()
         FROM jsonb_populate_record(null::links, $2::jsonb) r
         JOIN nodes f ON f.org_id = $1 AND f.id = r.from_id
         JOIN nodes t ON t.org_id = $1 AND t.id = r.to_id
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [orgId, snake(link)],
    );
    return rows.length > 0;
  }

  /** Writes a check-in back (unless the same reading exists again). */
  async insertCheckIn(checkIn: CheckInRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO key_result_check_ins (id, org_id, node_id, node_kind, at, value, confidence, note, created_by, created_at)
       SELECT r.id, $1, r.node_id, 'key_result', r.at, r.value, r.confidence, coalesce(r.note, ''),
              coalesce(r.created_by, 'system'), coalesce(r.created_at, now())
         FROM jsonb_populate_record(null::key_result_check_ins, $2::jsonb) r
       ON CONFLICT DO NOTHING`,
      [requestContext.orgId(), snake(checkIn)],
    );
  }
}

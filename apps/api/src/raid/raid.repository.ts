import { Injectable } from '@nestjs/common';
import {
  RAID_FIELDS,
  type RaidAttachment,
  type RaidField,
  type RaidStatus,
  type RaidType,
  type RaidValues,
} from '@throughline/domain';
import { Db } from '../platform/database/db.js';
import { requestContext } from '../platform/request-context/request-context.js';

export interface RaidRow {
  id: string;
  type: RaidType;
  title: string;
  description: string;
  owner: string | null;
  status: RaidStatus;
  due_date: string | null;
  likelihood: number | null;
  impact: number | null;
  decided_on: string | null;
  decided_by: string | null;
  version: number;
  created_by: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
  attachments: RaidAttachment[];
}

/** Each field's column: a field added to RAID_FIELD_RULES (libs/domain) does not compile until it has one. */
const RAID_COLUMNS: Record<RaidField, string> = {
  type: 'type',
  title: 'title',
  description: 'description',
  owner: 'owner',
  status: 'status',
  dueDate: 'due_date',
  likelihood: 'likelihood',
  impact: 'impact',
  decidedOn: 'decided_on',
  decidedBy: 'decided_by',
};

/** What an attachment row holds: a node or a link (neither: detached), and the label kept if it goes. */
export interface RaidAttachmentRow {
  nodeId: string | null;
  linkId: string | null;
  label: string;
}

/** A node or link an item may be attached to, with what a contributor's rule needs to know. */
export interface AttachTarget {
  nodeId: string | null;
  linkId: string | null;
  label: string;
  /** The node, or the link's `from` node: its kind and unit. */
  kind: string;
  key: string;
  businessUnitId: string | null;
}

export interface RaidFilter {
  type?: string;
  status?: string;
  nodeId?: string;
  linkId?: string;
}

const SELECT = `
  SELECT r.id, r.type, r.title, r.description, r.owner, r.status, to_char(r.due_date, 'YYYY-MM-DD') AS due_date,
         r.likelihood, r.impact, to_char(r.decided_on, 'YYYY-MM-DD') AS decided_on, r.decided_by, r.version,
         r.created_by, r.created_at, r.updated_by, r.updated_at,
         coalesce((SELECT jsonb_agg(jsonb_build_object('id', a.id, 'nodeId', a.node_id, 'linkId', a.link_id,
                                                       'label', a.label, 'detachedAt', a.detached_at) ORDER BY a.label)
                     FROM raid_attachments a WHERE a.item_id = r.id), '[]') AS attachments
    FROM raid_items r`;

@Injectable()
export class RaidRepository {
  constructor(private readonly db: Db) {}

  async list(filter: RaidFilter): Promise<RaidRow[]> {
    const where = ['r.org_id = $1'];
    const params: unknown[] = [requestContext.orgId()];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.type) add('r.type = ?', filter.type);
    if (filter.status) add('r.status = ?', filter.status);
    if (filter.nodeId)
      add('EXISTS (SELECT 1 FROM raid_attachments a WHERE a.item_id = r.id AND a.node_id = ?)', filter.nodeId);
    if (filter.linkId)
      add('EXISTS (SELECT 1 FROM raid_attachments a WHERE a.item_id = r.id AND a.link_id = ?)', filter.linkId);
    return this.db.query<RaidRow>(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC`,
      params,
    );
  }

  async find(id: string): Promise<RaidRow | undefined> {
    const [row] = await this.db.query<RaidRow>(`${SELECT} WHERE r.org_id = $1 AND r.id = $2`, [
      requestContext.orgId(),
      id,
    ]);
    return row;
  }

  /** The nodes and links named, as they are now (missing ones are simply not returned). */
  async targets(nodeIds: string[], linkIds: string[]): Promise<AttachTarget[]> {
    return this.db.query<AttachTarget>(
      `SELECT n.id AS "nodeId", NULL::uuid AS "linkId", n.key || ' ' || n.title AS label,
              n.kind, n.key, n.business_unit_id AS "businessUnitId"
         FROM nodes n WHERE n.org_id = $1 AND n.id = ANY($2::uuid[])
       UNION ALL
       SELECT NULL::uuid, l.id, f.key || ' → ' || t.key || ' (' || replace(l.kind, '_', ' ') || ')',
              f.kind, f.key, f.business_unit_id
         FROM links l JOIN nodes f ON f.id = l.from_id JOIN nodes t ON t.id = l.to_id
        WHERE l.org_id = $1 AND l.id = ANY($3::uuid[])`,
      [requestContext.orgId(), nodeIds, linkIds],
    );
  }

  /**
   * One transaction holding the organisation's graph-writer lock, so a node or link looked up inside it cannot be
   * deleted before the attachment is written.
   */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work, { lockGraphOf: requestContext.orgId() });
  }

  /**
   * Inserts or updates the item and, when `attachments` is given, replaces its attachments in one statement (call
   * inside a transaction). An attachment with neither a node nor a link is stored detached, as a deleted target leaves
   * it. The RAID log and the interchange import both write through here. Null when `version` is stale or the item gone.
   */
  async save(
    id: string | null,
    values: RaidValues,
    attachments: RaidAttachmentRow[] | null,
    version?: number,
  ): Promise<string | null> {
    const orgId = requestContext.orgId();
    const actor = requestContext.actor();
    const columns = RAID_FIELDS.map((field) => RAID_COLUMNS[field]);
    const fields = RAID_FIELDS.map((field) => values[field]);
    const n = fields.length;
    let itemId: string;
    if (id === null) {
      // $1 the organisation, $2… the fields in RAID_FIELDS' order, then the actor.
      const [row] = await this.db.query<{ id: string }>(
        `INSERT INTO raid_items (org_id, ${columns.join(', ')}, created_by, updated_by)
         VALUES ($1, ${fields.map((_, i) => `$${i + 2}`).join(', ')}, $${n + 2}, $${n + 2}) RETURNING id`,
        [orgId, ...fields, actor],
      );
      itemId = row.id;
    } else {
      // $1 the organisation, $2 the item, $3… the fields, then the actor and the expected version.
      const rows = await this.db.query<{ id: string }>(
        `UPDATE raid_items SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')}, updated_by = $${n + 3},
                updated_at = now(), version = version + 1
          WHERE org_id = $1 AND id = $2 AND ($${n + 4}::int IS NULL OR version = $${n + 4}) RETURNING id`,
        [orgId, id, ...fields, actor, version ?? null],
      );
      if (rows.length === 0) return null;
      itemId = id;
    }
    if (attachments) {
      await this.db.query(`DELETE FROM raid_attachments WHERE org_id = $1 AND item_id = $2`, [orgId, itemId]);
      const rows = attachments.map((a) => ({ nodeId: a.nodeId, linkId: a.linkId, label: a.label.slice(0, 500) }));
      await this.db.query(
        `INSERT INTO raid_attachments (org_id, item_id, node_id, link_id, label, detached_at)
         SELECT $1, $2, a."nodeId", a."linkId", a.label,
                CASE WHEN a."nodeId" IS NULL AND a."linkId" IS NULL THEN now() END
           FROM jsonb_to_recordset($3::jsonb) AS a("nodeId" uuid, "linkId" uuid, label text)`,
        [orgId, itemId, JSON.stringify(rows)],
      );
    }
    return itemId;
  }

  async delete(id: string): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(
      `DELETE FROM raid_items WHERE org_id = $1 AND id = $2 RETURNING id`,
      [requestContext.orgId(), id],
    );
    return rows.length > 0;
  }

  /**
   * Open red risks per node (for the map's and dashboard's badges). A risk on a link is carried by both of the link's
   * ends: doubt that "PRJ-18 is ready before PRJ-21 needs it" is a risk to each, and leaving it off both would show an
   * executive fewer red risks than the RAID log lists.
   */
  async redRisksByNode(minScore: number): Promise<{ nodeId: string; count: number; itemIds: string[] }[]> {
    return this.db.query(
      `SELECT t.node_id AS "nodeId", count(DISTINCT r.id)::int AS count, array_agg(DISTINCT r.id) AS "itemIds"
         FROM raid_items r
         JOIN raid_attachments a ON a.item_id = r.id
         LEFT JOIN links l ON l.org_id = a.org_id AND l.id = a.link_id
        CROSS JOIN LATERAL (VALUES (a.node_id), (l.from_id), (l.to_id)) AS t(node_id)
        WHERE r.org_id = $1 AND r.type = 'risk' AND r.status <> 'closed' AND r.likelihood * r.impact >= $2
          AND t.node_id IS NOT NULL
        GROUP BY t.node_id ORDER BY t.node_id`,
      [requestContext.orgId(), minScore],
    );
  }
}

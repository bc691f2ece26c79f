import { Injectable } from '@nestjs/common';
import type { ChangeLogEntry } from '@throughline/domain';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';

export interface ChangeToRecord {
  action: ChangeLogEntry['action'];
  entityType: ChangeLogEntry['entityType'];
  entityId: string;
  /** The nodes the change concerns, so each node's history shows it. */
  nodeIds: string[];
  before: unknown;
  after: unknown;
}

interface ChangeLogRow {
  id: string;
  at: Date;
  actor: string;
  action: ChangeLogEntry['action'];
  entity_type: ChangeLogEntry['entityType'];
  entity_id: string;
  before: unknown;
  after: unknown;
}

/** Which entries an admin asks for; every field narrows. */
export interface ChangeLogFilter {
  /** Part of the actor's name, any case. */
  actor?: string;
  entityType?: ChangeLogEntry['entityType'];
  action?: ChangeLogEntry['action'];
  /** From this instant on (inclusive). */
  from?: Date;
  /** Before this instant (exclusive). */
  to?: Date;
  /** Entries older than this id (the cursor of the previous page). */
  before?: number;
  limit: number;
}

@Injectable()
export class ChangeLogRepository {
  constructor(private readonly db: Db) {}

  /** Appends entries in the caller's transaction (one statement however many entries). */
  async append(changes: ChangeToRecord[]): Promise<void> {
    if (changes.length === 0) return;
    const context = requestContext.get();
    await this.db.query(
      `INSERT INTO change_log (org_id, actor, request_id, action, entity_type, entity_id, node_ids, before, after)
       SELECT $1, $2, $3, c.action, c.entity_type, c.entity_id, c.node_ids, c.before, c.after
         FROM jsonb_to_recordset($4::jsonb)
           AS c(action text, entity_type text, entity_id uuid, node_ids uuid[], before jsonb, after jsonb)`,
      [
        requestContext.orgId(),
        requestContext.actor(),
        context?.requestId ?? null,
        JSON.stringify(
          changes.map((c) => ({
            action: c.action,
            entity_type: c.entityType,
            entity_id: c.entityId,
            node_ids: c.nodeIds,
            before: c.before ?? null,
            after: c.after ?? null,
          })),
        ),
      ],
    );
  }

  /** Everything that touched a node: its own changes, and those of its links and check-ins. Newest first. */
  async forNode(nodeId: string, limit: number): Promise<ChangeLogEntry[]> {
    const rows = await this.db.query<ChangeLogRow>(
      `SELECT id, at, actor, action, entity_type, entity_id, before, after
         FROM change_log
        WHERE org_id = $1 AND node_ids @> ARRAY[$2::uuid]
        ORDER BY id DESC
        LIMIT $3`,
      [requestContext.orgId(), nodeId, limit],
    );
    return rows.map(toEntry);
  }

  /** The organisation's log, newest first, filtered; `limit` rows at most. */
  async list(filter: ChangeLogFilter): Promise<ChangeLogEntry[]> {
    const rows = await this.db.query<ChangeLogRow>(
      `SELECT id, at, actor, action, entity_type, entity_id, before, after
         FROM change_log
        WHERE org_id = $1
          AND ($2::text IS NULL OR actor ILIKE '%' || $2 || '%' ESCAPE '\\')
          AND ($3::text IS NULL OR entity_type = $3)
          AND ($4::text IS NULL OR action = $4)
          AND ($5::timestamptz IS NULL OR at >= $5)
          AND ($6::timestamptz IS NULL OR at < $6)
          AND ($7::bigint IS NULL OR id < $7)
        ORDER BY id DESC
        LIMIT $8`,
      [
        requestContext.orgId(),
        filter.actor === undefined ? null : filter.actor.replace(/[\\%_]/g, (c) => `\\${c}`),
        filter.entityType ?? null,
        filter.action ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.before ?? null,
        filter.limit,
      ],
    );
    return rows.map(toEntry);
  }

  /** The changes of one entity (e.g. a waiver), newest first. */
  async forEntity(entityId: string, limit: number): Promise<ChangeLogEntry[]> {
    const rows = await this.db.query<ChangeLogRow>(
      `SELECT id, at, actor, action, entity_type, entity_id, before, after
         FROM change_log
        WHERE org_id = $1 AND entity_id = $2
        ORDER BY id DESC
        LIMIT $3`,
      [requestContext.orgId(), entityId, limit],
    );
    return rows.map(toEntry);
  }
}

function toEntry(row: ChangeLogRow): ChangeLogEntry {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
  };
}

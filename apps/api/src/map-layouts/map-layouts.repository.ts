import { Injectable } from '@nestjs/common';
import { Db } from '../platform/database/db.js';
import { requestContext } from '../platform/request-context/request-context.js';

export interface StoredPosition {
  nodeId: string;
  x: number;
  y: number;
}

export interface StoredLayout {
  positions: StoredPosition[];
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** `map_positions`: one row per organisation, view and node. */
@Injectable()
export class MapLayoutsRepository {
  constructor(private readonly db: Db) {}

  async get(view: string): Promise<StoredLayout> {
    const rows = await this.db.query<{ node_id: string; x: number; y: number; updated_by: string; updated_at: Date }>(
      `SELECT node_id, x, y, updated_by, updated_at FROM map_positions
        WHERE org_id = $1 AND view_key = $2 ORDER BY updated_at DESC, node_id`,
      [requestContext.orgId(), view],
    );
    return {
      positions: rows.map((r) => ({ nodeId: r.node_id, x: r.x, y: r.y })),
      updatedBy: rows[0]?.updated_by ?? null,
      updatedAt: rows[0]?.updated_at ?? null,
    };
  }

  /** Which of `ids` are nodes of this organisation. */
  async existingNodes(ids: string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM nodes WHERE org_id = $1 AND id = ANY($2::uuid[])`,
      [requestContext.orgId(), ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Inserts or moves the given nodes' positions in one statement. */
  async upsert(view: string, positions: StoredPosition[]): Promise<void> {
    await this.db.query(
      `INSERT INTO map_positions (org_id, view_key, node_id, x, y, updated_by)
       SELECT $1, $2, p.node_id, p.x, p.y, $3
         FROM unnest($4::uuid[], $5::float8[], $6::float8[]) AS p(node_id, x, y)
       ON CONFLICT (org_id, view_key, node_id)
       DO UPDATE SET x = excluded.x, y = excluded.y, updated_by = excluded.updated_by, updated_at = now()`,
      [
        requestContext.orgId(),
        view,
        requestContext.actor(),
        positions.map((p) => p.nodeId),
        positions.map((p) => p.x),
        positions.map((p) => p.y),
      ],
    );
  }

  async clear(view: string): Promise<void> {
    await this.db.query(`DELETE FROM map_positions WHERE org_id = $1 AND view_key = $2`, [
      requestContext.orgId(),
      view,
    ]);
  }
}

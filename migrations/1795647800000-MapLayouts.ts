import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11, placement: where a PMO put each card of a map view, kept by the server for the whole organisation (a
 * PMO arranges the map, everyone sees it so).
 *
 * - `map_positions`: one row per view and node. `view_key` is the web app's name of a view (scope, root, filters;
 *   apps/web/src/features/map/useMapUrl.ts `viewKey`), opaque to the database. A node's positions go with it
 *   (ON DELETE CASCADE; the key includes org_id, so a position can only name a node of its own organisation), so a deleted node leaves nothing behind; restoring it gives it a fresh, automatic place.
 * - Presentation, not portfolio data: no change-log entry (docs/domain.md, "Map positions").
 */
export class MapLayouts1795647800000 implements MigrationInterface {
  name = 'MapLayouts1795647800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE map_positions (
        org_id     uuid             NOT NULL,
        view_key   text             NOT NULL,
        node_id    uuid             NOT NULL,
        x          double precision NOT NULL,
        y          double precision NOT NULL,
        updated_by text             NOT NULL,
        updated_at timestamptz      NOT NULL DEFAULT now(),
        CONSTRAINT map_positions_pk PRIMARY KEY (org_id, view_key, node_id),
        CONSTRAINT map_positions_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT map_positions_node_fk FOREIGN KEY (org_id, node_id) REFERENCES nodes (org_id, id) ON DELETE CASCADE,
        CONSTRAINT map_positions_view_chk CHECK (length(view_key) BETWEEN 1 AND 500),
        CONSTRAINT map_positions_xy_chk CHECK (abs(x) <= 1e6 AND abs(y) <= 1e6)
      )`);
    // The cascade from a deleted node looks its positions up by (org_id, node_id).
    await db.query(`CREATE INDEX map_positions_node_idx ON map_positions (org_id, node_id)`);
    await isolate(db, 'map_positions');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE map_positions`);
  }
}

/** Row-level security as every tenant table (the Accounts migration's `isolate`). */
async function isolate(db: QueryRunner, table: string) {
  await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await db.query(`
    CREATE POLICY ${table}_tenant ON ${table}
      USING (org_id = nullif(current_setting('app.org_id', true), '')::uuid)
      WITH CHECK (org_id = nullif(current_setting('app.org_id', true), '')::uuid)`);
  await db.query(`CREATE POLICY ${table}_owner_all ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`);
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13, governance a PMO runs every week and quarter: snapshots (baselines) and the RAID log.
 *
 * - `snapshots`: a named copy of the organisation's graph (nodes, links), coverage and audit summary as jsonb.
 *   Immutable: the request role gets SELECT and INSERT only (apps/api/src/platform/database/app-role.ts), so no
 *   code path of the API can rewrite a baseline; `delete_organisation` (owner) still removes them by the
 *   organisation's ON DELETE CASCADE.
 * - `raid_items`: risks, actions, issues and decisions. Likelihood and impact (1–5) belong to risks only;
 *   decided_on/decided_by to decisions only.
 * - `raid_attachments`: an item attached to a node or a link (one of the two). Deleting the node or link keeps the
 *   item: the reference is set null, `label` (what it was attached to, written when attached) stays readable and a
 *   trigger stamps `detached_at`, so the item is shown detached and flagged.
 */
export class SnapshotsRaid1795647700000 implements MigrationInterface {
  name = 'SnapshotsRaid1795647700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE snapshots (
        id         uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id     uuid        NOT NULL,
        name       text        NOT NULL,
        taken_at   timestamptz NOT NULL DEFAULT now(),
        taken_by   text        NOT NULL,
        graph      jsonb       NOT NULL,
        coverage   jsonb       NOT NULL,
        audit      jsonb       NOT NULL,
        CONSTRAINT snapshots_pk PRIMARY KEY (id),
        CONSTRAINT snapshots_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT snapshots_name_chk CHECK (length(btrim(name)) BETWEEN 1 AND 200)
      )`);
    await db.query(`CREATE INDEX snapshots_org_taken_idx ON snapshots (org_id, taken_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE raid_items (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id      uuid        NOT NULL,
        type        text        NOT NULL,
        title       text        NOT NULL,
        description text        NOT NULL DEFAULT '',
        owner       text,
        status      text        NOT NULL DEFAULT 'open',
        due_date    date,
        likelihood  integer,
        impact      integer,
        decided_on  date,
        decided_by  text,
        version     integer     NOT NULL DEFAULT 1,
        created_by  text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_by  text        NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT raid_items_pk PRIMARY KEY (id),
        CONSTRAINT raid_items_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT raid_items_type_chk CHECK (type IN ('risk', 'action', 'issue', 'decision')),
        CONSTRAINT raid_items_status_chk CHECK (status IN ('open', 'in_progress', 'closed')),
        CONSTRAINT raid_items_title_chk CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        CONSTRAINT raid_items_description_chk CHECK (length(description) <= 4000),
        CONSTRAINT raid_items_owner_chk CHECK (owner IS NULL OR length(owner) BETWEEN 1 AND 200),
        CONSTRAINT raid_items_scores_chk CHECK (
          (type = 'risk' AND likelihood BETWEEN 1 AND 5 AND impact BETWEEN 1 AND 5)
          OR (type <> 'risk' AND likelihood IS NULL AND impact IS NULL)),
        CONSTRAINT raid_items_decision_chk CHECK (type = 'decision' OR (decided_on IS NULL AND decided_by IS NULL))
      )`);
    await db.query(`CREATE INDEX raid_items_org_idx ON raid_items (org_id, type, status)`);

    await db.query(`
      CREATE TABLE raid_attachments (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id      uuid        NOT NULL,
        item_id     uuid        NOT NULL,
        node_id     uuid,
        link_id     uuid,
        label       text        NOT NULL,
        detached_at timestamptz,
        CONSTRAINT raid_attachments_pk PRIMARY KEY (id),
        CONSTRAINT raid_attachments_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT raid_attachments_item_fk FOREIGN KEY (item_id) REFERENCES raid_items (id) ON DELETE CASCADE,
        CONSTRAINT raid_attachments_node_fk FOREIGN KEY (node_id) REFERENCES nodes (id) ON DELETE SET NULL,
        CONSTRAINT raid_attachments_link_fk FOREIGN KEY (link_id) REFERENCES links (id) ON DELETE SET NULL,
        CONSTRAINT raid_attachments_one_chk CHECK (node_id IS NULL OR link_id IS NULL),
        CONSTRAINT raid_attachments_label_chk CHECK (length(label) BETWEEN 1 AND 500)
      )`);
    await db.query(`CREATE INDEX raid_attachments_item_idx ON raid_attachments (item_id)`);
    await db.query(`CREATE INDEX raid_attachments_node_idx ON raid_attachments (node_id)`);
    await db.query(`CREATE INDEX raid_attachments_link_idx ON raid_attachments (link_id)`);
    // The foreign keys' SET NULL is an UPDATE: stamp the moment the node or link went.
    await db.query(`
      CREATE FUNCTION raid_attachments_detach() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.node_id IS NULL AND NEW.link_id IS NULL AND NEW.detached_at IS NULL THEN
          NEW.detached_at := now();
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER raid_attachments_detach BEFORE UPDATE ON raid_attachments
        FOR EACH ROW EXECUTE FUNCTION raid_attachments_detach()`);

    for (const table of ['snapshots', 'raid_items', 'raid_attachments']) await isolate(db, table);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE raid_attachments`);
    await db.query(`DROP FUNCTION raid_attachments_detach()`);
    await db.query(`DROP TABLE raid_items`);
    await db.query(`DROP TABLE snapshots`);
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

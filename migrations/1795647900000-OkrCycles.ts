import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The change-log entity types this migration adds: RAID items and OKR cycles are now recorded too. */
const NEW_ENTITY_TYPES = ['raid_item', 'okr_cycle'];

/**
 * Issue 13, OKR cycles: the periods (e.g. "2026 Q4") key results belong to, so the OKRs page shows one quarter at a
 * time.
 *
 * - `okr_cycles`: a named period of the organisation, `starts_on` to `ends_on` inclusive; names are unique per
 *   organisation (the interchange document refers to a cycle by its name).
 * - `nodes.cycle_id`: the key result's cycle, or none. Key results only (a CHECK, like the kind-specific columns).
 *   The foreign key is composite with `org_id` so a key result can never name another organisation's cycle, and
 *   deleting a cycle sets only `cycle_id` null (PostgreSQL 15's column list), leaving its key results unassigned.
 * - The change log also records RAID items and cycles. The entity-type CHECK is rebuilt from the one in place rather
 *   than from a list written here, so a type another migration of this release added is kept.
 */
export class OkrCycles1795647900000 implements MigrationInterface {
  name = 'OkrCycles1795647900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE okr_cycles (
        id         uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id     uuid        NOT NULL,
        name       text        NOT NULL,
        starts_on  date        NOT NULL,
        ends_on    date        NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT okr_cycles_pk PRIMARY KEY (id),
        CONSTRAINT okr_cycles_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT okr_cycles_org_name_uq UNIQUE (org_id, name),
        CONSTRAINT okr_cycles_org_id_uq UNIQUE (org_id, id),
        CONSTRAINT okr_cycles_name_chk CHECK (length(btrim(name)) BETWEEN 1 AND 50),
        CONSTRAINT okr_cycles_dates_chk CHECK (ends_on >= starts_on)
      )`);
    await isolate(db, 'okr_cycles');

    await db.query(`ALTER TABLE nodes ADD COLUMN cycle_id uuid`);
    await db.query(`
      ALTER TABLE nodes
        ADD CONSTRAINT nodes_cycle_fk FOREIGN KEY (org_id, cycle_id) REFERENCES okr_cycles (org_id, id)
          ON DELETE SET NULL (cycle_id),
        ADD CONSTRAINT nodes_cycle_kind_chk CHECK (cycle_id IS NULL OR kind = 'key_result')`);
    await db.query(`CREATE INDEX nodes_cycle_idx ON nodes (cycle_id) WHERE cycle_id IS NOT NULL`);

    await setEntityTypes(db, (types) => [...new Set([...types, ...NEW_ENTITY_TYPES])]);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM change_log WHERE entity_type = ANY($1::text[])`, [NEW_ENTITY_TYPES]);
    await setEntityTypes(db, (types) => types.filter((t) => !NEW_ENTITY_TYPES.includes(t)));
    await db.query(`ALTER TABLE nodes DROP COLUMN cycle_id`);
    await db.query(`DROP TABLE okr_cycles`);
  }
}

/** Rewrites change_log's entity-type CHECK as `change` of the types it allows now. */
async function setEntityTypes(db: QueryRunner, change: (types: string[]) => string[]) {
  const [row] = (await db.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'change_log'::regclass AND conname = 'change_log_entity_type_chk'`,
  )) as { def: string }[];
  const current = [...row.def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
  const types = change(current)
    .map((t) => `'${t}'`)
    .join(', ');
  await db.query(`
    ALTER TABLE change_log
      DROP CONSTRAINT change_log_entity_type_chk,
      ADD CONSTRAINT change_log_entity_type_chk CHECK (entity_type IN (${types}))`);
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

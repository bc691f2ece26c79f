import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ACCOUNT_FUNCTION_SIGNATURES, ACCOUNT_FUNCTIONS } from './accounts-functions.js';

/**
 * Accounts (users, memberships with a role, sessions, invites, password resets, the throttling
 * store) and tenant isolation that PostgreSQL enforces (docs/security.md, "Tenant isolation").
 *
 * Every table with `org_id`, and `organisations` by `id`, has row-level security ENABLED and
 * FORCED with one policy: the row's organisation is the transaction's `app.org_id`, which `Db`
 * sets (`set_config(…, true)`) from the authenticated session at the start of every transaction.
 * `current_setting('app.org_id', true)` answers '' (not NULL) once a transaction-local setting has
 * ended on a pooled connection, so it goes through `nullif(…, '')` before the cast: no setting,
 * no rows, never a cast error.
 *
 * The API's requests run as a role that is not the owner (platform/database/app-role.ts), so
 * the policies bind it. The owner (the role migrating, `CURRENT_USER` here) gets a policy of its
 * own that sees everything: FORCE would otherwise bind the owner too, and the owner is who runs
 * the SECURITY DEFINER functions (accounts-functions.ts) and backups.
 *
 * Sign-up needs no bypass: the API picks the new organisation's and user's ids, sets `app.org_id`
 * and `app.user_id` to them, and inserts the organisation, the user and the membership under the
 * WITH CHECK clauses below (`users` may be inserted when `id = app.user_id`).
 */
export class Accounts1795647300000 implements MigrationInterface {
  name = 'Accounts1795647300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id            uuid        NOT NULL DEFAULT gen_random_uuid(),
        email         text        NOT NULL,
        name          text        NOT NULL,
        password_hash text,
        totp_secret   text,
        totp_enabled  boolean     NOT NULL DEFAULT false,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_pk PRIMARY KEY (id),
        CONSTRAINT users_email_uq UNIQUE (email),
        -- Stored lower-cased, so the unique constraint is case-insensitive and log-in finds it.
        CONSTRAINT users_email_chk CHECK (email = lower(btrim(email)) AND email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
        CONSTRAINT users_name_chk CHECK (length(name) BETWEEN 1 AND 200),
        CONSTRAINT users_totp_chk CHECK (NOT totp_enabled OR totp_secret IS NOT NULL)
      )`);

    await db.query(`
      CREATE TABLE memberships (
        org_id      uuid        NOT NULL,
        user_id     uuid        NOT NULL,
        role        text        NOT NULL,
        unit_ids    uuid[]      NOT NULL DEFAULT '{}',
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT memberships_pk PRIMARY KEY (org_id, user_id),
        CONSTRAINT memberships_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT memberships_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT memberships_role_chk CHECK (role IN ('admin', 'pmo', 'executive', 'contributor')),
        CONSTRAINT memberships_unit_ids_chk CHECK (array_position(unit_ids, NULL) IS NULL)
      )`);
    await db.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);

    // A business unit's owner is a member of its organisation; removing the member clears it.
    await db.query(`ALTER TABLE business_units ADD COLUMN owner_id uuid`);
    await db.query(`
      ALTER TABLE business_units ADD CONSTRAINT business_units_owner_fk FOREIGN KEY (org_id, owner_id)
        REFERENCES memberships (org_id, user_id) ON DELETE SET NULL (owner_id)`);

    await db.query(`
      CREATE TABLE sessions (
        id            uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id        uuid        NOT NULL,
        user_id       uuid        NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        last_seen_at  timestamptz NOT NULL DEFAULT now(),
        expires_at    timestamptz NOT NULL,
        revoked_at    timestamptz,
        CONSTRAINT sessions_pk PRIMARY KEY (id),
        CONSTRAINT sessions_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT sessions_expiry_chk CHECK (expires_at > created_at)
      )`);
    await db.query(`CREATE INDEX sessions_org_user_idx ON sessions (org_id, user_id)`);
    await db.query(`CREATE INDEX sessions_user_idx ON sessions (user_id)`);

    await db.query(`
      CREATE TABLE invites (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id      uuid        NOT NULL,
        email       text        NOT NULL,
        role        text        NOT NULL,
        unit_ids    uuid[]      NOT NULL DEFAULT '{}',
        token_hash  text        NOT NULL,
        created_by  uuid,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        accepted_at timestamptz,
        CONSTRAINT invites_pk PRIMARY KEY (id),
        CONSTRAINT invites_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT invites_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT invites_token_hash_uq UNIQUE (token_hash),
        CONSTRAINT invites_token_hash_chk CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT invites_email_chk CHECK (email = lower(btrim(email)) AND email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
        CONSTRAINT invites_role_chk CHECK (role IN ('admin', 'pmo', 'executive', 'contributor')),
        CONSTRAINT invites_unit_ids_chk CHECK (array_position(unit_ids, NULL) IS NULL),
        CONSTRAINT invites_expiry_chk CHECK (expires_at > created_at)
      )`);
    await db.query(`CREATE INDEX invites_org_created_idx ON invites (org_id, created_at)`);

    await db.query(`
      CREATE TABLE password_resets (
        id          uuid        NOT NULL DEFAULT gen_random_uuid(),
        org_id      uuid        NOT NULL,
        user_id     uuid        NOT NULL,
        token_hash  text        NOT NULL,
        created_by  uuid,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        CONSTRAINT password_resets_pk PRIMARY KEY (id),
        CONSTRAINT password_resets_org_fk FOREIGN KEY (org_id) REFERENCES organisations (id) ON DELETE CASCADE,
        CONSTRAINT password_resets_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT password_resets_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT password_resets_token_hash_uq UNIQUE (token_hash),
        CONSTRAINT password_resets_token_hash_chk CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT password_resets_expiry_chk CHECK (expires_at > created_at)
      )`);
    await db.query(`CREATE INDEX password_resets_org_user_idx ON password_resets (org_id, user_id)`);

    // @nestjs/throttler's counters, shared by every replica. Global: keys name accounts and addresses.
    await db.query(`
      CREATE TABLE throttle_hits (
        key         text        NOT NULL,
        hits        integer     NOT NULL DEFAULT 0,
        expires_at  timestamptz NOT NULL,
        CONSTRAINT throttle_hits_pk PRIMARY KEY (key),
        CONSTRAINT throttle_hits_hits_chk CHECK (hits >= 0)
      )`);
    await db.query(`CREATE INDEX throttle_hits_expires_idx ON throttle_hits (expires_at)`);

    // Organisation settings beside the audit thresholds (which stay under settings.audit).
    await db.query(`
      UPDATE organisations
         SET settings = '{"currency": "GBP", "locale": "en-GB", "requireTotp": false}'::jsonb || settings`);
    await db.query(`
      ALTER TABLE organisations
        ALTER COLUMN settings SET DEFAULT '{"currency": "GBP", "locale": "en-GB", "requireTotp": false}'::jsonb,
        ADD CONSTRAINT organisations_currency_chk CHECK (NOT settings ? 'currency' OR settings ->> 'currency' ~ '^[A-Z]{3}$'),
        ADD CONSTRAINT organisations_locale_chk CHECK (NOT settings ? 'locale' OR settings ->> 'locale' ~ '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$'),
        ADD CONSTRAINT organisations_require_totp_chk CHECK (NOT settings ? 'requireTotp' OR jsonb_typeof(settings -> 'requireTotp') = 'boolean')`);

    await isolate(db, 'organisations', 'id');
    for (const table of TENANT_TABLES) await isolate(db, table, 'org_id');

    // Users are global: one sees oneself (app.user_id) and the members of the organisation one
    // works in; one inserts and updates only oneself (sign-up, accepting an invite, a password).
    await db.query(`ALTER TABLE users ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE users FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY users_owner_all ON users TO CURRENT_USER USING (true) WITH CHECK (true)`);
    await db.query(`
      CREATE POLICY users_visible ON users FOR SELECT USING (
        id = nullif(current_setting('app.user_id', true), '')::uuid
        OR EXISTS (SELECT 1 FROM memberships m
                    WHERE m.user_id = users.id AND m.org_id = nullif(current_setting('app.org_id', true), '')::uuid))`);
    await db.query(`
      CREATE POLICY users_insert_self ON users FOR INSERT
        WITH CHECK (id = nullif(current_setting('app.user_id', true), '')::uuid)`);
    await db.query(`
      CREATE POLICY users_update_self ON users FOR UPDATE
        USING (id = nullif(current_setting('app.user_id', true), '')::uuid)
        WITH CHECK (id = nullif(current_setting('app.user_id', true), '')::uuid)`);

    for (const sql of ACCOUNT_FUNCTIONS) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const signature of ACCOUNT_FUNCTION_SIGNATURES) await db.query(`DROP FUNCTION IF EXISTS ${signature}`);
    for (const table of ['organisations', ...TENANT_TABLES]) {
      await db.query(`DROP POLICY ${table}_tenant ON ${table}`);
      await db.query(`DROP POLICY ${table}_owner_all ON ${table}`);
      await db.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    for (const table of ['throttle_hits', 'password_resets', 'invites', 'sessions'])
      await db.query(`DROP TABLE ${table}`);
    await db.query(`ALTER TABLE business_units DROP COLUMN owner_id`);
    await db.query(`ALTER TABLE organisations DROP CONSTRAINT organisations_currency_chk`);
    await db.query(`ALTER TABLE organisations DROP CONSTRAINT organisations_locale_chk`);
    await db.query(`ALTER TABLE organisations DROP CONSTRAINT organisations_require_totp_chk`);
    await db.query(`ALTER TABLE organisations ALTER COLUMN settings SET DEFAULT '{}'::jsonb`);
    await db.query(`DROP TABLE memberships`);
    await db.query(`DROP TABLE users`);
  }
}

/** Every table with `org_id` at this migration; the isolation test finds them in the catalog instead. */
const TENANT_TABLES = [
  'business_units',
  'nodes',
  'links',
  'key_result_check_ins',
  'change_log',
  'audit_waivers',
  'memberships',
  'sessions',
  'invites',
  'password_resets',
];

/** RLS enabled and forced, the tenant policy, and the owner's own policy (see above). */
async function isolate(db: QueryRunner, table: string, column: 'id' | 'org_id') {
  await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await db.query(`
    CREATE POLICY ${table}_tenant ON ${table}
      USING (${column} = nullif(current_setting('app.org_id', true), '')::uuid)
      WITH CHECK (${column} = nullif(current_setting('app.org_id', true), '')::uuid)`);
  await db.query(`CREATE POLICY ${table}_owner_all ON ${table} TO CURRENT_USER USING (true) WITH CHECK (true)`);
}

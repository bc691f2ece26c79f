import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Two organisations with at least one row in every tenant table, written by the owner (the
 * migrating role, which sees past row-level security), for the database-level isolation test.
 * A table added with `org_id` needs an entry here: the test reads the tenant tables from the
 * catalog and fails on one that is not seeded for both organisations.
 */
export interface SeededOrganisation {
  orgId: string;
  userId: string;
  unitId: string;
  objectiveId: string;
  keyResultId: string;
  projectId: string;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex');

/** One INSERT per table, in dependency order; `$1` is the organisation's ids. */
const SEEDS: Record<string, (o: SeededOrganisation, tag: string) => [string, unknown[]]> = {
  organisations: (o, tag) => [
    `INSERT INTO organisations (id, slug, name) VALUES ($1, $2, $3)`,
    [o.orgId, `org-${tag}`, `Org ${tag}`],
  ],
  users: (o, tag) => [
    `INSERT INTO users (id, email, name) VALUES ($1, $2, $3)`,
    [o.userId, `${tag}@example.test`, `User ${tag}`],
  ],
  memberships: (o) => [`INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'admin')`, [o.orgId, o.userId]],
  business_units: (o) => [
    `INSERT INTO business_units (id, org_id, key, name, owner_id) VALUES ($1, $2, 'UNIT', 'Unit', $3)`,
    [o.unitId, o.orgId, o.userId],
  ],
  nodes: (o) => [
    `INSERT INTO nodes (id, org_id, key, kind, title, target, direction, business_unit_id) VALUES
       ($1, $4, 'OBJ-1', 'objective', 'Objective', NULL, NULL, NULL),
       ($2, $4, 'KR-1', 'key_result', 'Key result', 10, 'increase', NULL),
       ($3, $4, 'PRJ-1', 'project', 'Project', NULL, NULL, $5)`,
    [o.objectiveId, o.keyResultId, o.projectId, o.orgId, o.unitId],
  ],
  links: (o) => [
    `INSERT INTO links (org_id, from_id, from_kind, to_id, to_kind, kind, decided_at) VALUES
       ($1, $2, 'project', $3, 'key_result', 'contributes_to', now()),
       ($1, $3, 'key_result', $4, 'objective', 'contributes_to', now())`,
    [o.orgId, o.projectId, o.keyResultId, o.objectiveId],
  ],
  key_result_check_ins: (o) => [
    `INSERT INTO key_result_check_ins (org_id, node_id, at, value) VALUES ($1, $2, '2026-01-01', 3)`,
    [o.orgId, o.keyResultId],
  ],
  change_log: (o) => [
    `INSERT INTO change_log (org_id, actor, action, entity_type, entity_id, node_ids) VALUES ($1, 'seed', 'create', 'node', $2, ARRAY[$2::uuid])`,
    [o.orgId, o.projectId],
  ],
  audit_waivers: (o) => [
    `INSERT INTO audit_waivers (org_id, finding_id, rule, node_ids, path, reason, expires_on)
     VALUES ($1, 'orphan-work:0123456789abcdef', 'orphan-work', ARRAY[$2::uuid], '{PRJ-1}', 'seed', '2099-01-01')`,
    [o.orgId, o.projectId],
  ],
  notifications: (o) => [
    `INSERT INTO notifications (org_id, user_id, kind, message, from_node_id, to_node_id)
     VALUES ($1, $2, 'proposal_approved', 'seed', $3, $4)`,
    [o.orgId, o.userId, o.projectId, o.keyResultId],
  ],
  snapshots: (o) => [
    `INSERT INTO snapshots (org_id, name, taken_by, graph, coverage, audit)
     VALUES ($1, 'Baseline', 'seed', '{"nodes":[],"links":[]}', '{}', '{}')`,
    [o.orgId],
  ],
  raid_items: (o) => [
    `INSERT INTO raid_items (id, org_id, type, title, likelihood, impact, created_by, updated_by)
     VALUES ($2, $1, 'risk', 'Seed risk', 4, 4, 'seed', 'seed')`,
    [o.orgId, o.objectiveId],
  ],
  raid_attachments: (o) => [
    `INSERT INTO raid_attachments (org_id, item_id, node_id, label) VALUES ($1, $2, $3, 'PRJ-1 Project')`,
    [o.orgId, o.objectiveId, o.projectId],
  ],
  map_positions: (o) => [
    `INSERT INTO map_positions (org_id, view_key, node_id, x, y, updated_by) VALUES ($1, 'auto', $2, 10, 20, 'seed')`,
    [o.orgId, o.objectiveId],
  ],
  okr_cycles: (o) => [
    `INSERT INTO okr_cycles (org_id, name, starts_on, ends_on) VALUES ($1, '2026 Q4', '2026-10-01', '2026-12-31')`,
    [o.orgId],
  ],
  sessions: (o) => [
    `INSERT INTO sessions (org_id, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`,
    [o.orgId, o.userId],
  ],
  invites: (o, tag) => [
    `INSERT INTO invites (org_id, email, role, token_hash, created_by, expires_at)
     VALUES ($1, $2, 'pmo', $3, $4, now() + interval '1 day')`,
    [o.orgId, `invited-${tag}@example.test`, hash(`invite ${o.orgId}`), o.userId],
  ],
  password_resets: (o) => [
    `INSERT INTO password_resets (org_id, user_id, token_hash, created_by, expires_at)
     VALUES ($1, $2, $3, $2, now() + interval '1 day')`,
    [o.orgId, o.userId, hash(`reset ${o.orgId}`)],
  ],
};

/** The tables the fixtures seed (the test compares them with the catalog's). */
export const SEEDED_TABLES = Object.keys(SEEDS);

export function newOrganisation(): SeededOrganisation {
  return {
    orgId: randomUUID(),
    userId: randomUUID(),
    unitId: randomUUID(),
    objectiveId: randomUUID(),
    keyResultId: randomUUID(),
    projectId: randomUUID(),
  };
}

/** Seeds `o` in every table, as the owner. */
export async function seedOrganisation(owner: DataSource, o: SeededOrganisation, tag: string): Promise<void> {
  for (const seed of Object.values(SEEDS)) {
    const [sql, parameters] = seed(o, tag);
    await owner.query(sql, parameters);
  }
}

/** Every table of the schema with an `org_id` column, from the catalog (not a hand-written list). */
export async function tenantTablesOf(client: pg.ClientBase | DataSource): Promise<string[]> {
  const sql = `SELECT c.relname AS name FROM pg_class c
                 JOIN pg_namespace n ON n.oid = c.relnamespace
                 JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`;
  const rows: { name: string }[] =
    'initialize' in client ? await client.query(sql) : (await client.query<{ name: string }>(sql)).rows;
  return rows.map((row) => row.name);
}

/**
 * Runs `work` on `client` (connected as the request role) in a transaction that set the tenant
 * as `Db` does; rolled back, so the test's state stays as seeded unless `commit`.
 */
export async function asTenant<T>(
  client: pg.ClientBase,
  tenant: { orgId?: string; userId?: string },
  work: () => Promise<T>,
  commit = false,
): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT set_config('app.org_id', $1, true), set_config('app.user_id', $2, true)`, [
      tenant.orgId ?? '',
      tenant.userId ?? '',
    ]);
    const result = await work();
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The error PostgreSQL answered `work` with (its SQLSTATE and message); fails if there was none. */
export async function refusal(
  client: pg.ClientBase,
  work: () => Promise<unknown>,
): Promise<{ code: string; message: string }> {
  await client.query('SAVEPOINT refused');
  try {
    await work();
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT refused');
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
  throw new Error('expected PostgreSQL to refuse the statement');
}

import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { SessionTokens } from '../src/auth/session-tokens.js';
import type { Role } from '../src/platform/request-context/request-context.js';
import type { TestApp } from './harness.js';

/** A signed-in member for tests: its ids and a bearer token for `Authorization: Bearer`. */
export interface TestMember {
  userId: string;
  orgId: string;
  sessionId: string;
  name: string;
  email: string;
  role: Role;
  unitIds: string[];
  token: string;
  /** `{ Authorization: 'Bearer …' }`, for `.set(member.auth)`. */
  auth: { Authorization: string };
}

/**
 * Runs `work` on a connection as the database's owner (DATABASE_URL's role, which row-level
 * security does not restrict): for setting up and inspecting rows behind the API's back.
 */
export async function asOwner<T>(t: TestApp, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The demo organisation every test database has (slug 'default'). */
export async function defaultOrganisationId(t: TestApp): Promise<string> {
  return asOwner(t, async (db) => {
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM organisations WHERE slug = 'default'`);
    return rows[0].id;
  });
}

/** A new, empty organisation (straight into the database, as its owner). */
export async function createOrganisation(t: TestApp, name = 'Other Org'): Promise<string> {
  return asOwner(t, async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO organisations (slug, name) VALUES ($1, $2) RETURNING id`,
      [`t-${randomBytes(6).toString('hex')}`, name],
    );
    return rows[0].id;
  });
}

/**
 * A member with a live session, without going through sign-up and invites (no password, no
 * argon2: fast): a user, its membership in `orgId` (the default organisation unless given) and
 * a `sessions` row, written as the owner; the token is signed by the app's own SessionTokens,
 * so the API authenticates it exactly as one from log-in. Pass `userId` to add an existing
 * user to another organisation.
 */
export async function createMember(
  t: TestApp,
  options: { role: Role; orgId?: string; unitIds?: string[]; name?: string; email?: string; userId?: string },
): Promise<TestMember> {
  const orgId = options.orgId ?? (await defaultOrganisationId(t));
  const userId = options.userId ?? randomUUID();
  const sessionId = randomUUID();
  const suffix = randomBytes(4).toString('hex');
  const name = options.name ?? `Test ${options.role} ${suffix}`;
  const email = (options.email ?? `${options.role}-${suffix}@example.com`).toLowerCase();
  const unitIds = options.unitIds ?? [];
  await asOwner(t, async (db) => {
    if (!options.userId) {
      await db.query(`INSERT INTO users (id, email, name) VALUES ($1, $2, $3)`, [userId, email, name]);
    }
    await db.query(`INSERT INTO memberships (org_id, user_id, role, unit_ids) VALUES ($1, $2, $3, $4)`, [
      orgId,
      userId,
      options.role,
      unitIds,
    ]);
    await db.query(
      `INSERT INTO sessions (id, org_id, user_id, expires_at) VALUES ($1, $2, $3, now() + interval '12 hours')`,
      [sessionId, orgId, userId],
    );
  });
  const token = await t.app.get(SessionTokens).sign({ userId, orgId, sessionId });
  return {
    userId,
    orgId,
    sessionId,
    name,
    email,
    role: options.role,
    unitIds,
    token,
    auth: { Authorization: `Bearer ${token}` },
  };
}

import { randomUUID } from 'node:crypto';
import { Db } from '../src/platform/database/db.js';
import { requestContext } from '../src/platform/request-context/request-context.js';
import { startTestApp, type TestApp } from './harness.js';
import { newOrganisation, seedOrganisation, type SeededOrganisation } from './tenant-fixtures.js';

/**
 * `Db` sets the tenant on every way into PostgreSQL (docs/security.md, "Tenant isolation"): the
 * fast paths, prepared statements, snapshots, transactions and TypeORM's own manager outside a
 * transaction. Each path, given organisation A in the request context, sees A's nodes only; with
 * no organisation, none — so a repository cannot reach another organisation's rows by any path.
 */
describe('Db sets the tenant on every path', () => {
  let t: TestApp;
  let db: Db;
  const a: SeededOrganisation = newOrganisation();
  const b: SeededOrganisation = newOrganisation();

  /** The nodes each path sees, by key and organisation. */
  const paths: Record<string, () => Promise<unknown>> = {
    query: () => db.query(`SELECT org_id, key FROM nodes ORDER BY key`),
    one: () => db.one(`SELECT count(*)::int AS n, min(org_id::text) AS org FROM nodes`),
    prepared: () => db.prepared('tenant-db-spec', `SELECT org_id, key FROM nodes ORDER BY key`, []),
    readOnlySnapshot: () =>
      db.readOnlySnapshot(async (client) => (await client.query(`SELECT org_id, key FROM nodes ORDER BY key`)).rows),
    transaction: () => db.transaction(() => db.query(`SELECT org_id, key FROM nodes ORDER BY key`)),
    'manager outside a transaction': () => db.manager.query(`SELECT org_id, key FROM nodes ORDER BY key`),
    'dataSource.manager outside a transaction': () =>
      db.dataSource.manager.query(`SELECT org_id, key FROM nodes ORDER BY key`),
  };

  const as = <T>(tenant: { orgId?: string; userId?: string }, work: () => Promise<T>) =>
    requestContext.run({ requestId: 'tenant-db-spec', actor: 'spec', ...tenant }, work);

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(Db);
    await seedOrganisation(t.dataSource, a, 'db-a');
    await seedOrganisation(t.dataSource, b, 'db-b');
  }, 60_000);
  afterAll(() => t?.close());

  it.each(Object.keys(paths))('%s: sees organisation A only, with A in the request context', async (path) => {
    const seen = await as({ orgId: a.orgId, userId: a.userId }, paths[path]);
    const expected =
      path === 'one' ? { n: 3, org: a.orgId } : ['KR-1', 'OBJ-1', 'PRJ-1'].map((key) => ({ org_id: a.orgId, key }));
    expect(seen).toEqual(expected);
  });

  it.each(Object.keys(paths))('%s: sees no tenant row with no organisation', async (path) => {
    const seen = await as({}, paths[path]);
    expect(seen).toEqual(path === 'one' ? { n: 0, org: null } : []);
    const outside = await paths[path]();
    expect(outside).toEqual(path === 'one' ? { n: 0, org: null } : []);
  });

  it('sets app.user_id from the context (the principal’s, or the account being created)', async () => {
    const fromUserId = await as({ orgId: a.orgId, userId: a.userId }, () =>
      db.one<{ user: string }>(`SELECT current_setting('app.user_id') AS user`),
    );
    expect(fromUserId).toEqual({ user: a.userId });
    const principal = { userId: b.userId, orgId: b.orgId, name: 'B', email: 'b@example.test', role: 'admin' as const };
    const fromPrincipal = await requestContext.run(
      {
        requestId: 'spec',
        actor: 'spec',
        orgId: b.orgId,
        principal: { ...principal, unitIds: [], sessionId: randomUUID() },
      },
      () =>
        db.one<{ user: string; org: string }>(
          `SELECT current_setting('app.user_id') AS user, current_setting('app.org_id') AS org`,
        ),
    );
    expect(fromPrincipal).toEqual({ user: b.userId, org: b.orgId });
  });

  it('refuses a context whose organisation is not a uuid rather than sending it to PostgreSQL', async () => {
    await expect(as({ orgId: `${a.orgId}', true); --` }, paths.query)).rejects.toThrow(/not a uuid/);
  });
});

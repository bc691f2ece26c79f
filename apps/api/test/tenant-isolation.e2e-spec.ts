import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { startTestApp, type TestApp } from './harness.js';
import {
  asTenant,
  newOrganisation,
  refusal,
  seedOrganisation,
  SEEDED_TABLES,
  tenantTablesOf,
  type SeededOrganisation,
} from './tenant-fixtures.js';
import { withAdmin } from './test-database.js';

/**
 * Tenant isolation as PostgreSQL enforces it (issue 10; docs/security.md), checked below the API:
 * connected as the role the API's requests run as, with two organisations seeded in every
 * tenant table, the tables read from the catalog. Whatever a repository's SQL says, one
 * organisation's rows are invisible and unwritable from another, and with no organisation set
 * nothing is visible at all.
 */
describe('tenant isolation in the database', () => {
  let t: TestApp;
  let app: pg.Client;
  let tables: string[];
  const a: SeededOrganisation = newOrganisation();
  const b: SeededOrganisation = newOrganisation();

  const count = async (client: pg.ClientBase, sql: string, parameters: unknown[] = []) =>
    Number((await client.query<{ n: string }>(sql, parameters)).rows[0].n);
  const ownerCount = async (table: string, orgId: string) =>
    Number(
      (await t.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table} WHERE org_id = $1`, [orgId]))[0].n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    await seedOrganisation(t.dataSource, a, 'a');
    await seedOrganisation(t.dataSource, b, 'b');
    tables = await tenantTablesOf(t.dataSource);
    app = new pg.Client({ connectionString: t.appDatabaseUrl });
    await app.connect();
  }, 60_000);

  afterAll(async () => {
    await app?.end();
    await t?.close();
  });

  it('finds the tenant tables in the catalog, every one seeded for both organisations', async () => {
    expect(tables.length).toBeGreaterThanOrEqual(10);
    expect(tables.filter((table) => !SEEDED_TABLES.includes(table))).toEqual([]);
    for (const table of tables) {
      const seeded = { a: await ownerCount(table, a.orgId), b: await ownerCount(table, b.orgId) };
      expect({ table, a: seeded.a > 0, b: seeded.b > 0 }).toEqual({ table, a: true, b: true });
    }
  });

  it('has row-level security enabled and forced, with the org_id policy, on every tenant table and organisations', async () => {
    const { rows } = await app.query<{ name: string; enabled: boolean; forced: boolean; policies: string[] }>(
      `SELECT c.relname AS name, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
              coalesce(array_agg(p.qual) FILTER (WHERE p.qual IS NOT NULL), '{}') AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_policies p ON p.schemaname = n.nspname AND p.tablename = c.relname
        WHERE n.nspname = 'public' AND c.relname = ANY($1)
        GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity ORDER BY 1`,
      [[...tables, 'organisations', 'users']],
    );
    expect(rows.map((row) => row.name).sort()).toEqual([...tables, 'organisations', 'users'].sort());
    for (const row of rows) {
      expect({ name: row.name, enabled: row.enabled, forced: row.forced }).toEqual({
        name: row.name,
        enabled: true,
        forced: true,
      });
      const column = row.name === 'organisations' ? 'id' : 'org_id';
      if (row.name !== 'users') {
        expect(row.policies).toContainEqual(
          `(${column} = (NULLIF(current_setting('app.org_id'::text, true), ''::text))::uuid)`,
        );
      }
    }
  });

  it('runs as a role that is no superuser, cannot bypass RLS and owns no table', async () => {
    const { rows } = await app.query<{ superuser: boolean; bypass: boolean; owned: number }>(
      `SELECT rolsuper AS superuser, rolbypassrls AS bypass,
              (SELECT count(*)::int FROM pg_class c WHERE pg_has_role(r.oid, c.relowner, 'MEMBER')
                 AND c.relnamespace = 'public'::regnamespace) AS owned
         FROM pg_roles r WHERE rolname = current_user`,
    );
    expect(rows).toEqual([{ superuser: false, bypass: false, owned: 0 }]);
  });

  it('shows organisation A only its own rows in every table', async () => {
    await asTenant(app, { orgId: a.orgId, userId: a.userId }, async () => {
      for (const table of tables) {
        const seen = await app.query<{ total: number; own: number }>(
          `SELECT count(*)::int AS total, count(*) FILTER (WHERE org_id = $1)::int AS own FROM ${table}`,
          [a.orgId],
        );
        const own = await ownerCount(table, a.orgId);
        expect({ table, ...seen.rows[0] }).toEqual({ table, total: own, own });
      }
      expect((await app.query(`SELECT id FROM organisations`)).rows).toEqual([{ id: a.orgId }]);
      expect((await app.query(`SELECT id FROM users`)).rows).toEqual([{ id: a.userId }]);
    });
  });

  it('shows nothing with no organisation set, nor after a transaction that set one has ended', async () => {
    const everything = [...tables, 'organisations', 'users'];
    await asTenant(app, {}, async () => {
      for (const table of everything)
        expect({ table, n: await count(app, `SELECT count(*) AS n FROM ${table}`) }).toEqual({ table, n: 0 });
    });
    await asTenant(app, { orgId: a.orgId, userId: a.userId }, () => Promise.resolve(), true);
    // Outside any transaction, on the same connection: the setting reads '' now, not NULL.
    for (const table of everything)
      expect({ table, n: await count(app, `SELECT count(*) AS n FROM ${table}`) }).toEqual({ table, n: 0 });
  });

  it('refuses, from A, to insert into B any table (a copy of one of B’s rows) or to move A’s rows to B', async () => {
    await asTenant(app, { orgId: a.orgId, userId: a.userId }, async () => {
      for (const table of tables) {
        const [row] = await t.dataSource.query<Record<string, unknown>[]>(
          // (Aliased so no column shadows the row: map_positions has a column `x`.)
          `SELECT row_to_json(copied) AS row FROM ${table} copied WHERE org_id = $1 LIMIT 1`,
          [b.orgId],
        );
        const inserted = await refusal(app, () =>
          app.query(
            `INSERT INTO ${table} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_record(NULL::${table}, $1)`,
            [JSON.stringify(row.row)],
          ),
        );
        expect({ table, ...inserted }).toEqual({
          table,
          code: '42501',
          message: expect.stringMatching(/row-level security/) as string,
        });
        if (table === 'change_log' || table === 'snapshots') continue; // no UPDATE at all, below
        const moved = await refusal(app, () =>
          app.query(`UPDATE ${table} SET org_id = $1 WHERE org_id = $2`, [b.orgId, a.orgId]),
        );
        expect({ table, code: moved.code }).toEqual({ table, code: '42501' });
        // B's rows are not there to update or delete.
        expect((await app.query(`UPDATE ${table} SET org_id = org_id WHERE org_id = $1`, [b.orgId])).rowCount).toBe(0);
        expect((await app.query(`DELETE FROM ${table} WHERE org_id = $1`, [b.orgId])).rowCount).toBe(0);
      }
      expect((await app.query(`UPDATE organisations SET name = 'taken' WHERE id = $1`, [b.orgId])).rowCount).toBe(0);
      expect(
        (
          await refusal(app, () =>
            app.query(`INSERT INTO organisations (id, slug, name) VALUES ($1, 'other', 'Other')`, [randomUUID()]),
          )
        ).code,
      ).toBe('42501');
    });
    for (const table of tables) expect(await ownerCount(table, b.orgId)).toBeGreaterThan(0);
  });

  it('refuses, from A, to link or check in to B’s nodes', async () => {
    await asTenant(app, { orgId: a.orgId, userId: a.userId }, async () => {
      const link = await refusal(app, () =>
        app.query(
          `INSERT INTO links (org_id, from_id, from_kind, to_id, to_kind, kind, decided_at)
           VALUES ($1, $2, 'project', $3, 'key_result', 'contributes_to', now())`,
          [a.orgId, a.projectId, b.keyResultId],
        ),
      );
      expect(link.code).toBe('23503'); // (org_id, to_id) names no node of A
      const checkIn = await refusal(app, () =>
        app.query(`INSERT INTO key_result_check_ins (org_id, node_id, at, value) VALUES ($1, $2, '2026-02-01', 1)`, [
          a.orgId,
          b.keyResultId,
        ]),
      );
      expect(checkIn.code).toBe('23503');
      const member = await refusal(app, () =>
        app.query(`INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'admin')`, [b.orgId, a.userId]),
      );
      expect(member.code).toBe('42501');
    });
  });

  it('lets a user insert and update only itself, and see only the members of its organisation', async () => {
    await asTenant(app, { orgId: a.orgId, userId: a.userId }, async () => {
      expect((await app.query(`UPDATE users SET name = 'Renamed' WHERE id = $1`, [b.userId])).rowCount).toBe(0);
      expect((await app.query(`UPDATE users SET name = 'Renamed' WHERE id = $1`, [a.userId])).rowCount).toBe(1);
      const other = await refusal(app, () =>
        app.query(`INSERT INTO users (id, email, name) VALUES ($1, 'new@example.test', 'New')`, [randomUUID()]),
      );
      expect(other.code).toBe('42501');
    });
    // Sign-up: the new organisation's and user's ids set first, then every insert passes its WITH CHECK.
    const signUp = { orgId: randomUUID(), userId: randomUUID() };
    await asTenant(app, signUp, async () => {
      await app.query(`INSERT INTO organisations (id, slug, name) VALUES ($1, $2, 'New org')`, [
        signUp.orgId,
        `new-${signUp.orgId.slice(0, 8)}`,
      ]);
      await app.query(`INSERT INTO users (id, email, name) VALUES ($1, 'founder@example.test', 'Founder')`, [
        signUp.userId,
      ]);
      await app.query(`INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'admin')`, [
        signUp.orgId,
        signUp.userId,
      ]);
      expect(await count(app, `SELECT count(*) AS n FROM users`)).toBe(1);
    });
  });

  it('refuses the request role any UPDATE or DELETE of the change log, even of its own organisation', async () => {
    await asTenant(app, { orgId: a.orgId, userId: a.userId }, async () => {
      for (const sql of [`UPDATE change_log SET actor = 'someone else'`, `DELETE FROM change_log`]) {
        const refused = await refusal(app, () => app.query(sql));
        expect(refused).toEqual({ code: '42501', message: expect.stringMatching(/permission denied/) as string });
      }
      expect((await refusal(app, () => app.query(`DELETE FROM organisations WHERE id = $1`, [a.orgId]))).code).toBe(
        '42501',
      );
    });
  });

  it('answers the narrow definer functions with no organisation set, and only to the request role', async () => {
    await asTenant(app, {}, async () => {
      expect((await app.query(`SELECT id FROM auth_user_by_email($1)`, [' A@Example.TEST '])).rows).toEqual([
        { id: a.userId },
      ]);
      expect((await app.query(`SELECT org_id, role FROM auth_user_organisations($1)`, [b.userId])).rows).toEqual([
        { org_id: b.orgId, role: 'admin' },
      ]);
    });
    const { rows } = await app.query<{ name: string; public: boolean }>(
      `SELECT p.proname AS name, has_function_privilege('public', p.oid, 'EXECUTE') AS public
         FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(7);
    expect(rows.filter((row) => row.public)).toEqual([]);
  });

  it('delete_organisation removes every row of B, change log included, and nothing of A; only from B itself', async () => {
    const fromA = await asTenant(app, { orgId: a.orgId, userId: a.userId }, () =>
      refusal(app, () => app.query(`SELECT delete_organisation($1)`, [b.orgId])),
    );
    expect(fromA.code).toBe('42501');
    await asTenant(
      app,
      { orgId: b.orgId, userId: b.userId },
      () => app.query(`SELECT delete_organisation($1)`, [b.orgId]),
      true,
    );
    for (const table of await tenantTablesOf(t.dataSource)) {
      expect({ table, b: await ownerCount(table, b.orgId) }).toEqual({ table, b: 0 });
      expect(await ownerCount(table, a.orgId)).toBeGreaterThan(0);
    }
    expect(await t.dataSource.query(`SELECT id FROM organisations WHERE id = $1`, [b.orgId])).toEqual([]);
    expect(await t.dataSource.query(`SELECT id FROM users WHERE id = $1`, [b.userId])).toEqual([]); // B's alone
  });

  it('refuses to start as a superuser or as a role with BYPASSRLS, in one line', async () => {
    const asSuperuser = startTestApp({ DATABASE_APP_URL: t.databaseUrl });
    await expect(asSuperuser).rejects.toThrow(/^The API's database role "[^"]+" is a superuser[^\n]*$/);
    const role = `tl_bypass_${process.pid}_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await withAdmin((admin) => admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER BYPASSRLS PASSWORD '${password}'`));
    try {
      const url = new URL(t.databaseUrl);
      url.username = role;
      url.password = password;
      await expect(startTestApp({ DATABASE_APP_URL: url.toString() })).rejects.toThrow(/"tl_bypass_\w+" has BYPASSRLS/);
    } finally {
      // Only what this test created. Its grants went with the refused app's database.
      await withAdmin((admin) => admin.query(`DROP ROLE ${role}`));
    }
  });
});

import request from 'supertest';
import { createApp } from '../src/app.setup.js';
import { asOwner } from './accounts.js';
import { startTestApp, type TestApp } from './harness.js';

/** The demo organisation's users, one per role, while DEMO_SEED is on (docs/security.md). */
describe('demo accounts', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  beforeAll(async () => (t = await startTestApp({ DEMO_SEED: 'true' })));
  afterAll(() => t.close());

  it('lists one user per role, each of whom signs in to the demo organisation with its role', async () => {
    const accounts = (await http().get('/api/auth/demo-accounts').expect(200)).body as Array<{
      email: string;
      password: string;
      role: string;
      name: string;
    }>;
    expect(accounts.map((a) => a.role).sort()).toEqual(['admin', 'contributor', 'executive', 'pmo']);
    const units = await asOwner(t, async (db) =>
      Object.fromEntries(
        (
          await db.query<{ key: string; id: string }>(`SELECT key, id FROM business_units WHERE key IN ('NET', 'MTR')`)
        ).rows.map((row) => [row.key, row.id]),
      ),
    );
    for (const account of accounts) {
      const session = await http()
        .post('/api/auth/log-in')
        .send({ email: account.email, password: account.password })
        .expect(200);
      expect(session.body).toMatchObject({
        role: account.role,
        user: { name: account.name },
        organisation: { slug: 'default' },
      });
      expect(session.body.unitIds.sort()).toEqual(account.role === 'contributor' ? [units.NET, units.MTR].sort() : []);
    }
    // The demo was loaded too: the contributor has work to edit in its units.
    const contributor = accounts.find((a) => a.role === 'contributor')!;
    const token = (
      await http().post('/api/auth/log-in').send({ email: contributor.email, password: contributor.password })
    ).body.token;
    const nodes = (await http().get('/api/nodes').set('Authorization', `Bearer ${token}`).expect(200)).body;
    expect(JSON.stringify(nodes)).toContain(units.NET);
  });

  it('gives each demo unit an owner (the contributor its own, the PMO lead the rest) whom the dashboard names', async () => {
    const accounts = (await http().get('/api/auth/demo-accounts').expect(200)).body as Array<{
      email: string;
      password: string;
      role: string;
    }>;
    const signIn = async (role: string) => {
      const account = accounts.find((a) => a.role === role)!;
      return (await http().post('/api/auth/log-in').send({ email: account.email, password: account.password }))
        .body as { token: string; user: { id: string; name: string } };
    };
    const cara = await signIn('contributor');
    const priya = await signIn('pmo');
    const units = (await http().get('/api/business-units').set('Authorization', `Bearer ${priya.token}`).expect(200))
      .body as Array<{ key: string; ownerId: string | null }>;
    expect(Object.fromEntries(units.map((u) => [u.key, u.ownerId]))).toEqual({
      NET: cara.user.id,
      MTR: cara.user.id,
      RET: priya.user.id,
      CSV: priya.user.id,
      GEN: priya.user.id,
      DIG: priya.user.id,
      FIN: priya.user.id,
    });
    const dashboard = (await http().get('/api/dashboard').set('Authorization', `Bearer ${priya.token}`).expect(200))
      .body as { accountability: Array<{ unit: { key: string; ownerName: string | null } }> };
    const ownerOf = Object.fromEntries(dashboard.accountability.map((a) => [a.unit.key, a.unit.ownerName]));
    expect(ownerOf).toMatchObject({ NET: 'Cara Contributor', MTR: 'Cara Contributor', RET: 'Priya PMO' });

    // An owner an admin changed stays as it is at the next start (the demo and its users exist by then).
    const net = await asOwner(t, async (db) => {
      const { rows } = await db.query<{ id: string }>(
        `UPDATE business_units SET owner_id = NULL WHERE key = 'NET' RETURNING id`,
      );
      return rows[0].id;
    });
    const restarted = await createApp({
      env: { DATABASE_URL: t.databaseUrl, NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'true' },
    });
    await restarted.close();
    const after = await asOwner(
      t,
      async (db) => (await db.query(`SELECT owner_id FROM business_units WHERE id = $1`, [net])).rows[0],
    );
    expect(after).toEqual({ owner_id: null });
    await asOwner(t, (db) => db.query(`UPDATE business_units SET owner_id = $2 WHERE id = $1`, [net, cara.user.id]));
  });

  it('locks the demo users out, and hides their list, once DEMO_SEED is off', async () => {
    const accounts = (await http().get('/api/auth/demo-accounts').expect(200)).body as Array<{
      email: string;
      password: string;
    }>;
    const restarted = await createApp({
      env: { DATABASE_URL: t.databaseUrl, NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'false' },
    });
    try {
      await request(restarted.getHttpServer()).get('/api/auth/demo-accounts').expect(404);
      for (const account of accounts) {
        await request(restarted.getHttpServer())
          .post('/api/auth/log-in')
          .send({ email: account.email, password: account.password })
          .expect(401);
      }
    } finally {
      await restarted.close();
    }
  });
});

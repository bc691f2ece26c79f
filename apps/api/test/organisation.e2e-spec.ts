import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { SessionTokens } from '../src/auth/session-tokens.js';
import { asOwner, createMember, createOrganisation } from './accounts.js';
import { startTestApp, type TestApp } from './harness.js';
import { newOrganisation, seedOrganisation, tenantTablesOf, type SeededOrganisation } from './tenant-fixtures.js';

const PASSWORD = 'amber-kettle-lighthouse';

/** Requests with no credentials but those a test sets (the harness's own `http()` may sign in as an admin). */
const anonymous = (t: TestApp) => request(t.app.getHttpServer());

/** Settings, export and deletion of an organisation (docs/security.md, "Accounts and sessions"). */
describe('the organisation', () => {
  let t: TestApp;
  const http = () => anonymous(t);
  let admin: { Authorization: string };
  let orgId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const res = await http()
      .post('/api/auth/sign-up')
      .send({ organisationName: 'Settings Org', name: 'Ada Admin', email: 'ada@example.com', password: PASSWORD })
      .expect(201);
    admin = { Authorization: `Bearer ${res.body.token}` };
    orgId = res.body.organisation.id;
  });
  afterAll(() => t.close());

  it('shows its settings to every member and lets only an admin change them', async () => {
    const executive = await createMember(t, { role: 'executive', orgId });
    const shown = await http().get('/api/organisation').set(executive.auth).expect(200);
    expect(shown.body).toMatchObject({
      id: orgId,
      name: 'Settings Org',
      currency: 'GBP',
      locale: 'en-GB',
      requireTotp: false,
    });
    await http().patch('/api/organisation').set(executive.auth).send({ currency: 'EUR' }).expect(403);

    const changed = await http()
      .patch('/api/organisation')
      .set(admin)
      .send({ name: 'Settings Org GmbH', currency: 'EUR', locale: 'de-DE' })
      .expect(200);
    expect(changed.body).toMatchObject({ name: 'Settings Org GmbH', currency: 'EUR', locale: 'de-DE' });
    expect((await http().get('/api/auth/session').set(admin).expect(200)).body.organisation).toMatchObject({
      currency: 'EUR',
      locale: 'de-DE',
    });
    for (const body of [
      { currency: 'eur' },
      { currency: 'XYZ' },
      { locale: 'not a locale' },
      { locale: 'de_DE' },
      { name: ' ' },
      { slug: 'x' },
    ]) {
      expect([body, (await http().patch('/api/organisation').set(admin).send(body)).status]).toEqual([body, 400]);
    }
    await http()
      .patch('/api/organisation')
      .set(admin)
      .send({ name: 'Settings Org', currency: 'GBP', locale: 'en-GB' })
      .expect(200);
  });

  it('exports the organisation: settings, members without secrets, and an importable portfolio', async () => {
    const unit = (
      await http().post('/api/business-units').set(admin).send({ key: 'NET', name: 'Networks' }).expect(201)
    ).body;
    await http().post('/api/nodes').set(admin).send({ kind: 'objective', key: 'OBJ-1', title: 'Grow' }).expect(201);
    await createMember(t, { role: 'contributor', orgId, unitIds: [unit.id], name: 'Cory Contributor' });
    await asOwner(t, (db) =>
      db.query(
        `UPDATE users SET totp_secret = 'JBSWY3DPEHPK3PXP', totp_enabled = true WHERE email = 'ada@example.com'`,
      ),
    );

    const res = await http().get('/api/organisation/export').set(admin).expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="settings-org-[0-9a-f]{6}\.json"$/);
    const document = JSON.parse(res.text);
    expect(document).toMatchObject({
      format: 'throughline-organisation/v1',
      organisation: { id: orgId, name: 'Settings Org', currency: 'GBP' },
      portfolio: { format: 'throughline/v1', businessUnits: [{ key: 'NET', name: 'Networks' }] },
    });
    expect(document.portfolio.nodes.map((n: { key: string }) => n.key)).toEqual(['OBJ-1']);
    expect(document.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Ada Admin', email: 'ada@example.com', role: 'admin', units: [] }),
        expect.objectContaining({ name: 'Cory Contributor', role: 'contributor', units: ['NET'] }),
      ]),
    );
    expect(res.text).not.toMatch(/argon2|JBSWY3DPEHPK3PXP|password|totp_?secret|token|session/i);
    for (const member of document.members)
      expect(Object.keys(member).sort()).toEqual(['email', 'joinedAt', 'name', 'role', 'units']);

    const other = await createMember(t, { role: 'admin', orgId: await createOrganisation(t, 'Copy') });
    await http().post('/api/portfolio/import').set(other.auth).send(document.portfolio).expect(200);
    await http().get('/api/organisation/export').set(other.auth).expect(200);
    await http()
      .get('/api/organisation/export')
      .set((await createMember(t, { role: 'pmo', orgId })).auth)
      .expect(403);
  });

  describe('deletion', () => {
    /** A seeded organisation (a row in every tenant table) and a bearer token for its admin. */
    const seeded = async (tag: string): Promise<{ o: SeededOrganisation; auth: { Authorization: string } }> => {
      const o = newOrganisation();
      await seedOrganisation(t.dataSource, o, tag);
      const sessionId = randomUUID();
      await asOwner(t, (db) =>
        db.query(
          `INSERT INTO sessions (id, org_id, user_id, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`,
          [sessionId, o.orgId, o.userId],
        ),
      );
      const token = await t.app.get(SessionTokens).sign({ userId: o.userId, orgId: o.orgId, sessionId });
      return { o, auth: { Authorization: `Bearer ${token}` } };
    };
    const rowsOf = (id: string) =>
      asOwner(t, async (db) => {
        const counts: Record<string, number> = {};
        for (const table of await tenantTablesOf(db)) {
          counts[table] = Number(
            (await db.query(`SELECT count(*) FROM ${table} WHERE org_id = $1`, [id])).rows[0].count,
          );
        }
        counts.organisations = Number(
          (await db.query(`SELECT count(*) FROM organisations WHERE id = $1`, [id])).rows[0].count,
        );
        return counts;
      });

    it('leaves no row of the organisation in any tenant table, and nothing of another', async () => {
      const doomed = await seeded('doomed');
      const kept = await seeded('kept');
      const before = await rowsOf(doomed.o.orgId);
      expect(Object.values(before).every((n) => n > 0)).toBe(true);
      const keptBefore = await rowsOf(kept.o.orgId);

      const wrong = await http()
        .delete('/api/organisation')
        .set(doomed.auth)
        .send({ confirmName: 'org doomed' })
        .expect(400);
      expect(wrong.body.code).toBe('VALIDATION_FAILED');
      await http().delete('/api/organisation').set(doomed.auth).send({ confirmName: 'Org doomed' }).expect(204);

      const after = await rowsOf(doomed.o.orgId);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
      const users = await asOwner(
        t,
        async (db) => (await db.query(`SELECT count(*) FROM users WHERE id = $1`, [doomed.o.userId])).rows[0].count,
      );
      expect(Number(users)).toBe(0);
      expect(await rowsOf(kept.o.orgId)).toEqual(keptBefore);
      await http().get('/api/auth/session').set(doomed.auth).expect(401);
    });

    it('is for admins only, and never for the demo organisation', async () => {
      const pmo = await createMember(t, { role: 'pmo', orgId });
      await http().delete('/api/organisation').set(pmo.auth).send({ confirmName: 'Settings Org' }).expect(403);
      const demoAdmin = await createMember(t, { role: 'admin' });
      const name = (await http().get('/api/organisation').set(demoAdmin.auth).expect(200)).body.name;
      const refused = await http()
        .delete('/api/organisation')
        .set(demoAdmin.auth)
        .send({ confirmName: name })
        .expect(422);
      expect(refused.body.code).toBe('INVALID_STATE');
    });
  });
});

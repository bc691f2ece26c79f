import { asOwner, createMember, createOrganisation } from './accounts.js';
import { startTestApp, type TestApp } from './harness.js';
import request from 'supertest';

const PASSWORD = 'amber-kettle-lighthouse';
const tokenOf = (link: string) => link.split('/').pop()!;

/** Members, invites and admin-issued password resets (docs/security.md, "Accounts and sessions"). */
/** Requests with no credentials but those a test sets (the harness's own `http()` may sign in as an admin). */
const anonymous = (t: TestApp) => request(t.app.getHttpServer());

describe('members', () => {
  let t: TestApp;
  const http = () => anonymous(t);
  let admin: { Authorization: string };
  let unitId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const res = await http()
      .post('/api/auth/sign-up')
      .send({ organisationName: 'Members Org', name: 'Ada Admin', email: 'ada@example.com', password: PASSWORD })
      .expect(201);
    admin = { Authorization: `Bearer ${res.body.token}` };
    unitId = (await http().post('/api/business-units').set(admin).send({ key: 'NET', name: 'Networks' }).expect(201))
      .body.id;
  });
  afterAll(() => t.close());

  const invite = (body: Record<string, unknown>) => http().post('/api/members/invites').set(admin).send(body);

  it('invites a contributor with a one-time link that sets a password and signs in', async () => {
    const res = await invite({ email: 'Cora@Example.com', role: 'contributor', unitIds: [unitId] }).expect(201);
    expect(res.body).toMatchObject({
      email: 'cora@example.com',
      role: 'contributor',
      unitIds: [unitId],
      createdBy: 'Ada Admin',
    });
    expect(res.body.link).toMatch(/^http:\/\/[^/]+\/invite\/[\w-]{43}$/);
    const token = tokenOf(res.body.link);
    const stored = await asOwner(
      t,
      async (db) => (await db.query(`SELECT token_hash FROM invites WHERE id = $1`, [res.body.id])).rows[0],
    );
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token);

    const described = await http().get(`/api/invites/${token}`).expect(200);
    expect(described.body).toEqual({
      organisationName: 'Members Org',
      email: 'cora@example.com',
      role: 'contributor',
      accountExists: false,
    });
    await http().post(`/api/invites/${token}/accept`).send({ name: 'Cora', password: 'password1234' }).expect(422);
    await http().post(`/api/invites/${token}/accept`).send({ password: PASSWORD }).expect(400);
    const accepted = await http()
      .post(`/api/invites/${token}/accept`)
      .send({ name: 'Cora Contributor', password: PASSWORD })
      .expect(201);
    expect(accepted.body).toMatchObject({ role: 'contributor', unitIds: [unitId], user: { name: 'Cora Contributor' } });
    expect(String(accepted.headers['set-cookie'])).toMatch(/^tl_session=/);

    expect((await http().get(`/api/invites/${token}`).expect(404)).body.code).toBe('NOT_FOUND');
    await http().post(`/api/invites/${token}/accept`).send({ name: 'Again', password: PASSWORD }).expect(404);
    await http().post('/api/auth/log-in').send({ email: 'cora@example.com', password: PASSWORD }).expect(200);
  });

  it('accepts a link once even when two acceptances race', async () => {
    const token = tokenOf((await invite({ email: 'race@example.com', role: 'pmo' }).expect(201)).body.link);
    const accept = () => http().post(`/api/invites/${token}/accept`).send({ name: 'Racer', password: PASSWORD });
    const statuses = (await Promise.all([accept(), accept(), accept()])).map((res) => res.status).sort();
    expect(statuses).toEqual([201, 404, 404]);
  });

  it('lets an existing account join with its own password', async () => {
    await http()
      .post('/api/auth/sign-up')
      .send({ organisationName: 'Elsewhere', name: 'Eve Existing', email: 'eve@example.com', password: PASSWORD })
      .expect(201);
    const token = tokenOf((await invite({ email: 'eve@example.com', role: 'executive' }).expect(201)).body.link);
    expect((await http().get(`/api/invites/${token}`).expect(200)).body.accountExists).toBe(true);
    const wrong = await http().post(`/api/invites/${token}/accept`).send({ password: 'not-her-password' }).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    const joined = await http().post(`/api/invites/${token}/accept`).send({ password: PASSWORD }).expect(201);
    expect(joined.body).toMatchObject({
      role: 'executive',
      organisation: { name: 'Members Org' },
      user: { name: 'Eve Existing' },
    });
    expect(joined.body.organisations.map((o: { name: string }) => o.name).sort()).toEqual(['Elsewhere', 'Members Org']);
  });

  it('refuses invites for members, units for non-contributors, and units of no one', async () => {
    expect((await invite({ email: 'ada@example.com', role: 'pmo' }).expect(409)).body.code).toBe('CONFLICT');
    expect((await invite({ email: 'x@example.com', role: 'pmo', unitIds: [unitId] }).expect(422)).body.code).toBe(
      'INVALID_FIELD',
    );
    const foreignOrg = await createOrganisation(t);
    const foreignUnit = await asOwner(
      t,
      async (db) =>
        (
          await db.query(`INSERT INTO business_units (org_id, key, name) VALUES ($1, 'FOR', 'Foreign') RETURNING id`, [
            foreignOrg,
          ])
        ).rows[0].id,
    );
    await invite({ email: 'x@example.com', role: 'contributor', unitIds: [foreignUnit] }).expect(422);
    await invite({ email: 'x@example.com', role: 'owner' }).expect(400);
    await invite({ email: 'x@example.com', role: 'pmo', orgId: foreignOrg }).expect(400);
  });

  it('lists open invites, withdraws one (its link stops working), and forgets expired ones', async () => {
    const withdrawn = (await invite({ email: 'wendy@example.com', role: 'pmo' }).expect(201)).body;
    const expired = (await invite({ email: 'old@example.com', role: 'pmo' }).expect(201)).body;
    await asOwner(t, (db) =>
      db.query(
        `UPDATE invites SET created_at = now() - interval '9 days', expires_at = now() - interval '2 days' WHERE id = $1`,
        [expired.id],
      ),
    );
    const open = (await http().get('/api/members/invites').set(admin).expect(200)).body as Array<{ id: string }>;
    expect(open.map((i) => i.id)).toContain(withdrawn.id);
    expect(open.map((i) => i.id)).not.toContain(expired.id);
    expect(JSON.stringify(open)).not.toContain(tokenOf(withdrawn.link));
    await http()
      .get(`/api/invites/${tokenOf(expired.link)}`)
      .expect(404);

    await http().delete(`/api/members/invites/${withdrawn.id}`).set(admin).expect(204);
    await http()
      .get(`/api/invites/${tokenOf(withdrawn.link)}`)
      .expect(404);
    await http().delete(`/api/members/invites/${withdrawn.id}`).set(admin).expect(404);
  });

  describe('roles and removal', () => {
    it('lists members, changes a role (at the next request) and units, and removes a member (sessions end)', async () => {
      const orgId = (await http().get('/api/auth/session').set(admin).expect(200)).body.organisation.id;
      const pat = await createMember(t, { role: 'pmo', orgId, name: 'Pat PMO' });
      const list = (await http().get('/api/members').set(admin).expect(200)).body as Array<{
        name: string;
        role: string;
      }>;
      expect(list).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'Pat PMO', role: 'pmo', unitIds: [] })]),
      );
      expect(JSON.stringify(list)).not.toMatch(/password|totp_secret|\$argon2/);

      const changed = await http()
        .patch(`/api/members/${pat.userId}`)
        .set(admin)
        .send({ role: 'contributor', unitIds: [unitId] })
        .expect(200);
      expect(changed.body).toMatchObject({ role: 'contributor', unitIds: [unitId] });
      expect((await http().get('/api/auth/session').set(pat.auth).expect(200)).body).toMatchObject({
        role: 'contributor',
        unitIds: [unitId],
      });
      await http().patch(`/api/members/${pat.userId}`).set(admin).send({ role: 'executive' }).expect(200);
      expect((await http().get('/api/auth/session').set(pat.auth).expect(200)).body).toMatchObject({
        role: 'executive',
        unitIds: [],
      });
      await http().get('/api/members').set(pat.auth).expect(200);
      await http().patch(`/api/members/${pat.userId}`).set(pat.auth).send({ role: 'admin' }).expect(403);
      await http().get('/api/members/invites').set(pat.auth).expect(403);

      await http().delete(`/api/members/${pat.userId}`).set(admin).expect(204);
      await http().get('/api/auth/session').set(pat.auth).expect(401);
      await http().delete(`/api/members/${pat.userId}`).set(admin).expect(404);
    });

    it('never leaves the organisation without an admin', async () => {
      const session = (await http().get('/api/auth/session').set(admin).expect(200)).body;
      const self = session.user.id;
      const demote = await http().patch(`/api/members/${self}`).set(admin).send({ role: 'pmo' }).expect(422);
      expect(demote.body.code).toBe('INVALID_STATE');
      await http().delete(`/api/members/${self}`).set(admin).expect(422);
      const second = await createMember(t, { role: 'admin', orgId: session.organisation.id });
      await http().patch(`/api/members/${second.userId}`).set(admin).send({ role: 'pmo' }).expect(200);
      await http().patch(`/api/members/${self}`).set(admin).send({ role: 'executive' }).expect(422);
    });

    it('keeps other organisations’ members out of reach', async () => {
      const stranger = await createMember(t, { role: 'pmo', orgId: await createOrganisation(t) });
      await http().patch(`/api/members/${stranger.userId}`).set(admin).send({ role: 'admin' }).expect(404);
      await http().delete(`/api/members/${stranger.userId}`).set(admin).expect(404);
      await http().post(`/api/members/${stranger.userId}/password-reset`).set(admin).expect(404);
      await http().get('/api/auth/session').set(stranger.auth).expect(200);
    });
  });

  describe('password reset links', () => {
    it('sets a new password once, ends the member’s sessions, and then works no more', async () => {
      const token = tokenOf((await invite({ email: 'rita@example.com', role: 'pmo' }).expect(201)).body.link);
      const rita = await http()
        .post(`/api/invites/${token}/accept`)
        .send({ name: 'Rita', password: PASSWORD })
        .expect(201);
      const issued = await http().post(`/api/members/${rita.body.user.id}/password-reset`).set(admin).expect(201);
      expect(issued.body.link).toMatch(/\/reset-password\/[\w-]{43}$/);
      const reset = tokenOf(issued.body.link);

      expect(
        (await http().post(`/api/password-resets/${reset}`).send({ password: 'qwerty12345' }).expect(422)).body.code,
      ).toBe('WEAK_PASSWORD');
      await http().post(`/api/password-resets/${reset}`).send({ password: 'saffron-glacier-window' }).expect(204);
      await http().get('/api/auth/session').set('Authorization', `Bearer ${rita.body.token}`).expect(401);
      await http().post('/api/auth/log-in').send({ email: 'rita@example.com', password: PASSWORD }).expect(401);
      await http()
        .post('/api/auth/log-in')
        .send({ email: 'rita@example.com', password: 'saffron-glacier-window' })
        .expect(200);
      await http().post(`/api/password-resets/${reset}`).send({ password: 'another-fine-password' }).expect(404);
      await http()
        .post(`/api/password-resets/${'x'.repeat(43)}`)
        .send({ password: 'another-fine-password' })
        .expect(404);
    });
  });
});

import { asOwner, createMember, createOrganisation } from './accounts.js';
import { startTestApp, type TestApp } from './harness.js';
import * as argon2 from 'argon2';
import request from 'supertest';

const PASSWORD = 'amber-kettle-lighthouse';

/** Sign-up, log-in, log-out, sessions and password changes (docs/security.md, "Accounts and sessions"). */
/** Requests with no credentials but those a test sets (the harness's own `http()` may sign in as an admin). */
const anonymous = (t: TestApp) => request(t.app.getHttpServer());

describe('accounts and sessions', () => {
  let t: TestApp;
  const http = () => anonymous(t);
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const signUp = (email: string, extra: Record<string, unknown> = {}) =>
    http()
      .post('/api/auth/sign-up')
      .send({ organisationName: 'Acme Grid', name: 'Ada Admin', email, password: PASSWORD, ...extra });

  it('signs up: a new organisation, its first admin, a session cookie and a token', async () => {
    const res = await signUp('Ada@Example.com').expect(201);
    expect(res.body).toMatchObject({
      user: { name: 'Ada Admin', email: 'ada@example.com', totpEnabled: false },
      organisation: { name: 'Acme Grid', currency: 'GBP', locale: 'en-GB' },
      role: 'admin',
      unitIds: [],
    });
    expect(res.body.organisation.slug).toMatch(/^acme-grid-[0-9a-f]{6}$/);
    expect(res.body.organisations).toEqual([{ id: res.body.organisation.id, name: 'Acme Grid', role: 'admin' }]);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^tl_session=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toContain(res.body.token);

    const byCookie = await http().get('/api/auth/session').set('Cookie', `tl_session=${res.body.token}`).expect(200);
    expect(byCookie.body.user.email).toBe('ada@example.com');
    const byBearer = await http().get('/api/auth/session').set('Authorization', `Bearer ${res.body.token}`).expect(200);
    expect(byBearer.body.organisation.id).toBe(res.body.organisation.id);
  });

  it('stores the password as argon2id with at least 19 MiB and 2 passes', async () => {
    await signUp('hash@example.com').expect(201);
    const hash = await asOwner(t, async (db) => {
      const { rows } = await db.query<{ password_hash: string }>(
        `SELECT password_hash FROM users WHERE email = 'hash@example.com'`,
      );
      return rows[0].password_hash;
    });
    // PHC string format: $argon2id$v=19$<name=value,…>$<salt>$<hash>
    const [, algorithm, version, parameters, salt, digest] = hash.split('$');
    expect([algorithm, version]).toEqual(['argon2id', 'v=19']);
    const values = Object.fromEntries(parameters.split(',').map((pair) => pair.split('=')));
    expect(Number(values.m)).toBeGreaterThanOrEqual(19456);
    expect(Number(values.t)).toBeGreaterThanOrEqual(2);
    expect(salt.length).toBeGreaterThanOrEqual(16);
    expect(digest.length).toBeGreaterThanOrEqual(32);
    expect(hash).not.toContain(PASSWORD);
  });

  it('rehashes a password stored with weaker settings at the next log-in', async () => {
    await http()
      .post('/api/auth/sign-up')
      .send({ organisationName: 'Old Hashes', name: 'Olga', email: 'old@example.com', password: PASSWORD })
      .expect(201);
    const weak = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    const stored = () =>
      asOwner(
        t,
        async (db) =>
          (await db.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE email = 'old@example.com'`))
            .rows[0].password_hash,
      );
    await asOwner(t, (db) => db.query(`UPDATE users SET password_hash = $1 WHERE email = 'old@example.com'`, [weak]));
    await http().post('/api/auth/log-in').send({ email: 'old@example.com', password: PASSWORD }).expect(200);
    expect(await stored()).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    await http().post('/api/auth/log-in').send({ email: 'old@example.com', password: PASSWORD }).expect(200);
  });

  it.each([
    ['too short', 'short-pw1'],
    ['a common password with digits after it', 'password1234'],
    ['a common password with a year and symbols', 'Dragon2024!!'],
    ['one piece repeated', 'abcabcabcabc'],
    ['the email itself', 'weak@example.com'],
  ])('refuses a weak password: %s', async (_case, password) => {
    const res = await signUp('weak@example.com', { password }).expect(422);
    expect(res.body.code).toBe('WEAK_PASSWORD');
    expect(res.body.details[0].field).toBe('password');
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    await signUp('twice@example.com').expect(201);
    const res = await signUp('TWICE@Example.COM').expect(409);
    expect(res.body.code).toBe('CONFLICT');
  });

  it('refuses unknown fields and missing ones', async () => {
    await signUp('extra@example.com', { role: 'admin' }).expect(400);
    await http().post('/api/auth/sign-up').send({ email: 'x@example.com' }).expect(400);
  });

  it('refuses an email holding a lone surrogate with 400, not 500 (found by the reliability fuzz)', async () => {
    const res = await signUp('\ud800').expect(400);
    expect(res.body.message).toMatch(/email/);
  });

  describe('log-in and log-out', () => {
    beforeAll(async () => {
      await signUp('login@example.com').expect(201);
    });

    it('answers the same 401 for a wrong password and an unknown email', async () => {
      const wrong = await http()
        .post('/api/auth/log-in')
        .send({ email: 'login@example.com', password: 'not-the-password' });
      const unknown = await http().post('/api/auth/log-in').send({ email: 'nobody@example.com', password: PASSWORD });
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      expect(wrong.headers['set-cookie']).toBeUndefined();
    });

    it('logs in whatever the email’s case, and log-out ends the session at once', async () => {
      const res = await http()
        .post('/api/auth/log-in')
        .send({ email: 'LOGIN@example.com', password: PASSWORD })
        .expect(200);
      expect(res.body.user.email).toBe('login@example.com');
      const bearer = { Authorization: `Bearer ${res.body.token}` };
      await http().get('/api/auth/session').set(bearer).expect(200);

      const out = await http().post('/api/auth/log-out').set(bearer).expect(204);
      expect(String(out.headers['set-cookie'])).toMatch(/tl_session=;/);
      const after = await http().get('/api/auth/session').set(bearer).expect(401);
      expect(after.body.code).toBe('UNAUTHENTICATED');
      const revoked = await asOwner(t, async (db) => {
        const { rows } = await db.query(`SELECT revoked_at FROM sessions WHERE revoked_at IS NOT NULL`);
        return rows.length;
      });
      expect(revoked).toBeGreaterThanOrEqual(1);
    });

    it('has no principal without credentials, or with a malformed Authorization header', async () => {
      await http().get('/api/auth/session').expect(401);
      await http().get('/api/auth/session').set('Authorization', 'Basic YWRhOnB3').expect(401);
      await http().post('/api/auth/log-out').expect(401);
    });
  });

  describe('the principal of a request', () => {
    it('records the signed-in user as the actor, in their organisation, whatever X-Actor says', async () => {
      const orgId = await createOrganisation(t, 'Actor Org');
      const admin = await createMember(t, { role: 'admin', orgId, name: 'Grace Hopper' });
      const unit = await http()
        .post('/api/business-units')
        .set(admin.auth)
        .set('X-Actor', 'Chief Executive Officer')
        .send({ key: 'NET', name: 'Networks' })
        .expect(201);
      const rows = await asOwner(t, async (db) => {
        const result = await db.query<{ org_id: string; actor: string }>(
          `SELECT org_id, actor FROM change_log WHERE entity_id = $1`,
          [unit.body.id],
        );
        return result.rows;
      });
      expect(rows).toEqual([{ org_id: orgId, actor: 'Grace Hopper' }]);
    });

    it('acts on a removal or a demotion at the very next request', async () => {
      const orgId = await createOrganisation(t, 'Demotion Org');
      const member = await createMember(t, { role: 'pmo', orgId });
      expect((await http().get('/api/auth/session').set(member.auth).expect(200)).body.role).toBe('pmo');
      await asOwner(t, (db) =>
        db.query(`UPDATE memberships SET role = 'executive' WHERE user_id = $1`, [member.userId]),
      );
      expect((await http().get('/api/auth/session').set(member.auth).expect(200)).body.role).toBe('executive');
      await asOwner(t, (db) => db.query(`DELETE FROM memberships WHERE user_id = $1`, [member.userId]));
      await http().get('/api/auth/session').set(member.auth).expect(401);
    });
  });

  describe('switching organisation', () => {
    it('opens a session in another organisation of the user and ends the old one', async () => {
      const first = await signUp('switch@example.com').expect(201);
      const otherOrg = await createOrganisation(t, 'Second Org');
      await asOwner(t, (db) =>
        db.query(`INSERT INTO memberships (org_id, user_id, role) VALUES ($1, $2, 'executive')`, [
          otherOrg,
          first.body.user.id,
        ]),
      );
      const old = { Authorization: `Bearer ${first.body.token}` };
      const switched = await http()
        .post('/api/auth/switch-organisation')
        .set(old)
        .send({ organisationId: otherOrg })
        .expect(200);
      expect(switched.body).toMatchObject({ organisation: { id: otherOrg, name: 'Second Org' }, role: 'executive' });
      expect(switched.body.organisations).toHaveLength(2);
      await http().get('/api/auth/session').set(old).expect(401);

      const stranger = await createOrganisation(t, 'Not Mine');
      const refused = await http()
        .post('/api/auth/switch-organisation')
        .set('Authorization', `Bearer ${switched.body.token}`)
        .send({ organisationId: stranger })
        .expect(404);
      expect(refused.body.code).toBe('NOT_FOUND');
    });
  });

  describe('changing one’s password', () => {
    it('needs the current password, refuses a weak one, and ends the other sessions', async () => {
      const signedUp = await signUp('change@example.com').expect(201);
      const me = { Authorization: `Bearer ${signedUp.body.token}` };
      const other = await http()
        .post('/api/auth/log-in')
        .send({ email: 'change@example.com', password: PASSWORD })
        .expect(200);

      const wrong = await http()
        .post('/api/auth/password')
        .set(me)
        .send({ currentPassword: 'not-it-at-all', newPassword: 'velvet-harbour-compass' })
        .expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      await http()
        .post('/api/auth/password')
        .set(me)
        .send({ currentPassword: PASSWORD, newPassword: 'football99' })
        .expect(422);

      await http()
        .post('/api/auth/password')
        .set(me)
        .send({ currentPassword: PASSWORD, newPassword: 'velvet-harbour-compass' })
        .expect(204);
      await http().get('/api/auth/session').set(me).expect(200);
      await http().get('/api/auth/session').set('Authorization', `Bearer ${other.body.token}`).expect(401);
      await http().post('/api/auth/log-in').send({ email: 'change@example.com', password: PASSWORD }).expect(401);
      await http()
        .post('/api/auth/log-in')
        .send({ email: 'change@example.com', password: 'velvet-harbour-compass' })
        .expect(200);
    });
  });
});

import { SignJWT } from 'jose';
import { SessionTokens, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../src/auth/session-tokens.js';
import { asOwner, createMember, type TestMember } from './accounts.js';
import { startTestApp, type TestApp } from './harness.js';
import request from 'supertest';

const SECRET = 'test-session-secret-of-forty-characters!!';
const key = new TextEncoder().encode(SECRET);
const PARTNER = 'https://partner.example.com';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Forged, expired and revoked tokens; CSRF on cookie-authenticated writes (docs/security.md). */
/** Requests with no credentials but those a test sets (the harness's own `http()` may sign in as an admin). */
const anonymous = (t: TestApp) => request(t.app.getHttpServer());

describe('session tokens', () => {
  let t: TestApp;
  const http = () => anonymous(t);
  let member: TestMember;
  beforeAll(async () => {
    t = await startTestApp({ SESSION_SECRET: SECRET, ALLOWED_ORIGINS: PARTNER });
    member = await createMember(t, { role: 'pmo' });
  });
  afterAll(() => t.close());

  const session = (token: string) => http().get('/api/auth/session').set('Authorization', `Bearer ${token}`);

  /** A token exactly as the API signs one, with `changes` on top. */
  const claims = (changes: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return {
      sub: member.userId,
      org: member.orgId,
      sid: member.sessionId,
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      iat: now,
      exp: now + 900,
      ...changes,
    };
  };
  const signed = (payload: Record<string, unknown>, alg = 'HS256', secret = key) =>
    new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(secret);

  it('accepts a genuine token (the control for every refusal below)', async () => {
    await session(member.token).expect(200);
    await session(await signed(claims())).expect(200);
  });

  it('refuses alg "none"', async () => {
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`;
    expect((await session(token).expect(401)).body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses another HMAC algorithm with the right key', async () => {
    await session(await signed(claims(), 'HS512')).expect(401);
  });

  it('refuses a token signed with another key', async () => {
    await session(
      await signed(claims(), 'HS256', new TextEncoder().encode('another-secret-of-forty-characters-long!')),
    ).expect(401);
  });

  it('refuses an expired token, and one issued too long ago', async () => {
    const now = Math.floor(Date.now() / 1000);
    await session(await signed(claims({ iat: now - 1000, exp: now - 100 }))).expect(401);
    await session(await t.app.get(SessionTokens).sign(member, Date.now() - 16 * 60 * 1000)).expect(401);
    await session(await signed(claims({ iat: now - 3600, exp: now + 600 }))).expect(401);
  });

  it('refuses an edited payload (another organisation, user or session under the old signature)', async () => {
    const [header, , signature] = member.token.split('.');
    for (const change of [
      { org: '00000000-0000-4000-8000-000000000000' },
      { sub: member.orgId },
      { exp: 9999999999 },
    ]) {
      await session(`${header}.${base64url(claims(change))}.${signature}`).expect(401);
    }
  });

  it('refuses a wrong audience or issuer, missing claims, and claims that do not match the session row', async () => {
    await session(await signed(claims({ aud: 'someone-else' }))).expect(401);
    await session(await signed(claims({ iss: 'someone-else' }))).expect(401);
    const { sid: _sid, ...withoutSid } = claims();
    await session(await signed(withoutSid)).expect(401);
    const other = await createMember(t, { role: 'admin' });
    await session(await signed(claims({ sid: other.sessionId }))).expect(401);
  });

  it('refuses the token of a session that was logged out, or has expired in the database', async () => {
    const a = await createMember(t, { role: 'executive' });
    await http().post('/api/auth/log-out').set(a.auth).expect(204);
    await session(a.token).expect(401);
    const b = await createMember(t, { role: 'executive' });
    await asOwner(t, (db) =>
      db.query(
        `UPDATE sessions SET created_at = now() - interval '13 hours', expires_at = now() - interval '1 hour' WHERE id = $1`,
        [b.sessionId],
      ),
    );
    await session(b.token).expect(401);
  });

  it('renews a cookie whose token has less than half its life left, and leaves a fresh one alone', async () => {
    const m = await createMember(t, { role: 'executive' });
    const fresh = await http().get('/api/nodes').set('Cookie', `tl_session=${m.token}`).expect(200);
    expect(fresh.headers['set-cookie']).toBeUndefined();
    const aging = await t.app.get(SessionTokens).sign(m, Date.now() - 10 * 60 * 1000);
    const renewed = await http().get('/api/nodes').set('Cookie', `tl_session=${aging}`).expect(200);
    const cookie = String(renewed.headers['set-cookie']);
    expect(cookie).toMatch(/^tl_session=[\w-]+\.[\w-]+\.[\w-]+; Max-Age=900;/);
    const token = /^tl_session=([^;]+)/.exec(cookie)![1];
    expect(token).not.toBe(aging);
    await session(token).expect(200);
  });

  describe('CSRF', () => {
    const cookieOf = (m: TestMember) => `tl_session=${m.token}`;

    it('refuses a cookie-authenticated change without X-Requested-With, and changes nothing', async () => {
      const m = await createMember(t, { role: 'executive' });
      const res = await http().post('/api/auth/log-out').set('Cookie', cookieOf(m)).expect(403);
      expect(res.body.code).toBe('CSRF');
      await session(m.token).expect(200);
    });

    it('refuses a cross-origin cookie POST sent as text/plain (what a form can send)', async () => {
      const m = await createMember(t, { role: 'pmo' });
      const res = await http()
        .post('/api/business-units')
        .set('Cookie', cookieOf(m))
        .set('Origin', 'https://evil.example')
        .set('Content-Type', 'text/plain')
        .send('{"key":"EVIL","name":"Evil"}')
        .expect(403);
      expect(res.body.code).toBe('CSRF');
    });

    it('refuses the custom header from a foreign origin, and accepts it from its own or an allowed one', async () => {
      const m = await createMember(t, { role: 'executive' });
      // A write that passes the CSRF check answers INVALID_CREDENTIALS (the password is wrong) and changes nothing.
      const post = (origin?: string) => {
        const req = http()
          .post('/api/auth/password')
          .set('Host', 'throughline.test')
          .set('Cookie', cookieOf(m))
          .set('X-Requested-With', 'throughline');
        return (origin ? req.set('Origin', origin) : req).send({
          currentPassword: 'wrong',
          newPassword: 'wrong-again-123',
        });
      };
      for (const foreign of [
        'https://evil.example',
        'null',
        'https://throughline.test',
        'http://throughline.test.evil.example',
      ]) {
        const res = await post(foreign);
        expect([foreign, res.status, res.body.code]).toEqual([foreign, 403, 'CSRF']);
      }
      for (const allowed of [undefined, 'http://throughline.test', PARTNER]) {
        const res = await post(allowed);
        expect([allowed, res.status, res.body.code]).toEqual([allowed, 401, 'INVALID_CREDENTIALS']);
      }
    });

    it('lets reads through without the header, and exempts bearer tokens (a site cannot set them)', async () => {
      const m = await createMember(t, { role: 'executive' });
      await http().get('/api/auth/session').set('Cookie', cookieOf(m)).expect(200);
      await http().post('/api/auth/log-out').set(m.auth).set('Origin', 'https://evil.example').expect(204);
    });
  });
});

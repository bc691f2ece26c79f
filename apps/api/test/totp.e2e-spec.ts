import { generateSync } from 'otplib';
import request from 'supertest';
import { createMember } from './accounts.js';
import { startTestApp, type TestApp } from './harness.js';

const PASSWORD = 'amber-kettle-lighthouse';
const codeOf = (secret: string) => generateSync({ secret });
/**
 * The codes of the previous, current and next 30-second steps, all accepted now; each step may be used once, in
 * increasing order. Taken at least 5 s before a step ends, so the previous one is still good when used.
 */
const stepCodes = async (secret: string) => {
  const left = 30 - ((Date.now() / 1000) % 30);
  if (left < 5) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 100));
  const now = Math.floor(Date.now() / 1000);
  const at = (offset: number) => generateSync({ secret, epoch: now + offset });
  return { previous: at(-30), current: at(0), next: at(30) };
};
/** A six-digit code that is not the current one (nor the next or previous). */
const wrongCodeOf = (secret: string) => {
  const now = Date.now() / 1000;
  const near = [-30, 0, 30].map((d) => generateSync({ secret, epoch: Math.floor(now + d) }));
  return ['000000', '111111', '222222', '333333'].find((code) => !near.includes(code))!;
};

/** The optional TOTP second factor, and organisations that require it (docs/security.md). */
describe('TOTP', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  let admin: { Authorization: string };
  let orgId: string;
  let secret: string;
  let codes: { previous: string; current: string; next: string };
  beforeAll(async () => {
    t = await startTestApp();
    const res = await http()
      .post('/api/auth/sign-up')
      .send({ organisationName: 'Two Factor Org', name: 'Ada', email: 'ada@example.com', password: PASSWORD })
      .expect(201);
    admin = { Authorization: `Bearer ${res.body.token}` };
    orgId = res.body.organisation.id;
  });
  afterAll(() => t.close());

  const logIn = (totpCode?: string) =>
    http()
      .post('/api/auth/log-in')
      .send({ email: 'ada@example.com', password: PASSWORD, ...(totpCode ? { totpCode } : {}) });

  it('is set up with a secret and turned on only by a correct first code', async () => {
    const setup = await http().post('/api/auth/totp/setup').set(admin).expect(200);
    secret = setup.body.secret;
    expect(setup.body.otpauthUrl).toContain(`secret=${secret}`);
    // Not in force yet: log-in needs no code.
    await logIn().expect(200);
    const wrong = await http()
      .post('/api/auth/totp/enable')
      .set(admin)
      .send({ code: wrongCodeOf(secret) })
      .expect(422);
    expect(wrong.body.code).toBe('INVALID_FIELD');
    codes = await stepCodes(secret);
    await http().post('/api/auth/totp/enable').set(admin).send({ code: codes.previous }).expect(204);
    await http().post('/api/auth/totp/setup').set(admin).expect(409);
    expect((await http().get('/api/auth/session').set(admin).expect(200)).body.user.totpEnabled).toBe(true);
  });

  it('asks every log-in for the current code, and takes each code once', async () => {
    expect((await logIn().expect(401)).body.code).toBe('TOTP_REQUIRED');
    expect((await logIn(wrongCodeOf(secret)).expect(401)).body.code).toBe('TOTP_REQUIRED');
    // The password is still checked first (and the code is not used up by a failed attempt).
    await http()
      .post('/api/auth/log-in')
      .send({ email: 'ada@example.com', password: 'wrong-password', totpCode: codes.current })
      .expect(401);
    await logIn(codes.current).expect(200);
    // Seen over a shoulder: the same code, or an older one, is refused.
    expect((await logIn(codes.current).expect(401)).body.code).toBe('TOTP_REQUIRED');
    await logIn(codes.previous).expect(401);
  });

  it('lets an organisation require it: a member without it may only set it up', async () => {
    const member = await createMember(t, { role: 'pmo', orgId });
    await http().get('/api/nodes').set(member.auth).expect(200);
    const self = await http().patch('/api/organisation').set(member.auth).send({ requireTotp: true }).expect(403);
    expect(self.body.code).toBe('FORBIDDEN');
    await http().patch('/api/organisation').set(admin).send({ requireTotp: true }).expect(200);

    const refused = await http().get('/api/nodes').set(member.auth).expect(403);
    expect(refused.body.code).toBe('TOTP_SETUP_REQUIRED');
    const session = await http().get('/api/auth/session').set(member.auth).expect(200);
    expect(session.body).toMatchObject({ user: { totpEnabled: false }, organisation: { requireTotp: true } });
    const own = (await http().post('/api/auth/totp/setup').set(member.auth).expect(200)).body.secret;
    await http()
      .post('/api/auth/totp/enable')
      .set(member.auth)
      .send({ code: codeOf(own) })
      .expect(204);
    await http().get('/api/nodes').set(member.auth).expect(200);
    const keep = await http()
      .post('/api/auth/totp/disable')
      .set(member.auth)
      .send({ code: codeOf(own) })
      .expect(422);
    expect(keep.body.code).toBe('INVALID_STATE');
    await http().patch('/api/organisation').set(admin).send({ requireTotp: false }).expect(200);
  });

  it('refuses to require it while the admin has no TOTP of their own', async () => {
    const other = await http()
      .post('/api/auth/sign-up')
      .send({ organisationName: 'No TOTP Org', name: 'Bo', email: 'bo@example.com', password: PASSWORD })
      .expect(201);
    const res = await http()
      .patch('/api/organisation')
      .set('Authorization', `Bearer ${other.body.token}`)
      .send({ requireTotp: true })
      .expect(422);
    expect(res.body.code).toBe('INVALID_STATE');
  });

  it('is turned off only with a current code', async () => {
    await http()
      .post('/api/auth/totp/disable')
      .set(admin)
      .send({ code: wrongCodeOf(secret) })
      .expect(422);
    await http().post('/api/auth/totp/disable').set(admin).send({ code: codes.next }).expect(204);
    await logIn().expect(200);
    await http().post('/api/auth/totp/disable').set(admin).send({ code: codes.next }).expect(422);
  });
});

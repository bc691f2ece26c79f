import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../src/app.setup.js';
import { asOwner, createMember } from './accounts.js';
import { startTestApp, type TestApp } from './harness.js';

const PASSWORD = 'amber-kettle-lighthouse';

/** Requests with no credentials but those a test sets. */
const anonymous = (app: NestExpressApplication) => request(app.getHttpServer());

/** Failed log-in limits and the general rate limit, counted in PostgreSQL (docs/security.md, "Hardening"). */
describe('throttling', () => {
  describe('failed log-ins behind a proxy (TRUST_PROXY=1)', () => {
    let t: TestApp;
    const logIn = (email: string, password: string, address: string) =>
      anonymous(t.app).post('/api/auth/log-in').set('X-Forwarded-For', address).send({ email, password });

    beforeAll(async () => {
      t = await startTestApp({ TRUST_PROXY: '1' });
      for (const email of ['victim@example.com', 'bystander@example.com']) {
        await anonymous(t.app)
          .post('/api/auth/sign-up')
          .send({ organisationName: 'Throttled', name: 'Vic', email, password: PASSWORD })
          .expect(201);
      }
    });
    afterAll(() => t.close());

    it('refuses the 11th failed log-in for one account within a minute, from whatever address, on every replica', async () => {
      for (let i = 1; i <= 10; i++) {
        expect((await logIn('victim@example.com', 'wrong-password', `203.0.113.${i}`)).status).toBe(401);
      }
      const refused = await logIn('Victim@example.com', 'wrong-password', '198.51.100.7').expect(429);
      expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Even the right password waits: the limit is checked before the password.
      await logIn('victim@example.com', PASSWORD, '198.51.100.8').expect(429);

      const counted = await asOwner(
        t,
        async (db) =>
          (await db.query(`SELECT hits FROM throttle_hits WHERE key = 'login:account:victim@example.com'`)).rows,
      );
      expect(counted).toEqual([{ hits: 10 }]);

      // Another API process on the same database (a second replica) sees the same count.
      const replica = await createApp({
        env: {
          DATABASE_URL: t.databaseUrl,
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          DEMO_SEED: 'false',
          TRUST_PROXY: '1',
        },
      });
      try {
        await anonymous(replica)
          .post('/api/auth/log-in')
          .set('X-Forwarded-For', '198.51.100.9')
          .send({ email: 'victim@example.com', password: PASSWORD })
          .expect(429);
      } finally {
        await replica.close();
      }
      // Other accounts are unaffected.
      await logIn('bystander@example.com', PASSWORD, '198.51.100.10').expect(200);
    });

    it('refuses the 11th failed log-in from one address within a minute, across accounts', async () => {
      for (let i = 1; i <= 10; i++) {
        expect((await logIn(`nobody-${i}@example.com`, 'wrong-password', '192.0.2.50')).status).toBe(401);
      }
      const refused = await logIn('bystander@example.com', PASSWORD, '192.0.2.50').expect(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      await logIn('bystander@example.com', PASSWORD, '192.0.2.51').expect(200);
    });
  });

  describe('guessing a password through a session or an invite', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ TRUST_PROXY: '1' })));
    afterAll(() => t.close());

    it('counts wrong current passwords of a password change as failed log-ins', async () => {
      const member = await createMember(t, { role: 'executive' });
      const change = (address: string) =>
        anonymous(t.app)
          .post('/api/auth/password')
          .set(member.auth)
          .set('X-Forwarded-For', address)
          .send({ currentPassword: 'a-wrong-guess', newPassword: 'velvet-harbour-compass' });
      for (let i = 1; i <= 10; i++) expect((await change(`203.0.113.${i}`)).status).toBe(401);
      const refused = await change('203.0.113.77').expect(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      await anonymous(t.app)
        .post('/api/auth/log-in')
        .set('X-Forwarded-For', '203.0.113.78')
        .send({ email: member.email, password: 'anything-at-all' })
        .expect(429);
    });
  });

  describe('without TRUST_PROXY', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp()));
    afterAll(() => t.close());

    it('ignores X-Forwarded-For: a client cannot pose as many addresses', async () => {
      for (let i = 1; i <= 10; i++) {
        const res = await anonymous(t.app)
          .post('/api/auth/log-in')
          .set('X-Forwarded-For', `203.0.113.${i}`)
          .send({ email: `someone-${i}@example.com`, password: 'wrong-password' });
        expect(res.status).toBe(401);
      }
      await anonymous(t.app)
        .post('/api/auth/log-in')
        .set('X-Forwarded-For', '203.0.113.99')
        .send({ email: 'someone-11@example.com', password: 'wrong-password' })
        .expect(429);
    });
  });

  describe('the general rate limit (RATE_LIMIT_PER_MINUTE=10)', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '10' })));
    afterAll(() => t.close());

    it('refuses a user’s 11th request in a minute, and not another user’s', async () => {
      const busy = await createMember(t, { role: 'executive' });
      const other = await createMember(t, { role: 'executive' });
      for (let i = 1; i <= 10; i++) {
        expect((await anonymous(t.app).get('/api/auth/session').set(busy.auth)).status).toBe(200);
      }
      const refused = await anonymous(t.app).get('/api/auth/session').set(busy.auth).expect(429);
      expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      await anonymous(t.app).get('/api/auth/session').set(other.auth).expect(200);
      // The health check stays open to probes.
      for (let i = 1; i <= 12; i++) await anonymous(t.app).get('/api/health').expect(200);
    });
  });
});

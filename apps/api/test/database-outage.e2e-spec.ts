import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApp } from '../src/app.setup.js';
import { startTestApp, type TestApp } from './harness.js';
import { createMember, type TestMember } from './principals.js';
import { TcpProxy } from './tcp-proxy.js';
import { SERVER_URL, withAdmin } from './test-database.js';

/**
 * The database blinks, hangs, or is slow: the API never crashes, never answers 500 and never
 * makes a client wait past 10 s — it answers 503 with Retry-After and recovers on its own.
 */

type Answer = { status: number; headers: Record<string, string>; body: { code?: string; status?: string } };

/** Every answer the API gives during an outage must be one of these. */
function expectOnly2xxOr503(answers: Answer[]) {
  const wrong = answers.filter((a) => !(a.status < 300 || a.status === 503));
  expect(wrong.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
  for (const a of answers.filter((a) => a.status === 503)) {
    // The API's error body, or the health check's own.
    expect(a.body.code === 'UNAVAILABLE' || a.body.status === 'degraded').toBe(true);
    expect(Number(a.headers['retry-after'])).toBeGreaterThan(0);
  }
}

function databaseName(url: string) {
  return new URL(url).pathname.slice(1);
}

describe('connections terminated under load (pg_terminate_backend)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    for (let i = 0; i < 20; i++)
      await t
        .http()
        .post('/api/nodes')
        .send({ kind: 'bau', key: `BAU-${i}`, title: `B${i}` });
  });
  afterAll(() => t.close());

  it('keeps the process up: every answer 2xx or 503 with Retry-After, then 2xx again', async () => {
    const db = databaseName(t.databaseUrl);
    const answers: Answer[] = [];
    let running = true;
    let n = 0;
    const requests = [
      () => t.http().get('/api/nodes?limit=50'),
      () => t.http().get('/api/audit'),
      () => t.http().get('/api/coverage'),
      () => t.http().get('/api/graph'),
      () => t.http().get('/api/health'),
      () =>
        t
          .http()
          .post('/api/nodes')
          .send({ kind: 'bau', key: `LOAD-${n++}`, title: 'Under load' }),
    ];
    const worker = async (offset: number) => {
      for (let i = offset; running; i++) {
        const res = await requests[i % requests.length]();
        answers.push({ status: res.status, headers: res.headers, body: res.body });
      }
    };
    const workers = Array.from({ length: 6 }, (_, i) => worker(i));
    let terminated = 0;
    await withAdmin(async (admin) => {
      for (let round = 0; round < 20; round++) {
        await new Promise((r) => setTimeout(r, 200));
        const { rowCount } = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [db],
        );
        terminated += rowCount ?? 0;
      }
    });
    running = false;
    await Promise.all(workers);
    expect(terminated).toBeGreaterThan(10);
    expect(answers.length).toBeGreaterThan(50);
    expectOnly2xxOr503(answers);
    // Recovered: the pool dropped the dead connections and opened new ones.
    await t.http().get('/api/health').expect(200);
    await t.http().get('/api/nodes?limit=5').expect(200);
    await t.http().post('/api/nodes').send({ kind: 'bau', key: 'AFTER', title: 'After' }).expect(201);
  }, 60_000);
});

describe('the database unreachable', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let app: NestExpressApplication;
  let admin: TestMember;
  const http = () => admin.http();

  beforeAll(async () => {
    t = await startTestApp();
    const target = new URL(SERVER_URL);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    const viaProxy = new URL(t.databaseUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    app = await createApp({
      env: { DATABASE_URL: viaProxy.toString(), NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'false' },
    });
    // Signed by this second app's own key, for the default organisation's data.
    admin = await createMember({ app, databaseUrl: t.databaseUrl }, 'admin', { orgId: t.orgId });
  });
  afterAll(async () => {
    await proxy.start().catch(() => {});
    await app.close();
    await proxy.stop();
    await t.close();
  });

  async function timed(send: () => request.Test) {
    const started = Date.now();
    const res = await send();
    return { res, ms: Date.now() - started };
  }

  it('answers 503 with Retry-After at once when the server is gone, health says degraded, and recovers', async () => {
    await http().get('/api/nodes').expect(200);
    await proxy.stop();
    for (const path of ['/api/nodes', '/api/graph', '/api/audit']) {
      const { res, ms } = await timed(() => http().get(path));
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('UNAVAILABLE');
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
      expect(ms).toBeLessThan(10_000);
    }
    const write = await http().post('/api/nodes').send({ kind: 'bau', key: 'GONE', title: 'Gone' });
    expect(write.status).toBe(503);
    // A probe carries no token (with one, the authenticator's own lookup would answer 503 first).
    const health = await request(app.getHttpServer()).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', database: 'unreachable' });
    expect(health.headers['retry-after']).toBeDefined();

    await proxy.start();
    await http().get('/api/health').expect(200);
    await http().get('/api/nodes').expect(200);
  }, 60_000);

  it('answers 503 within 10 s when the server hangs (no answer, no error), and recovers', async () => {
    await http().get('/api/nodes').expect(200);
    proxy.freeze();
    const answers = await Promise.all(
      ['/api/nodes', '/api/graph', '/api/health', '/api/audit'].map((path) => timed(() => http().get(path))),
    );
    const write = await timed(() => http().post('/api/nodes').send({ kind: 'bau', key: 'HUNG', title: 'Hung' }));
    for (const { res, ms } of [...answers, write]) {
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBeDefined();
      expect(ms).toBeLessThan(10_000);
    }
    await proxy.stop();
    await proxy.start();
    // The connections the freeze left behind were thrown away; new ones serve again.
    await http().get('/api/health').expect(200);
    await http().get('/api/nodes').expect(200);
  }, 60_000);
});

describe('slow statements and held locks', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('ends a statement that runs past 5 s with a 503 and Retry-After', async () => {
    await t.dataSource.query(`
      CREATE FUNCTION slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(8); RETURN NEW; END $$;
      CREATE TRIGGER slow_insert BEFORE INSERT ON business_units FOR EACH ROW EXECUTE FUNCTION slow_insert();
    `);
    try {
      const started = Date.now();
      const res = await t.http().post('/api/business-units').send({ key: 'SLOW', name: 'Slow' });
      const ms = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/took too long/) });
      expect(res.headers['retry-after']).toBeDefined();
      expect(ms).toBeGreaterThan(4_000); // it ran until the 5 s limit…
      expect(ms).toBeLessThan(9_500); // …not the trigger's 8 s (and never past 10 s), even on a busy machine
    } finally {
      await t.dataSource.query(`DROP TRIGGER slow_insert ON business_units; DROP FUNCTION slow_insert();`);
    }
    await t.http().post('/api/business-units').send({ key: 'FAST', name: 'Fast' }).expect(201);
  }, 30_000);

  it('gives up waiting for a lock after 3 s with a 503 and Retry-After', async () => {
    const db = databaseName(t.databaseUrl);
    const url = new URL(SERVER_URL);
    url.pathname = `/${db}`;
    const { Client } = (await import('pg')).default;
    const locker = new Client({ connectionString: url.toString() });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE nodes IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const res = await t.http().get('/api/nodes');
      const ms = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('UNAVAILABLE');
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.body.message).toMatch(/held by another change/); // the lock timeout, not the statement timeout
      expect(ms).toBeLessThan(9_500);
      // What does not touch the locked table still answers.
      await t.http().get('/api/health').expect(200);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    await t.http().get('/api/nodes').expect(200);
  }, 30_000);
});

import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import type request from 'supertest';
import { createApp } from '../src/app.setup.js';
import { startTestApp, type TestApp } from './harness.js';
import { createMember, type TestMember } from './principals.js';
import { SERVER_URL } from './test-database.js';

/** A connection of its own to the test app's database, as another replica or an operator would have. */
async function sideConnection(t: { databaseUrl: string }): Promise<pg.Client> {
  const url = new URL(SERVER_URL);
  url.pathname = new URL(t.databaseUrl).pathname;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

async function timed(send: () => request.Test) {
  const started = Date.now();
  const res = await send();
  return { status: res.status, headers: res.headers, body: res.body as { code?: string }, ms: Date.now() - started };
}

describe('graph writers queue without starving reads', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers reads and health at once while 30 writes wait for a graph lock another replica holds', async () => {
    const [{ id: orgId }] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM organisations LIMIT 1`);
    const reads = () =>
      Promise.all([
        timed(() => t.http().get('/api/health')),
        timed(() => t.http().get('/api/nodes?limit=5')),
        timed(() => t.http().get('/api/graph')),
      ]);
    await reads(); // warm: the first of each plans its statements
    const replica = await sideConnection(t);
    try {
      // Another replica's long import: it holds the organisation's graph lock.
      await replica.query('BEGIN');
      await replica.query(`SELECT pg_advisory_xact_lock(hashtextextended('graph:' || $1, 0))`, [orgId]);
      const writes = Array.from({ length: 30 }, (_, i) =>
        timed(() =>
          t
            .http()
            .post('/api/nodes')
            .send({ kind: 'bau', key: `W-${i}`, title: 'Waits' }),
        ),
      );
      await new Promise((r) => setTimeout(r, 300));
      // The pool has 10 connections: writers waiting for the lock must not hold them all.
      for (let i = 0; i < 5; i++) {
        for (const read of await reads()) {
          expect(read.status).toBe(200);
          // Not behind the pool's 2 s acquisition timeout: no waiting for a connection at all.
          expect(read.ms).toBeLessThan(1900);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      const answered = await Promise.all(writes);
      // Each writer either got the lock (there is none to get) or was told to come back: never a hang or a 500.
      for (const write of answered) {
        expect(write.status).toBe(503);
        expect(write.body.code).toBe('UNAVAILABLE');
        expect(write.headers['retry-after']).toBeDefined();
        expect(write.ms).toBeLessThan(10_000);
      }
    } finally {
      await replica.query('ROLLBACK');
      await replica.end();
    }
    await t.http().post('/api/nodes').send({ kind: 'bau', key: 'W-AFTER', title: 'After' }).expect(201);
  }, 60_000);

  it('serialises writers of one organisation in this process: concurrent links cannot both pass the cycle check', async () => {
    const node = async (key: string) =>
      (await t.http().post('/api/nodes').send({ kind: 'objective', key, title: key }).expect(201)).body as {
        id: string;
      };
    const a = await node('CYC-A');
    const b = await node('CYC-B');
    const results = await Promise.all([
      t.http().post('/api/links').send({ fromId: a.id, toId: b.id, kind: 'contributes_to' }),
      t.http().post('/api/links').send({ fromId: b.id, toId: a.id, kind: 'contributes_to' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});

describe('heavy reads: a few at once, a small queue, then 503 with Retry-After', () => {
  let t: TestApp;
  let app: NestExpressApplication;
  let admin: TestMember;
  const http = () => admin.http();
  beforeAll(async () => {
    t = await startTestApp();
    // A second app on the same database, with a lane small enough to fill in a test.
    app = await createApp({
      env: { DATABASE_URL: t.databaseUrl, NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'false' },
      heavyLimits: { read: { concurrency: 1, queue: 2, maxWaitMs: 5_000 } },
    });
    // Signed by this second app's own key, for the default organisation's data.
    admin = await createMember({ app, databaseUrl: t.databaseUrl }, 'admin', { orgId: t.orgId });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('refuses the reads past the queue at once, serves the rest once the running one is done', async () => {
    const operator = await sideConnection(t);
    let answers: Awaited<ReturnType<typeof timed>>[];
    try {
      // Make the running read slow: the nodes table is locked for a moment.
      await operator.query('BEGIN');
      await operator.query('LOCK TABLE nodes IN ACCESS EXCLUSIVE MODE');
      const pending = [
        '/api/coverage',
        '/api/audit',
        '/api/graph',
        '/api/coverage/matrix',
        '/api/audit',
        '/api/graph',
      ].map((path) => timed(() => http().get(path)));
      await new Promise((r) => setTimeout(r, 1500));
      await operator.query('ROLLBACK');
      answers = await Promise.all(pending);
    } finally {
      await operator.end();
    }
    const refused = answers.filter((a) => a.status === 503);
    const served = answers.filter((a) => a.status === 200);
    expect(served).toHaveLength(3); // one running, two queued
    expect(refused).toHaveLength(3);
    for (const a of refused) {
      expect(a.body.code).toBe('UNAVAILABLE');
      expect(a.headers['retry-after']).toMatch(/^\d+$/);
      expect(a.ms).toBeLessThan(4500); // at once, not after the 5 s a queued read may wait (slack for a loaded machine)
    }
    // Light reads never queue behind heavy ones.
    await http().get('/api/nodes?limit=1').expect(200);
  }, 30_000);
});

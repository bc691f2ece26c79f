import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { Readiness } from '../src/platform/health/readiness.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * SIGTERM with requests in flight, against the built server (`main.js`, as `npm start` and the
 * image run it): every request already received is answered, then the process exits 0.
 */
const MAIN = resolve(__dirname, '../dist/apps/api/src/main.js');
/** The built server and the test app sign sessions with the same key, so the test admin's token works on both. */
const SESSION_SECRET = 'test-session-secret-used-by-this-test-only';
/** Every request needs a session: the test app's admin's bearer token. */
let token = '';

/** A POST whose body arrives slowly: the request is in flight until `finish` is called. */
function slowPost(port: number, path: string, body: object, agent?: Agent) {
  const bytes = Buffer.from(JSON.stringify(body));
  const half = Math.floor(bytes.length / 2);
  let finish!: () => void;
  const answered = new Promise<{ status: number; body: string; connection?: string }>((done, fail) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': bytes.length,
          Authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }));
      },
    );
    req.on('error', fail);
    req.write(bytes.subarray(0, half));
    finish = () => req.end(bytes.subarray(half));
  });
  return { answered, finish: () => finish() };
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', () => done(true));
  });
}

describe('SIGTERM with requests in flight (the built server)', () => {
  let t: TestApp;
  let child: ChildProcess | undefined;
  let stderr = '';
  const port = 3900 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}/api`;

  beforeAll(async () => {
    t = await startTestApp({ SESSION_SECRET });
    token = t.admin.token;
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await t.close();
  });

  function exited(process: ChildProcess) {
    return new Promise<{ code: number | null; at: number }>((done) =>
      process.once('exit', (code) => done({ code, at: Date.now() })),
    );
  }

  it('answers every request it already had (2xx), refuses new connections, then exits 0', async () => {
    expect(existsSync(MAIN)).toBe(true);
    child = spawn(process.execPath, [MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: t.databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO_SEED: 'false',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        SESSION_SECRET,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = exited(child);
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
      if (i > 300) throw new Error('the server did not become healthy in 30 s');
      const ok = await fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // An idle keep-alive connection must not hold the shutdown up.
    const keepAlive = new Agent({ keepAlive: true });
    await new Promise<void>((done) =>
      httpRequest({ port, host: '127.0.0.1', path: '/api/health', agent: keepAlive }, (res) =>
        res.resume().on('end', done),
      ).end(),
    );

    const inFlight = Array.from({ length: 8 }, (_, i) =>
      slowPost(port, '/api/nodes', { kind: 'bau', key: `INFLIGHT-${i}`, title: 'Sent during shutdown' }),
    );
    const more = slowPost(port, '/api/business-units', { key: 'INFLIGHT-U', name: 'Unit in flight' }, keepAlive);
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    expect(await refusesConnections(port)).toBe(true);
    expect(child.exitCode).toBeNull(); // still finishing what it had

    for (const request of [...inFlight, more]) request.finish();
    const answers = await Promise.all([...inFlight, more].map((r) => r.answered));
    expect(answers.map((a) => a.status)).toEqual([...inFlight.map(() => 201), 201]);
    expect(answers.every((a) => a.connection === 'close')).toBe(true);

    const { code, at } = await exit;
    expect({ code, stderr: stderr.includes('"level":50') ? stderr : '' }).toEqual({ code: 0, stderr: '' });
    expect(at - signalled).toBeLessThan(10_000);
    keepAlive.destroy();

    // What it answered 201 is there.
    const keys = (await t.http().get('/api/nodes?q=INFLIGHT&limit=50').expect(200)).body.items.map(
      (n: { key: string }) => n.key,
    );
    expect(keys.sort()).toEqual(inFlight.map((_, i) => `INFLIGHT-${i}`).sort());
  }, 90_000);
});

describe('readiness during shutdown', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers 503 from the moment shutdown begins, with Retry-After, while the API still serves', async () => {
    await t.http().get('/api/health').expect(200);
    t.app.get(Readiness).beginShutdown();
    const res = await t.http().get('/api/health').expect(503);
    expect(res.body).toEqual({ status: 'degraded', database: 'connected', shuttingDown: true });
    expect(res.headers['retry-after']).toBeDefined();
    await t.http().get('/api/nodes').expect(200);
  });
});

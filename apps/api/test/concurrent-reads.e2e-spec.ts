import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The embedded default under a burst of reads: the built API (`main.js`, as `npm start` runs it)
 * with DATABASE_URL unset starts its own PostgreSQL under a fresh DATA_DIR and loads the demo;
 * then 90 GETs at once, spread over every GET route of the served OpenAPI document that takes no
 * path parameter, must all answer below 500. (PGlite's shared session answered such a burst with
 * `prepared statement "…" already exists`.)
 */
const MAIN = resolve(__dirname, '../dist/apps/api/src/main.js');
const CONCURRENT = 90;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describe('the embedded default answers a burst of concurrent reads', () => {
  const root = mkdtempSync(join(tmpdir(), 'throughline-burst-'));
  let api: ChildProcess;
  let base: string;
  let stderr = '';
  /** Every route but a few public ones needs a session: an account signed up on this API. */
  let headers: Record<string, string> = {};

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(root, 'data'),
      DEMO_SEED: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SESSION_SECRET: 'test-session-secret-used-by-this-test-only',
      OPENAPI_UI: 'true',
    };
    delete env.DATABASE_URL;
    // The working directory holds no .env, so a developer's file cannot point this at a server.
    api = spawn(process.execPath, [MAIN], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    api.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    for (let waited = 0; ; waited += 200) {
      if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}: ${stderr}`);
      const health = await fetch(`${base}/api/health`).catch(() => undefined);
      if (health?.ok) break;
      if (waited > 90_000) throw new Error(`the API did not become healthy in 90 s: ${stderr}`);
      await new Promise((done) => setTimeout(done, 200));
    }
    const signedUp = await fetch(`${base}/api/auth/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        organisationName: 'Burst',
        name: 'Burst Tester',
        email: 'burst@example.test',
        password: 'a burst of concurrent reads',
      }),
    });
    if (signedUp.status !== 201) throw new Error(`sign-up: ${signedUp.status} ${await signedUp.text()}`);
    headers = { Authorization: `Bearer ${((await signedUp.json()) as { token: string }).token}` };
  }, 120_000);

  afterAll(async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((done) => api.once('exit', done));
      api.kill('SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it(`${CONCURRENT} GETs at once over every parameterless GET route: none answers 5xx`, async () => {
    const document = (await (await fetch(`${base}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(document.paths)
      .filter(([path, operations]) => operations.get !== undefined && !path.includes('{'))
      .map(([path]) => path)
      .sort();
    // The document lists the routes the map and the docs name: the burst covers them all.
    expect(routes).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/graph',
        '/api/audit',
        '/api/coverage',
        '/api/nodes',
        '/api/links',
        '/api/business-units',
        '/api/portfolio/export',
      ]),
    );

    const requests = Array.from({ length: CONCURRENT }, (_, i) => routes[i % routes.length]);
    const answers = await Promise.all(
      requests.map(async (path) => {
        const res = await fetch(`${base}${path}`, { headers });
        const body = await res.text();
        return { path, status: res.status, body: res.status >= 500 ? body.slice(0, 300) : '' };
      }),
    );
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
    // Signed in, the burst reaches the routes (a 401 would prove nothing about them).
    expect(answers.filter((a) => a.status === 401)).toEqual([]);
    expect(answers).toHaveLength(CONCURRENT);
    // Still the same process, still healthy.
    expect(api.exitCode).toBeNull();
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  }, 120_000);
});

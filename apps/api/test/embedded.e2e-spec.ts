import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

/**
 * `npm start` without DATABASE_URL: the built server starts its own PostgreSQL 15 server under
 * DATA_DIR, loads the demo once, keeps the data across restarts, closes cleanly on SIGTERM and
 * SIGINT, refuses a second server on the same folder, cleans up after a killed one, and does not
 * mistake a PGlite-era folder for an empty one. Runs the real `main.js` (the API test target
 * builds it first). The steps share one data folder and run in order.
 */
const MAIN = resolve(__dirname, '../dist/apps/api/src/main.js');

interface Server {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

describe('the embedded database (no DATABASE_URL)', () => {
  const dataDir = realpathSync(mkdtempSync(join(tmpdir(), 'throughline-embedded-')));
  const port = 3400 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}/api`;
  const started: Server[] = [];

  afterAll(() => {
    for (const server of started) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    const pid = postmasterPid(dataDir);
    if (pid && alive(pid)) process.kill(pid, 'SIGQUIT');
    rmSync(dataDir, { recursive: true, force: true });
  });

  function start(folder = dataDir, listenPort = port): Server {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(listenPort),
      HOST: '127.0.0.1',
      DATA_DIR: folder,
      DEMO_SEED: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      SESSION_SECRET: 'test-session-secret-used-by-this-test-only',
    };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const server = { child, stderr: () => stderr, exited };
    started.push(server);
    return server;
  }

  async function healthy(server: Server): Promise<void> {
    for (let i = 0; i < 900; i++) {
      if (server.child.exitCode !== null) {
        throw new Error(`the server exited with ${server.child.exitCode}: ${server.stderr()}`);
      }
      try {
        if ((await fetch(`${base}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new Error('the server did not become healthy in 90 s');
  }

  function stop(server: Server, signal: NodeJS.Signals): Promise<number | null> {
    server.child.kill(signal);
    return server.exited;
  }

  /** Every route but a few public ones needs a session: the demo admin's (its account is listed with DEMO_SEED on). */
  let auth: Record<string, string> = {};
  async function signIn(): Promise<void> {
    const accounts = (await (await fetch(`${base}/auth/demo-accounts`)).json()) as {
      email: string;
      password: string;
      role: string;
    }[];
    const admin = accounts.find((a) => a.role === 'admin')!;
    const res = await fetch(`${base}/auth/log-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    });
    if (res.status !== 200) throw new Error(`log-in: ${res.status} ${await res.text()}`);
    auth = { Authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
  }

  const nodes = async (query: string) =>
    (await (await fetch(`${base}/nodes?${query}`, { headers: auth })).json()) as { items: { title: string }[] };
  const count = async (kind: string) => (await nodes(`kind=${kind}&limit=200`)).items.length;

  let first: Server;
  let firstPostmaster: number;

  it('starts a PostgreSQL server of its own: loopback only, not 5432, no Unix socket, never as root', async () => {
    expect(existsSync(MAIN)).toBe(true);
    first = start();
    await healthy(first);
    expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: 'ok', database: 'connected' });
    await signIn(); // the session outlives restarts: it is a row of this database, signed with the same secret
    expect(await count('objective')).toBe(10); // the demo organisation was loaded

    firstPostmaster = postmasterPid(dataDir)!;
    expect(alive(firstPostmaster)).toBe(true);
    const serverPort = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
    expect(serverPort).not.toBe(5432);
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${serverPort}/postgres` });
    await client.connect();
    try {
      const settings = await client.query<{ version: string; listen: string; sockets: string }>(
        `SELECT current_setting('server_version_num') AS version, current_setting('listen_addresses') AS listen,
                current_setting('unix_socket_directories') AS sockets`,
      );
      expect(settings.rows[0]).toEqual({ version: expect.stringMatching(/^15/), listen: '127.0.0.1', sockets: '' });
    } finally {
      await client.end();
    }
    // PostgreSQL refuses root: under root (CI, this machine) it runs as nobody.
    const uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${firstPostmaster}/status`, 'utf8'))![1]);
    expect(uid).toBe(process.getuid!() === 0 ? 65534 : process.getuid!());
  }, 120_000);

  it('answers concurrent loads of the map (graph, audit, coverage at once) without a 5xx', async () => {
    // With PGlite every pooled connection shared one session: "prepared statement already exists".
    const paths = ['/graph', '/audit', '/coverage'];
    for (let round = 0; round < 2; round++) {
      const statuses = await Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          fetch(`${base}${paths[i % 3]}`, { headers: auth }).then((res) => res.status),
        ),
      );
      expect(statuses.filter((status) => status >= 500 || status === 401)).toEqual([]);
    }
  }, 60_000);

  it('refuses a second server on the same data folder, naming the folder and the pid that holds it', async () => {
    const second = start(dataDir, port + 1);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(dataDir);
    expect(second.stderr()).toContain(`pid ${first.child.pid}`);
    expect(second.stderr()).not.toMatch(/\n\s+at /); // one message, no stack trace
    expect((await fetch(`${base}/health`)).ok).toBe(true); // the first one is untouched
    expect(postmasterPid(dataDir)).toBe(firstPostmaster);
  }, 60_000);

  it('closes cleanly on SIGTERM: exit 0, its PostgreSQL stopped, the folder free', async () => {
    const created = await fetch(`${base}/nodes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: JSON.stringify({ kind: 'bau', key: 'BAU-KEPT', title: 'Survives a restart' }),
    });
    expect(created.status).toBe(201);
    expect(await stop(first, 'SIGTERM')).toBe(0);
    expect(await gone(firstPostmaster)).toBe(true);
    expect(existsSync(join(dataDir, 'throughline.lock'))).toBe(false);
    expect(readFileSync(join(dataDir, 'pg', 'PG_VERSION'), 'utf8').trim()).toBe('15');
  }, 60_000);

  it('keeps the data across a restart and loads the demo once; closes on SIGINT too', async () => {
    const second = start();
    await healthy(second);
    const kept = await nodes('q=BAU-KEPT');
    expect(kept.items.map((n) => n.title)).toEqual(['Survives a restart']);
    expect(await count('objective')).toBe(10); // the demo is loaded once, not again
    const postmaster = postmasterPid(dataDir)!;
    expect(await stop(second, 'SIGINT')).toBe(0);
    expect(await gone(postmaster)).toBe(true);
  }, 120_000);

  it('stops the orphaned PostgreSQL of a killed server (SIGKILL) at the next start, and goes on', async () => {
    const killed = start();
    await healthy(killed);
    const orphan = postmasterPid(dataDir)!;
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(alive(orphan)).toBe(true); // its own process group: it outlives the API

    const next = start();
    await healthy(next);
    expect(await gone(orphan)).toBe(true);
    expect(postmasterPid(dataDir)).not.toBe(orphan);
    expect((await nodes('q=BAU-KEPT')).items).toHaveLength(1);
    expect(await stop(next, 'SIGTERM')).toBe(0);
  }, 180_000);

  it('reports a data folder left by the PGlite version, says how to move its data, and touches nothing', async () => {
    const old = realpathSync(mkdtempSync(join(tmpdir(), 'throughline-pglite-')));
    try {
      mkdirSync(join(old, 'pglite'));
      writeFileSync(join(old, 'pglite', 'PG_VERSION'), '17\n');
      const server = start(old, port + 2);
      expect(await server.exited).toBe(1);
      const message = server.stderr();
      expect(message).toContain(join(old, 'pglite'));
      expect(message).toMatch(/PGlite/);
      expect(message).toContain('/api/portfolio/export');
      expect(message).toContain('/api/portfolio/import');
      expect(existsSync(join(old, 'pg'))).toBe(false); // no empty cluster started beside it
      expect(readFileSync(join(old, 'pglite', 'PG_VERSION'), 'utf8')).toBe('17\n');
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  }, 60_000);
});

function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

/** Running, and not a zombie waiting for init to reap it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Whether `pid` ends within 5 s. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 50 && alive(pid); i++) await sleep(100);
  return !alive(pid);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

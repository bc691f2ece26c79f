import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const API_MAIN = fileURLToPath(new URL('../../api/dist/apps/api/src/main.js', import.meta.url));
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 40_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function admin<T>(server: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Where the API keeps its data for this run, and how to remove it afterwards. */
interface Database {
  env: Record<string, string>;
  /** The working directory of the API: a folder with no `.env`, so a developer's file cannot redirect it. */
  cwd: string;
  remove(): Promise<void>;
}

/**
 * TEST_DATABASE_URL unset: the product's own default, an embedded PostgreSQL the API starts
 * under DATA_DIR, here a fresh temporary folder removed afterwards.
 */
function embeddedDatabase(): Database {
  const root = mkdtempSync(join(tmpdir(), 'throughline-e2e-'));
  const dataDir = join(root, 'data');
  return {
    env: { DATA_DIR: dataDir },
    cwd: root,
    async remove() {
      // A clean API stop stops its server; if the API had to be killed, stop the server it left.
      stopOrphanedServer(join(dataDir, 'pg', 'postmaster.pid'));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** TEST_DATABASE_URL set: a database of this run on that server, and only it dropped afterwards. */
async function serverDatabase(server: string): Promise<Database> {
  const name = `throughline_e2e_${process.pid}_${Date.now()}`;
  await admin(server, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  const cwd = mkdtempSync(join(tmpdir(), 'throughline-e2e-'));
  return {
    env: { DATABASE_URL: url.toString() },
    cwd,
    async remove() {
      await admin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** Stops the PostgreSQL server of this run's data folder if it outlived its API (never another process). */
function stopOrphanedServer(pidFile: string) {
  if (!existsSync(pidFile)) return;
  const [pidLine, dataDir] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 1) return;
  try {
    // Only the postmaster of this folder: a stale file's pid may belong to someone else by now.
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!command.includes('postgres') || !dataDir || !command.includes(dataDir)) return;
    process.kill(pid, 'SIGQUIT'); // PostgreSQL's immediate shutdown
  } catch {
    // already gone, or no /proc to check it against: leave it
  }
}

function stop(api: ChildProcess): Promise<void> {
  if (api.exitCode !== null || api.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const kill = setTimeout(() => api.kill('SIGKILL'), STOP_TIMEOUT_MS);
    api.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    api.kill('SIGTERM');
  });
}

/**
 * The built API (which also serves the built web app at /) with the demo organisation and its
 * one account per role (tests log in as them, e2e/fixtures.ts), on a free port. Tests read the address from E2E_BASE_URL; the returned function undoes it all.
 */
export default async function globalSetup() {
  if (!existsSync(API_MAIN)) throw new Error(`The API is not built (${API_MAIN}): run \`npm run build\` first.`);
  const server = process.env.TEST_DATABASE_URL;
  const database = server ? await serverDatabase(server) : embeddedDatabase();

  const port = await freePort();
  const env: Record<string, string | undefined> = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  const api = spawn(process.execPath, [API_MAIN], {
    cwd: database.cwd,
    env: {
      ...env,
      ...database.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_SEED: 'true',
      // Production requires a signing key for sessions; a fresh one per run.
      SESSION_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;

  const teardown = async () => {
    await stop(api);
    await database.remove();
  };

  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
      try {
        if ((await fetch(`${baseUrl}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        throw new Error(`the API did not answer /api/health within ${START_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } catch (error) {
    await teardown();
    throw error;
  }

  process.env.E2E_BASE_URL = baseUrl;
  return teardown;
}

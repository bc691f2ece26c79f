import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { signIn } from './credentials.js';

/**
 * The benchmarks measure the API as users meet it: the built server (`npm run build` first)
 * in its own process, on a database of its own on the local PostgreSQL.
 */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** BENCH_API_MAIN: a staged copy of the built API (and the web app beside it), safe from other builds. */
const MAIN =
  process.env.BENCH_API_MAIN ?? fileURLToPath(new URL('../../apps/api/dist/apps/api/src/main.js', import.meta.url));

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and creates `name` (the API migrates it at start). */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

export async function databaseExists(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    return (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1;
  } finally {
    await admin.end();
  }
}

export interface RunningApi {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the built API on `port` against `databaseUrl`, waits until /api/health answers and signs
 * the bench account in (bench/lib/credentials.ts: later requests carry its token).
 * `nodeOptions` go to its Node process (e.g. a heap cap), as `npm start` passes its own;
 * `stderr` is where its errors go (default: ours) — given a file descriptor (a log file), its log lines too.
 */
export async function startApi(
  databaseUrl: string,
  port: number,
  nodeOptions: string[] = [],
  stderr: 'inherit' | number = 'inherit',
): Promise<RunningApi> {
  if (!existsSync(MAIN)) throw new Error('The API is not built: run `npm run build` first.');
  const child = spawn(process.execPath, [...nodeOptions, MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO_SEED: 'false',
      NODE_ENV: 'production',
      // Production needs a signing key; the fuzz reads the OpenAPI document, off in production by default.
      SESSION_SECRET: 'bench-session-secret-not-used-anywhere-else',
      OPENAPI_UI: 'true',
      // One bench account sends the whole load (3,000 requests a minute in the reliability suite):
      // the per-user limit is still counted in PostgreSQL on every request, it just never refuses.
      RATE_LIMIT_PER_MINUTE: '1000000',
    },
    // With a log file, its JSON log lines (stdout) go there too.
    stdio: ['ignore', stderr === 'inherit' ? 'ignore' : stderr, stderr],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (child.exitCode === null) await signIn(url);
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Median, 95th percentile and mean of a list of timings. */
export function summarise(samples: number[]): { median: number; p95: number; mean: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, n: sorted.length };
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

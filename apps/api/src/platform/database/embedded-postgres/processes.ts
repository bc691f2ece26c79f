import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import pg from 'pg';
import { EmbeddedPostgresError } from './error.js';

// Processes (is it alive, is it the same one), ports and waiting.

export const NEVER_PORT = 5432;

/** The fields of /proc/<pid>/stat after the command name, or undefined without /proc. */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** When a process started (clock ticks since boot): with the pid, it tells a reused pid apart. */
export function startTimeOf(pid: number): string {
  return procStat(pid)?.[19] ?? '';
}

/**
 * Whether `pid` is running: it exists, is not a zombie (a dead server whose parent, here often
 * init, has not reaped it yet) and, given `startTime`, is the same process that wrote it.
 */
export function isAlive(pid: number, startTime?: string): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  if (stat?.[0] === 'Z') return false;
  if (startTime && stat && stat[19] !== startTime) return false;
  return true;
}

export async function killAndWait(pid: number) {
  for (const signal of ['SIGQUIT', 'SIGKILL'] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
    if (!isAlive(pid)) return;
  }
}

export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((done, fail) => {
      const server = createServer();
      server.unref();
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => done(port));
      });
    });
    if (port !== NEVER_PORT) return port;
  }
}

export async function waitUntilAccepting(url: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new EmbeddedPostgresError(
          `The embedded PostgreSQL at ${url} does not accept connections: ${(error as Error).message}`,
          'failed',
        );
      }
      await sleep(100);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

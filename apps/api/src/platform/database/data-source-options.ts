import pg from 'pg';
import type { DataSourceOptions, MigrationInterface, QueryRunner } from 'typeorm';
import './pg-types.js';
import { MIGRATIONS } from '../../../../../migrations/index.js';

/**
 * How long PostgreSQL may take, for a request. Past these the request answers 503 with
 * Retry-After (see database-errors.ts), never 500 and never a hang:
 * - a statement runs at most 5 s (the import sets its own with `@StatementTimeout`);
 * - a lock (a row, or another replica's graph lock) is waited for at most 3 s;
 * - a connection is acquired (from the pool, or opened) within 2 s;
 * - an answer that never comes (a frozen server, a dead network) is given up after 8 s on
 *   the client side, since no server-side timeout can fire then;
 * - a transaction left idle (a streamed export to a client that stopped reading) ends after 60 s.
 */
export const DATABASE_TIMEOUTS = {
  statementMs: 5_000,
  lockMs: 3_000,
  connectMs: 2_000,
  readMs: 8_000,
  idleInTransactionMs: 60_000,
} as const;

/** Where a pg client's `'error'` events go once the app has a logger (set by `Db`); until then they are dropped. */
let clientErrorSink: (error: Error) => void = () => {};

export function onClientError(sink: (error: Error) => void) {
  clientErrorSink = sink;
}

/**
 * Every pg client the pool ever creates, with an `'error'` listener from birth to end. A client
 * emits `'error'` when its server goes away (`pg_terminate_backend`, a restart, a dropped
 * network) — while idle, while checked out, or after whoever checked it out has released it;
 * with no listener at that moment Node kills the process. The listener only reports: the query
 * in flight fails on its own and the pool throws the broken client away.
 *
 * It also makes the client-side read timeout safe: pg answers a timed-out query with an error
 * but keeps the connection waiting for the late answer, behind which a transaction's ROLLBACK
 * would hang; the connection is closed instead (the pool then drops it).
 */
export class ListenedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', (error: Error) => clientErrorSink(error));
  }

  // pg's overloads cannot be restated one by one; the wrapper passes everything through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1] as unknown;
    if (typeof last === 'function') {
      args[args.length - 1] = (error: Error | null, result: unknown) => {
        if (error) this.closeIfTimedOut(error);
        (last as (e: Error | null, r: unknown) => void)(error, result);
      };
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...(args as unknown[]));
    if (result instanceof Promise) {
      return result.catch((error: Error) => {
        this.closeIfTimedOut(error);
        throw error;
      });
    }
    return result;
  }

  private closeIfTimedOut(error: Error) {
    if (error?.message === 'Query read timeout') {
      (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    }
  }
}

/**
 * The one description of how Throughline talks to PostgreSQL, shared by the API, the
 * migration command, the test harness and the benchmarks.
 *
 * `jit=off` for every connection: the planner's row estimates for recursive CTEs explode
 * and PostgreSQL then spends ~0.5 s compiling queries that run in milliseconds (measured;
 * see docs/performance.md). The request timeouts above are connection defaults too;
 * migrations lift them for their own transactions (below). The entities come from the API's
 * composition root (apps/api/src/entities.ts); migrating needs none.
 */
export function dataSourceOptions(
  url: string,
  poolSize = 10,
  entities: DataSourceOptions['entities'] = [],
): DataSourceOptions {
  const t = DATABASE_TIMEOUTS;
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS.map(withoutRequestTimeouts),
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      Client: ListenedClient,
      max: poolSize,
      options: [
        '-c jit=off',
        `-c statement_timeout=${t.statementMs}`,
        `-c lock_timeout=${t.lockMs}`,
        `-c idle_in_transaction_session_timeout=${t.idleInTransactionMs}`,
      ].join(' '),
      connectionTimeoutMillis: t.connectMs,
      query_timeout: t.readMs,
      keepAlive: true,
      idleTimeoutMillis: 30_000,
    },
  };
}

type MigrationClass = new () => MigrationInterface;

/**
 * A migration may rewrite a large table: it runs without the request timeouts (each migration
 * has its own transaction, so `SET LOCAL` covers exactly it). Same class name, so the
 * migrations table is unchanged.
 */
function withoutRequestTimeouts(Migration: MigrationClass): MigrationClass {
  const unbounded = async (queryRunner: QueryRunner, step: () => Promise<void>) => {
    if (!queryRunner.isTransactionActive) return step();
    await queryRunner.query(`SET LOCAL statement_timeout = 0`);
    await queryRunner.query(`SET LOCAL lock_timeout = 0`);
    const client = (queryRunner as unknown as { databaseConnection?: pg.ClientBase }).databaseConnection;
    const restore = client ? setReadTimeout(client, 0) : () => {};
    try {
      await step();
    } finally {
      restore();
    }
  };
  const Unbounded = class extends Migration {
    override up(queryRunner: QueryRunner) {
      return unbounded(queryRunner, () => super.up(queryRunner));
    }

    override down(queryRunner: QueryRunner) {
      return unbounded(queryRunner, () => super.down(queryRunner));
    }
  };
  Object.defineProperty(Unbounded, 'name', { value: Migration.name });
  return Unbounded;
}

/**
 * Sets the client-side read timeout of one connection (0: none), for a transaction whose
 * statements may run longer than the default; returns a function that puts it back.
 */
export function setReadTimeout(client: pg.ClientBase, ms: number): () => void {
  const parameters = (client as unknown as { connectionParameters: { query_timeout?: number } }).connectionParameters;
  const before = parameters.query_timeout;
  parameters.query_timeout = ms || undefined;
  return () => {
    parameters.query_timeout = before;
  };
}

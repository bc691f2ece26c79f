import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { KeyedMutex } from '../concurrency/concurrency.js';
import { DomainError } from '../errors/domain-error.js';
import { LOGGER, type AppLogger } from '../logging/logger.module.js';
import { requestContext } from '../request-context/request-context.js';
import { DATABASE_TIMEOUTS, onClientError, setReadTimeout } from './data-source-options.js';
import { currentTenant, installTenantQueryRunner, setTenantLiteral } from './tenant.js';

/**
 * How long a graph writer waits in this process for the organisation's previous writer (an
 * import can take many seconds): past it, 503 with Retry-After rather than a request that hangs.
 */
const WRITER_WAIT_MS = 5_000;
const WRITER_QUEUE = 200;

/**
 * The repositories' way into PostgreSQL. `manager` is the open transaction of the current
 * request if there is one, so a repository never has to be handed a transaction and a
 * multi-row write cannot half-happen on a stray connection.
 *
 * Every statement runs in a transaction that first set the request's tenant (`app.org_id`,
 * `app.user_id`; tenant.ts), on which PostgreSQL's row-level security decides what is visible:
 * the fast paths below open one themselves, TypeORM's query runners do it for everything else
 * (`installTenantQueryRunner`), the open transaction of `transaction()` included.
 */
@Injectable()
export class Db implements OnModuleInit {
  /**
   * Graph writers of one organisation, in line in this process BEFORE they take a pooled
   * connection: only the one at the front holds a connection (and then takes the advisory
   * lock, for the other replicas), so writers queued behind a long import hold nothing and
   * reads and health checks always find a free connection.
   */
  private readonly graphWriters = new KeyedMutex({
    queue: WRITER_QUEUE,
    maxWaitMs: WRITER_WAIT_MS,
    busyMessage: 'Another change to this organisation’s graph (an import?) is still being written; try again.',
  });

  constructor(
    readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {
    installTenantQueryRunner(dataSource);
  }

  /** Every pool and every client reports its errors here rather than taking the process down. */
  onModuleInit() {
    onClientError((error) => this.logger.warn({ err: error }, 'a database connection failed'));
    this.pool().on('error', (error) => this.logger.warn({ err: error }, 'an idle database connection failed'));
  }

  get manager(): EntityManager {
    return requestContext.get()?.manager ?? this.dataSource.manager;
  }

  /**
   * Runs SQL in the request's transaction if one is open; otherwise in a short transaction of
   * its own on a `pg` connection (`BEGIN` and the tenant in one round trip, the statement,
   * `COMMIT`). (TypeORM's query path creates a QueryRunner, broadcasts events and logs for every
   * statement: ~0.6 ms a query, measured, more than a trace step. Reads go around it.)
   */
  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const transaction = requestContext.get()?.manager;
    if (transaction) return transaction.query<T[]>(sql, parameters);
    const result = await this.onTenantConnection('BEGIN', (client) => client.query(sql, parameters));
    return result.rows as T[];
  }

  /**
   * A hot read as a named prepared statement: PostgreSQL parses and plans it once per pooled
   * connection instead of on every call (planning a trace costs about as much as running it).
   * `name` must always stand for the same SQL. In the request's transaction if one is open.
   */
  async prepared<T = Record<string, unknown>>(name: string, sql: string, parameters: unknown[]): Promise<T[]> {
    if (requestContext.get()?.manager) return this.query<T>(sql, parameters);
    const result = await this.onTenantConnection('BEGIN', (client) =>
      client.query({ name, text: sql, values: parameters }),
    );
    return result.rows as T[];
  }

  /** TypeORM's `pg` pool, which the fast paths use directly. */
  private pool(): pg.Pool {
    return (this.dataSource.driver as unknown as { master: pg.Pool }).master;
  }

  async one<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T | undefined> {
    const rows = await this.query<T>(sql, parameters);
    return rows[0];
  }

  /**
   * Runs `work` on a connection of its own in one consistent, read-only snapshot (REPEATABLE
   * READ): for reads made of several statements that must agree, e.g. a streamed export read by
   * cursors. The connection is listened to while checked out; if it failed, it is not handed back.
   */
  readOnlySnapshot<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    return this.onTenantConnection('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work);
  }

  /**
   * `work` on a pooled connection of its own, in a transaction opened by `begin` that set the
   * request's tenant first (one round trip), committed after. The connection is listened to
   * while checked out; if it failed, it is not handed back.
   */
  private async onTenantConnection<T>(begin: string, work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    const tenant = currentTenant();
    const client = await this.pool().connect();
    let broken: Error | undefined;
    const onError = (error: Error) => (broken ??= error);
    client.on('error', onError);
    try {
      await client.query(`${begin}; ${setTenantLiteral(tenant)}`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken ??= rollbackError));
      throw broken ?? error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  /**
   * Runs `work` in one transaction (or joins the one already open). With `lockGraphOf`, graph
   * writes of that organisation are serialised: two requests can never both pass a cycle check
   * and then both insert. They queue in this process first (no connection held while waiting),
   * then the one at the front takes a transaction-scoped advisory lock on the organisation's
   * graph, which serialises it with the other replicas. Other organisations are not held up.
   *
   * A route's `@StatementTimeout` applies to the transaction (`SET LOCAL`), with a client-side
   * read timeout to match.
   */
  async transaction<T>(work: () => Promise<T>, options: { lockGraphOf?: string } = {}): Promise<T> {
    const open = requestContext.get()?.manager;
    if (open?.queryRunner?.isTransactionActive) {
      if (options.lockGraphOf) await lockGraph(open, options.lockGraphOf);
      return work();
    }
    const release = options.lockGraphOf ? await this.graphWriters.acquire(options.lockGraphOf) : undefined;
    // If the server drops the connection mid-transaction, TypeORM releases its query runner and
    // the next statement fails with "query runner already released": answer with the cause.
    let connection: pg.ClientBase | undefined;
    let lost: Error | undefined;
    const onLost = (error: Error) => (lost ??= error);
    try {
      return await this.dataSource.transaction(async (manager) => {
        connection = connectionOf(manager);
        connection?.on('error', onLost);
        const restore = await applyStatementTimeout(manager, connection, requestContext.get()?.statementTimeoutMs);
        try {
          if (options.lockGraphOf) await lockGraph(manager, options.lockGraphOf);
          return await requestContext.extend({ manager }, work);
        } finally {
          restore();
        }
      });
    } catch (error) {
      if (lost) throw lost;
      // The connection died before our listener was on it: TypeORM's own listener released it.
      if (error instanceof Error && RELEASED_RUNNER.test(error.name)) {
        throw new DomainError('UNAVAILABLE', 'The connection to the database was lost; try again.', undefined);
      }
      throw error;
    } finally {
      connection?.off('error', onLost);
      release?.();
    }
  }
}

/** TypeORM's errors for a query runner it released because its connection failed. */
const RELEASED_RUNNER = /^QueryRunner(Provider)?AlreadyReleasedError$/;

/** The pg connection under a TypeORM transaction. */
function connectionOf(manager: EntityManager): pg.ClientBase | undefined {
  return (manager.queryRunner as unknown as { databaseConnection?: pg.ClientBase } | undefined)?.databaseConnection;
}

/** The route's own statement timeout for this transaction only; returns what puts the connection back. */
async function applyStatementTimeout(
  manager: EntityManager,
  connection: pg.ClientBase | undefined,
  ms: number | undefined,
): Promise<() => void> {
  if (ms === undefined) return () => {};
  await manager.query(`SELECT set_config('statement_timeout', $1, true)`, [String(ms)]);
  return connection ? setReadTimeout(connection, ms === 0 ? 0 : ms + DATABASE_TIMEOUTS.readMs) : () => {};
}

async function lockGraph(manager: EntityManager, orgId: string) {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('graph:' || $1, 0))`, [orgId]);
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { requestContext } from '../common/request-context.js';

/**
 * The repositories' way into PostgreSQL. `manager` is the open transaction of the current
 * request if there is one, so a repository never has to be handed a transaction and a
 * multi-row write cannot half-happen on a stray connection.
 */
/** The part of `pg`'s pool the fast paths use. */
interface Pool {
  query(
    sql: string | { name: string; text: string; values: unknown[] },
    parameters?: unknown[],
  ): Promise<{ rows: unknown[] }>;
}

@Injectable()
export class Db {
  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return requestContext.get()?.manager ?? this.dataSource.manager;
  }

  /**
   * Runs SQL in the request's transaction if one is open; otherwise straight on the `pg` pool.
   * (TypeORM's query path creates a QueryRunner, broadcasts events and logs for every
   * statement: ~0.6 ms a query, measured, more than a trace step. Reads go around it.)
   */
  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const transaction = requestContext.get()?.manager;
    if (transaction) return transaction.query(sql, parameters) as Promise<T[]>;
    const result = await this.pool().query(sql, parameters);
    return result.rows as T[];
  }

  /**
   * A hot read as a named prepared statement: PostgreSQL parses and plans it once per pooled
   * connection instead of on every call (planning a trace costs about as much as running it).
   * Outside a transaction only; `name` must always stand for the same SQL.
   */
  async prepared<T = Record<string, unknown>>(name: string, sql: string, parameters: unknown[]): Promise<T[]> {
    if (requestContext.get()?.manager) return this.query<T>(sql, parameters);
    const result = await this.pool().query({ name, text: sql, values: parameters });
    return result.rows as T[];
  }

  private pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  async one<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T | undefined> {
    const rows = await this.query<T>(sql, parameters);
    return rows[0];
  }

  /**
   * Runs `work` in one transaction (or joins the one already open). With `lockGraphOf`, it
   * first takes a transaction-scoped advisory lock on that organisation's graph, so graph
   * writes of one organisation are serialised: two requests can never both pass a cycle
   * check and then both insert. Other organisations are not held up.
   */
  async transaction<T>(work: () => Promise<T>, options: { lockGraphOf?: string } = {}): Promise<T> {
    const open = requestContext.get()?.manager;
    if (open?.queryRunner?.isTransactionActive) {
      if (options.lockGraphOf) await lockGraph(open, options.lockGraphOf);
      return work();
    }
    return this.dataSource.transaction(async (manager) => {
      if (options.lockGraphOf) await lockGraph(manager, options.lockGraphOf);
      return requestContext.extend({ manager }, work);
    });
  }
}

async function lockGraph(manager: EntityManager, orgId: string) {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('graph:' || $1, 0))`, [orgId]);
}

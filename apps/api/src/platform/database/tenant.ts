import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';
import { DomainError } from '../errors/domain-error.js';
import { requestContext } from '../request-context/request-context.js';

/**
 * The organisation (and user) PostgreSQL's row-level security sees: `app.org_id` and
 * `app.user_id`, set for one transaction at a time (`set_config(…, true)`), from the request
 * context that the authentication filled, never from a header. A pooled connection therefore
 * never carries a tenant over to the next transaction, and a statement run outside a request
 * with an organisation sees no tenant rows at all (docs/security.md, "Tenant isolation").
 */
export interface Tenant {
  /** '' when the context has none: the policies then match nothing. */
  orgId: string;
  userId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tenant of the current request context, each id checked to be a uuid. */
export function currentTenant(): Tenant {
  // `userId` and `principal` are filled by the authentication (request-context.ts); read loosely
  // so this file does not depend on their exact shape.
  const context: { orgId?: string; userId?: string; principal?: { userId?: string } } | undefined =
    requestContext.get();
  return {
    orgId: checked('organisation', context?.orgId),
    userId: checked('user', context?.userId ?? context?.principal?.userId),
  };
}

function checked(what: string, id: string | undefined): string {
  if (id === undefined || id === '') return '';
  if (!UUID.test(id)) throw new DomainError('INTERNAL', `The request context's ${what} id is not a uuid.`);
  return id.toLowerCase();
}

/** Sets the tenant for the open transaction, as a parameterised statement. */
export const SET_TENANT_SQL = `SELECT set_config('app.org_id', $1, true), set_config('app.user_id', $2, true)`;

/**
 * The same as one literal statement, to send together with `BEGIN` in one round trip (the simple
 * query protocol takes no parameters). Safe: both values are uuids or '' (`currentTenant`).
 */
export function setTenantLiteral(tenant: Tenant): string {
  return `SELECT set_config('app.org_id', '${tenant.orgId}', true), set_config('app.user_id', '${tenant.userId}', true)`;
}

/** TypeORM's errors for a query runner it released because its connection failed. */
const RELEASED_RUNNER = /^QueryRunner(Provider)?AlreadyReleasedError$/;

/**
 * Makes every TypeORM query runner of `dataSource` tenant-scoped: a transaction it starts sets
 * the tenant first, and a statement issued outside a transaction (`manager.findOne` and the like
 * on the data source's own manager) runs in a transaction of its own that does the same. So a
 * repository cannot reach PostgreSQL through TypeORM without the tenant being set.
 */
export function installTenantQueryRunner(dataSource: DataSource): void {
  const driver = dataSource.driver as PostgresDriver;
  const Base = driver.createQueryRunner('master').constructor as typeof PostgresQueryRunner;

  class TenantQueryRunner extends Base {
    override async startTransaction(...args: Parameters<PostgresQueryRunner['startTransaction']>): Promise<void> {
      const outermost = this.transactionDepth === 0;
      await super.startTransaction(...args);
      if (outermost) {
        const tenant = currentTenant();
        await super.query(SET_TENANT_SQL, [tenant.orgId, tenant.userId]);
      }
    }

    override async query(query: string, parameters?: unknown[], useStructuredResult?: boolean): Promise<unknown> {
      // startTransaction marks the runner active before it sends START TRANSACTION, so this
      // passes its own statements through.
      if (this.isTransactionActive) return super.query(query, parameters, useStructuredResult);
      try {
        await this.startTransaction();
        const result: unknown = await super.query(query, parameters, useStructuredResult);
        await this.commitTransaction();
        return result;
      } catch (error) {
        if (this.isTransactionActive && !this.isReleased) await this.rollbackTransaction().catch(() => undefined);
        // The connection died between the statements of the wrapper (TypeORM released the
        // runner): the database's unavailability, answered 503 like a lost single statement.
        if (error instanceof Error && RELEASED_RUNNER.test(error.name)) {
          throw new DomainError('UNAVAILABLE', 'The connection to the database was lost; try again.');
        }
        throw error;
      }
    }
  }

  driver.createQueryRunner = (mode) => new TenantQueryRunner(driver, mode);
}

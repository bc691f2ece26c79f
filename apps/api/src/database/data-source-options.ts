import type { DataSourceOptions } from 'typeorm';
import './pg-types.js';
import { MIGRATIONS } from '../../../../migrations/index.js';
import { ENTITIES } from './entities.js';

/**
 * The one description of how Throughline talks to PostgreSQL, shared by the API, the
 * migration command, the test harness and the benchmarks.
 *
 * `jit=off` for every connection: the planner's row estimates for recursive CTEs explode
 * and PostgreSQL then spends ~0.5 s compiling queries that run in milliseconds (measured;
 * see docs/performance.md).
 */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      options: '-c jit=off',
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
    },
  };
}

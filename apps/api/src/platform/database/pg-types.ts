import pg from 'pg';

/**
 * How PostgreSQL values arrive in JavaScript, set once for the process:
 * - `numeric` (money, weights, KR values) as numbers: every figure Throughline stores fits a double;
 * - `bigint` counts as numbers;
 * - `date` as the ISO string it is ('2026-10-31'), never a Date at local midnight that a time
 *   zone can shift by a day.
 */
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

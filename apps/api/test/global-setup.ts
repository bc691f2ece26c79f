import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { SERVER_URL, databaseUrl, withAdmin } from './test-database.js';

/**
 * Runs the migrations once into a template database; every test file then gets its own
 * database copied from it (`CREATE DATABASE … TEMPLATE …`, a file copy, ~100 ms), so files
 * never share state and never wait for migrations.
 */
export default async function globalSetup() {
  const template = `tl_template_${Date.now()}_${process.pid}`;
  try {
    await withAdmin(async (admin) => {
      await dropStaleDatabases(admin);
      await admin.query(`CREATE DATABASE ${template}`);
    });
  } catch (error) {
    throw new Error(
      `\nThe API tests need a PostgreSQL server and none answered at ${SERVER_URL}\n` +
        `(${(error as Error).message}).\n` +
        `Start one with:  docker compose up -d db\n` +
        `or point TEST_DATABASE_URL at a server you have (user with CREATEDB).\n`,
      { cause: error },
    );
  }
  const dataSource = new DataSource(dataSourceOptions(databaseUrl(template), 2));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  process.env.TL_TEMPLATE_DATABASE = template;
}

/** Databases left by a run that was killed before its teardown (older than an hour). */
async function dropStaleDatabases(admin: import('pg').Client) {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname ~ '^tl_(template|t)_' AND NOT datistemplate`,
  );
  for (const { datname } of rows) {
    const { rows: active } = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1`, [datname]);
    if (active.length === 0 && isOld(datname)) await admin.query(`DROP DATABASE IF EXISTS ${datname}`);
  }
}

function isOld(name: string): boolean {
  const stamp = Number(/_(\d{13})_/.exec(name)?.[1]);
  return Number.isFinite(stamp) && Date.now() - stamp > 3_600_000;
}

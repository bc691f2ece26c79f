import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { grantRequestRole } from '../src/platform/database/app-role.js';
import { dataSourceOptions } from '../src/platform/database/data-source-options.js';
import { EmbeddedPostgres } from '../src/platform/database/embedded-postgres.js';
import { databaseUrl, serverUrl, withAdmin } from './test-database.js';

/** What the teardown needs; global setup and teardown run in the same process. */
export interface TestRun {
  template: string;
  /** The request role this run created (cluster-wide, so uniquely named), dropped by the teardown. */
  appRole?: string;
  /** The throwaway cluster, when TEST_DATABASE_URL is unset. */
  cluster?: EmbeddedPostgres;
  clusterDir?: string;
}

declare global {
  var __throughlineTestRun: TestRun | undefined;
}

/**
 * The server: TEST_DATABASE_URL if set; otherwise a throwaway embedded PostgreSQL (the product's
 * own, in a temporary folder on a free port, no fsync), removed by the teardown. So `npm test`
 * needs no PostgreSQL installed.
 *
 * Then it runs the migrations once into a template database; every test file gets its own
 * database copied from it (`CREATE DATABASE … TEMPLATE …`, ~100 ms), so files never share state
 * and never wait for migrations. The run drops only the databases it created.
 *
 * The API's requests run as a role of this run (`tl_app_<pid>_<random>`: roles are cluster-wide,
 * so the name is unique, and the teardown drops only it), NOSUPERUSER NOBYPASSRLS, granted on the
 * template (copies keep the grants); the harness hands it to each app as DATABASE_APP_URL.
 */
export default async function globalSetup() {
  const run: TestRun = { template: `tl_template_${Date.now()}_${process.pid}` };
  globalThis.__throughlineTestRun = run;
  if (!process.env.TEST_DATABASE_URL) {
    run.clusterDir = mkdtempSync(join(tmpdir(), 'throughline-test-pg-'));
    // Interrupted runs (Ctrl-C) leave no folder behind; the launcher itself stops the server on exit.
    const clusterDir = run.clusterDir;
    process.once('exit', () => rmSync(clusterDir, { recursive: true, force: true }));
    run.cluster = await EmbeddedPostgres.start({ dataDir: run.clusterDir, ephemeral: true });
    process.env.TL_TEST_SERVER_URL = run.cluster.url;
  }
  try {
    await withAdmin((admin) => admin.query(`CREATE DATABASE ${run.template}`));
  } catch (error) {
    throw new Error(
      `\nThe API tests need a PostgreSQL server and none answered at ${serverUrl()}\n` +
        `(${(error as Error).message}).\n` +
        'Unset TEST_DATABASE_URL to let the tests start their own, or point it at a server you have ' +
        '(a user with CREATEDB).\n',
      { cause: error },
    );
  }
  process.env.TL_TEMPLATE_DATABASE = run.template;
  const role = `tl_app_${process.pid}_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(18).toString('base64url');
  await withAdmin((admin) =>
    admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${password}'`),
  );
  run.appRole = role;
  process.env.TL_APP_ROLE = role;
  process.env.TL_APP_PASSWORD = password;
  // An app a test starts without DATABASE_APP_URL derives its request role: this run's, not a shared one.
  process.env.DATABASE_APP_ROLE = role;
  const dataSource = new DataSource(dataSourceOptions(databaseUrl(run.template), 2));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await grantRequestRole(dataSource, role);
  } finally {
    await dataSource.destroy();
  }
}

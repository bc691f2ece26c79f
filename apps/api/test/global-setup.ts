import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/platform/database/data-source-options.js';
import { EmbeddedPostgres } from '../src/platform/database/embedded-postgres.js';
import { databaseUrl, serverUrl, withAdmin } from './test-database.js';

/** What the teardown needs; global setup and teardown run in the same process. */
export interface TestRun {
  template: string;
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
  const dataSource = new DataSource(dataSourceOptions(databaseUrl(run.template), 2));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
}

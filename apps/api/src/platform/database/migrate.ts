import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createLogger } from '../logging/logger.js';
import { ConfigError } from '../config/app-config.js';
import { loadConfig } from '../config/load-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { startEmbedded } from './embedded-database.service.js';
import type { EmbeddedPostgres } from './embedded-postgres.js';

/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (or to the embedded
 * database under DATA_DIR when it is unset) and says which ran. The API also runs them at start;
 * this is for deployments that migrate as a separate step. It reads its settings exactly as the
 * API does (`loadConfig`: the environment over `.env`), so both act on the same database.
 */
async function migrate() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let embedded: EmbeddedPostgres | undefined;
  if (!config.databaseUrl) embedded = await startEmbedded(config.dataDir, logger);
  const target = config.databaseUrl ? redact(config.databaseUrl) : `the embedded database in ${embedded!.dataDir}`;
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl ?? embedded!.url, 2));
  try {
    await dataSource.initialize();
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    console.log(ran.length ? `Applied to ${target}: ${ran.map((m) => m.name).join(', ')}` : `Up to date: ${target}.`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

/** The URL without its password, to say where the migrations went. */
function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

migrate().catch((error: unknown) => {
  // A bad configuration is the operator's to fix: one line saying what, no stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

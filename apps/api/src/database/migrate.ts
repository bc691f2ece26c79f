import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createLogger } from '../common/logger.js';
import { ConfigError, validateEnvironment } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL (or to the embedded
 * database under DATA_DIR when it is unset) and says which ran. The API also runs them at start;
 * this is for deployments that migrate as a separate step.
 */
async function migrate() {
  // The one other entry point besides the API: it validates the same environment, the same way.
  const config = validateEnvironment(process.env);
  const logger = createLogger(config.logLevel);
  const embedded = config.databaseUrl ? undefined : await EmbeddedPostgres.start(config.dataDir, 2, logger);
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl ?? embedded!.url, 2));
  try {
    await dataSource.initialize();
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    console.log(ran.length ? `Applied: ${ran.map((m) => m.name).join(', ')}` : 'The database is up to date.');
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

migrate().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../apps/api/src/platform/config/load-config.js';
import { EmbeddedPostgres, EmbeddedPostgresError } from '../../apps/api/src/platform/database/embedded-postgres.js';
import { UsageError } from './postgres-tools.js';

export interface TargetDatabase {
  url: string;
  /** Where the URL came from, for messages. */
  description: string;
  /** Stops what was started to reach the database (nothing, for a configured server). */
  release(): Promise<void>;
}

const nothing = async () => undefined;

/**
 * The database `npm start` would use, read the way it reads it (`loadConfig`: the environment
 * over `.env`): `--database-url`, else DATABASE_URL, else the embedded server under DATA_DIR.
 * An embedded server that the running API holds is used as it is (a backup is a consistent
 * snapshot); a restore refuses it (stop the API first). One that is not running is started for
 * the command and stopped after it.
 */
export async function openTargetDatabase(
  explicit: string | undefined,
  options: { forRestore?: boolean } = {},
): Promise<TargetDatabase> {
  if (explicit) {
    if (!/^postgres(ql)?:\/\//.test(explicit)) throw new UsageError('--database-url must be a postgres:// URL');
    return { url: explicit, description: '--database-url', release: nothing };
  }
  const config = loadConfig();
  if (config.databaseUrl) return { url: config.databaseUrl, description: 'DATABASE_URL', release: nothing };

  const dataDir = resolve(config.dataDir);
  try {
    const server = await EmbeddedPostgres.start({ dataDir });
    return {
      url: server.url,
      description: `the embedded server in ${dataDir}, started for this command`,
      release: () => server.stop(),
    };
  } catch (error) {
    if (!(error instanceof EmbeddedPostgresError) || error.reason !== 'in-use') {
      throw error instanceof EmbeddedPostgresError ? new UsageError(`DATA_DIR: ${error.message}`) : error;
    }
    if (options.forRestore) {
      throw new UsageError(`Stop the API before restoring into its embedded database: ${error.message}`);
    }
    const port = runningPort(dataDir);
    if (!port) throw new UsageError(error.message);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      description: `the running API's embedded server in ${dataDir}`,
      release: nothing,
    };
  }
}

/** The port of the server running on `<dataDir>/pg`, from its postmaster.pid (4th line). */
function runningPort(dataDir: string): number | undefined {
  try {
    const port = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

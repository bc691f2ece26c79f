import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { validateEnvironment } from '../../apps/api/src/config/app-config.js';
import { UsageError } from './postgres-tools.js';

export interface TargetDatabase {
  url: string;
  /** Where the URL came from, for messages. */
  description: string;
  /** Stops what was started to reach the database (nothing, for a configured server). */
  release(): Promise<void>;
}

/**
 * The database `npm start` would use, read from the same configuration: the environment over a
 * `.env` file in the current folder (as @nestjs/config does), validated by the API's own rules.
 */
export async function openTargetDatabase(
  explicit: string | undefined,
  _options: { forRestore?: boolean } = {},
): Promise<TargetDatabase> {
  if (explicit) {
    if (!/^postgres(ql)?:\/\//.test(explicit)) throw new UsageError('--database-url must be a postgres:// URL');
    return { url: explicit, description: '--database-url', release: async () => undefined };
  }
  const fromFile = existsSync('.env') ? parseEnv(readFileSync('.env', 'utf8')) : {};
  const config = validateEnvironment({ ...fromFile, ...process.env });
  if (config.databaseUrl) {
    return { url: config.databaseUrl, description: 'DATABASE_URL', release: async () => undefined };
  }
  throw new UsageError('DATABASE_URL is not set: pass --database-url (the embedded server is not supported yet).');
}

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError, validateEnvironment, type AppConfig } from './app-config.js';

export interface LoadConfigOptions {
  /** The process environment; `process.env` unless a test passes its own. */
  env?: Record<string, string | undefined>;
  /**
   * The `.env` file to read if it exists: by default `.env` in the working directory (the
   * repository root under `npm start` and `npm run db:migrate`); `false` reads none.
   */
  envFile?: string | false;
  /** Values on top of everything else (the tests point an app at their own database). */
  overrides?: Record<string, string>;
}

/**
 * The one way Throughline reads its configuration, for the API (`ConfigModule`) and for
 * `npm run db:migrate` alike: the `.env` file, then the environment (which wins over the file,
 * as with dotenv), then the overrides; validated once (`validateEnvironment`).
 */
export function loadConfig(options: LoadConfigOptions = {}): AppConfig {
  const envFile = options.envFile ?? resolve(process.cwd(), '.env');
  const fromFile = envFile === false ? {} : readEnvFile(envFile);
  return validateEnvironment({ ...fromFile, ...(options.env ?? process.env), ...options.overrides });
}

function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  try {
    return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new ConfigError([`.env: ${path} could not be read (${(error as Error).message})`]);
  }
}

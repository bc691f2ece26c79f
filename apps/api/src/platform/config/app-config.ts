import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const NODE_ENVS = ['development', 'production', 'test'] as const;

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  false: false,
  '1': true,
  '0': false,
  yes: true,
  no: false,
};

/**
 * Every environment variable Throughline reads, with its rule and default.
 * `.env.example` lists the same variables; the config spec checks the two agree.
 */
class EnvironmentVariables {
  @IsIn(NODE_ENVS)
  NODE_ENV: (typeof NODE_ENVS)[number] = 'development';

  /** Loopback by default: `npm start` is not reachable from the network unless asked (the Docker image sets 0.0.0.0). */
  @IsString()
  HOST = '127.0.0.1';

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** Unset: an embedded PostgreSQL server is started and stopped with the API, kept under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /**
   * The role the API's requests run as (row-level security applies to it; DATABASE_URL's role
   * only migrates). Unset: the API creates or updates DATABASE_APP_ROLE itself, which needs a
   * DATABASE_URL role that may create roles (the embedded default is such a superuser).
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_APP_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_APP_URL?: string;

  /** The role the API creates for its requests when DATABASE_APP_URL is unset. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_APP_ROLE must be a lower-case SQL identifier' })
  DATABASE_APP_ROLE = 'throughline_app';

  @IsString()
  DATA_DIR = '.data';

  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE = 10;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Load the demo organisation's portfolio on the first start of an empty database. */
  @IsBoolean()
  DEMO_SEED = true;
}

export const CONFIG_VARIABLES = Object.keys(new EnvironmentVariables()).concat('DATABASE_URL', 'DATABASE_APP_URL');

/** The typed, validated configuration; injected wherever a setting is needed. */
export class AppConfig {
  constructor(
    readonly nodeEnv: (typeof NODE_ENVS)[number],
    readonly host: string,
    readonly port: number,
    readonly databaseUrl: string | undefined,
    readonly dataDir: string,
    readonly dbPoolSize: number,
    readonly logLevel: (typeof LOG_LEVELS)[number],
    readonly demoSeed: boolean,
    /** The request role's URL; unset: derived from DATABASE_URL (apps/api/src/platform/database/app-role.ts). */
    readonly databaseAppUrl?: string,
    readonly databaseAppRole = 'throughline_app',
  ) {}
}

/**
 * A start refused for a reason the operator must fix (a malformed variable, a data folder in use):
 * the entry points print its message alone, with no stack trace, and exit 1. Each problem names
 * its variable; the message is one line unless `message` says more.
 */
export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    message = `Invalid configuration: ${problems.join('; ')}`,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the raw environment once, at start. Unset or empty variables take their
 * defaults; anything malformed stops the start with one line per variable naming it.
 */
export function validateEnvironment(raw: Record<string, string | undefined>): AppConfig {
  const problems: string[] = [];
  const present: Record<string, unknown> = {};
  for (const name of CONFIG_VARIABLES) {
    const value = raw[name];
    if (value === undefined || value === '') continue;
    present[name] = coerce(name, value.trim(), problems);
  }
  const env = plainToInstance(EnvironmentVariables, present);
  for (const error of validateSync(env, { skipMissingProperties: false })) {
    const got = JSON.stringify(String(raw[error.property]).trim());
    problems.push(`${error.property}: ${Object.values(error.constraints ?? {}).join(', ')} (got ${got})`);
  }
  if (problems.length) throw new ConfigError(problems);
  return new AppConfig(
    env.NODE_ENV,
    env.HOST,
    env.PORT,
    env.DATABASE_URL,
    env.DATA_DIR,
    env.DB_POOL_SIZE,
    env.LOG_LEVEL,
    env.DEMO_SEED,
    env.DATABASE_APP_URL,
    env.DATABASE_APP_ROLE,
  );
}

/** Numbers and booleans arrive as strings; convert strictly so "3000abc" is refused, not truncated. */
function coerce(name: string, value: string, problems: string[]): unknown {
  const sample = new EnvironmentVariables() as unknown as Record<string, unknown>;
  const example = sample[name];
  if (typeof example === 'number') {
    return /^-?\d+$/.test(value) ? Number(value) : value;
  }
  if (typeof example === 'boolean') {
    const word = BOOLEAN_WORDS[value.toLowerCase()];
    if (word === undefined) problems.push(`${name}: must be true or false (got ${JSON.stringify(value)})`);
    return word ?? false;
  }
  return value;
}

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

  /**
   * Load the demo organisation's portfolio (and its one user per role) on the first start of an
   * empty database. Unset: on, except when NODE_ENV=production.
   */
  @IsBoolean()
  DEMO_SEED = true;

  /**
   * The key that signs session tokens (HS256), at least 32 characters. Required in production;
   * elsewhere, when unset, one is generated and kept in DATA_DIR/session-secret (tests: in memory).
   */
  @IsOptional()
  @Matches(/^\S{32,}$/, { message: 'SESSION_SECRET must be at least 32 characters without spaces' })
  SESSION_SECRET?: string;

  /**
   * Other origins (scheme://host[:port], comma-separated) whose cookie-authenticated writes are
   * accepted besides the API's own; CORS stays off either way.
   */
  @Matches(/^(\s*https?:\/\/[^\s,/]+\s*)(,\s*https?:\/\/[^\s,/]+\s*)*$|^$/, {
    message: 'ALLOWED_ORIGINS must be comma-separated origins such as https://app.example.com',
  })
  ALLOWED_ORIGINS = '';

  /**
   * Host names (comma-separated, optionally with :port) the API answers to in production; other
   * Host headers get 421. Unset in production: only localhost, 127.0.0.1 and [::1].
   */
  @Matches(/^[\w.:\-[\], ]*$/, { message: 'ALLOWED_HOSTS must be comma-separated host names' })
  ALLOWED_HOSTS = '';

  /**
   * How many reverse proxies stand in front of the API (0: none). Only then are X-Forwarded-For
   * and X-Forwarded-Proto believed, for the client's address (log-in throttling) and the scheme.
   */
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY = 0;

  /** Serve the OpenAPI UI (/api/docs) in production too. Always served outside production. */
  @IsBoolean()
  OPENAPI_UI = false;

  /** Requests a signed-in user (or, signed out, an address) may make per minute, across replicas. */
  @IsInt()
  @Min(10)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE = 1200;
}

export const CONFIG_VARIABLES = Object.keys(new EnvironmentVariables()).concat(
  'DATABASE_URL',
  'DATABASE_APP_URL',
  'SESSION_SECRET',
);

/** Accounts, sessions and the HTTP hardening (docs/security.md). */
export interface SecurityConfig {
  /** Unset outside production: generated (auth/session-secret.ts). */
  sessionSecret?: string;
  allowedOrigins: string[];
  /** Lower-cased `host` or `host:port`; empty outside production means no check. */
  allowedHosts: string[];
  trustProxy: number;
  openApiUi: boolean;
  rateLimitPerMinute: number;
}

export const DEFAULT_SECURITY: SecurityConfig = {
  allowedOrigins: [],
  allowedHosts: [],
  trustProxy: 0,
  openApiUi: true,
  rateLimitPerMinute: 1200,
};

/** Where a production API answers when ALLOWED_HOSTS is unset: this machine only. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

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
    readonly security: SecurityConfig = DEFAULT_SECURITY,
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
  const production = env.NODE_ENV === 'production';
  if (production && !env.SESSION_SECRET) {
    problems.push('SESSION_SECRET: required when NODE_ENV=production (at least 32 random characters)');
  }
  if (problems.length) throw new ConfigError(problems);
  // Unset, DEMO_SEED is off in production and on elsewhere; the OpenAPI UI likewise.
  const demoSeed = present.DEMO_SEED === undefined ? !production : env.DEMO_SEED;
  const list = (value: string) =>
    value
      .split(',')
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean);
  const security: SecurityConfig = {
    sessionSecret: env.SESSION_SECRET,
    allowedOrigins: list(env.ALLOWED_ORIGINS),
    allowedHosts: production && !env.ALLOWED_HOSTS.trim() ? LOOPBACK_HOSTS : list(env.ALLOWED_HOSTS),
    trustProxy: env.TRUST_PROXY,
    openApiUi: !production || env.OPENAPI_UI,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
  };
  return new AppConfig(
    env.NODE_ENV,
    env.HOST,
    env.PORT,
    env.DATABASE_URL,
    env.DATA_DIR,
    env.DB_POOL_SIZE,
    env.LOG_LEVEL,
    demoSeed,
    env.DATABASE_APP_URL,
    env.DATABASE_APP_ROLE,
    security,
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

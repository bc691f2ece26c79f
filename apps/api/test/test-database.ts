import pg from 'pg';

/**
 * The test run's PostgreSQL server: `TEST_DATABASE_URL` when it is set, otherwise the throwaway
 * embedded cluster the global setup started for this run (its URL handed to the test workers in
 * `TL_TEST_SERVER_URL`). The test harness is the one place besides the config loader that reads
 * the environment.
 */
export function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL || process.env.TL_TEST_SERVER_URL;
  if (!url) throw new Error('No test database server: run the API tests through jest (its global setup starts one).');
  return url;
}

/** The same as `serverUrl()`, for test files (the global setup has run by the time they load). */
export const SERVER_URL = process.env.TEST_DATABASE_URL || process.env.TL_TEST_SERVER_URL || '';

/** The same server, another database. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The same database as the run's request role (created by the global setup, unique to this run:
 * `tl_app_<pid>_<random>`), which the API connects as for its requests (DATABASE_APP_URL), so row-level
 * security binds the tests exactly as it binds production.
 */
export function appDatabaseUrl(name: string): string {
  const role = process.env.TL_APP_ROLE;
  const password = process.env.TL_APP_PASSWORD;
  if (!role || !password) throw new Error('TL_APP_ROLE is unset: run the API tests through jest (global setup).');
  const url = new URL(databaseUrl(name));
  url.username = role;
  url.password = password;
  return url.toString();
}

/** Runs `work` with an admin connection to the server's maintenance database. */
export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl(), connectionTimeoutMillis: 20_000 });
  client.on('error', () => undefined); // a dropped admin connection surfaces through its query instead
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

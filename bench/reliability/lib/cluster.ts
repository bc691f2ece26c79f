import pg from 'pg';
import { LOOPBACK } from './http.js';

/**
 * Where the suite's databases live. The suite runs on a PostgreSQL cluster of its own
 * (the API's embedded launcher, in a temporary folder, on a free port), which it may stop and
 * start; `SharedServer` is the fallback on the machine's server (127.0.0.1:5432), where it only
 * ever creates and drops its own databases and never stops the server.
 */
export interface Cluster {
  readonly description: string;
  /** Whether `stop()`/`start()` are allowed (never on a shared server). */
  readonly restartable: boolean;
  /** A URL of the maintenance database, for the suite's own admin connection. */
  readonly adminUrl: string;
  databaseUrl(name: string): string;
  /** Creates a database of this run (refused if one of that name exists: it is not ours). */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Drops the databases this run created, stops what it started. */
  close(): Promise<void>;
}

function assertLoopback(url: string) {
  const host = new URL(url).hostname;
  if (host !== LOOPBACK) throw new Error(`the reliability suite only runs against ${LOOPBACK}, not ${host}`);
}

export async function adminQuery<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(sql, values);
  } finally {
    await client.end();
  }
}

/** Names the suite gives its databases: nothing else is ever dropped. */
export const databaseName = (suffix: string) => `tl_reliability_${process.pid}_${suffix}`;

export class SharedServer implements Cluster {
  readonly restartable = false;
  private readonly created: string[] = [];

  constructor(readonly adminUrl: string) {
    assertLoopback(adminUrl);
  }

  get description() {
    const url = new URL(this.adminUrl);
    return `the PostgreSQL server at ${url.host} (shared: databases created and dropped by this run only)`;
  }

  databaseUrl(name: string): string {
    const url = new URL(this.adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async createDatabase(name: string): Promise<string> {
    await adminQuery(this.adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    this.created.push(name);
    return this.databaseUrl(name);
  }

  async stop(): Promise<void> {
    throw new Error('the shared server is never stopped by the suite');
  }

  async start(): Promise<void> {
    throw new Error('the shared server is never started by the suite');
  }

  async close(): Promise<void> {
    for (const name of this.created.splice(0)) {
      await adminQuery(this.adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    }
  }
}

/** The one line to switch: which cluster `run.ts` opens. */
export async function openCluster(): Promise<Cluster> {
  return new SharedServer(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
}

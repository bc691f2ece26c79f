import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres } from '../../../apps/api/src/platform/database/embedded-postgres.js';
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
  /** The server's postmaster pid, where the suite can see it (its own cluster), to measure its CPU. */
  postmasterPid(): number | undefined;
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

  /** The local server of the API tests (`TEST_DATABASE_URL`, by default postgres@127.0.0.1:5432). */
  static async local(): Promise<SharedServer> {
    return new SharedServer(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
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

  postmasterPid(): number | undefined {
    return undefined;
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

/**
 * A cluster of the suite's own, by the API's embedded launcher: in a temporary folder, on a free
 * port that a restart reuses (`stop()` then `start()` brings the same cluster back), removed at
 * the end. Durable settings (not `ephemeral`): the restart item checks that nothing answered 2xx
 * is lost.
 */
export class EmbeddedCluster implements Cluster {
  readonly restartable = true;

  private constructor(
    private server: EmbeddedPostgres | undefined,
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  static async open(): Promise<EmbeddedCluster> {
    const dataDir = mkdtempSync(join(tmpdir(), 'tl-reliability-'));
    const server = await EmbeddedPostgres.start({ dataDir });
    assertLoopback(server.url);
    return new EmbeddedCluster(server, dataDir, server.port);
  }

  get description() {
    return `the suite's own embedded cluster in ${this.dataDir}, port ${this.port}`;
  }

  get adminUrl() {
    return this.databaseUrl('postgres');
  }

  databaseUrl(name: string): string {
    return `postgres://postgres@${LOOPBACK}:${this.port}/${name}`;
  }

  async createDatabase(name: string): Promise<string> {
    await adminQuery(this.adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    return this.databaseUrl(name);
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  async start(): Promise<void> {
    this.server ??= await EmbeddedPostgres.start({ dataDir: this.dataDir, port: this.port });
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  postmasterPid(): number | undefined {
    try {
      const pid = Number(readFileSync(join(this.dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      return Number.isInteger(pid) && pid > 0 ? pid : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The one line to switch: which cluster `run.ts` opens (`SharedServer.local` to use 127.0.0.1:5432). */
export const openCluster: () => Promise<Cluster> = EmbeddedCluster.open;

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import pg from 'pg';

/**
 * pg_dump and pg_restore of the server's own major version. pg_dump refuses a server newer than
 * itself, and an archive written by a newer pg_dump may not restore with an older pg_restore, so
 * the scripts use only tools of exactly the server's major and say so when there are none.
 */
export type Tool = 'pg_dump' | 'pg_restore';

export interface Found {
  path: string;
  version: string;
}

export async function serverVersion(url: string): Promise<{ major: number; version: string; database: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ num: string; version: string; database: string }>(
      `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version,
              current_database() AS database`,
    );
    return { major: Math.floor(Number(rows[0].num) / 10_000), version: rows[0].version, database: rows[0].database };
  } finally {
    await client.end();
  }
}

/** Folders where a PostgreSQL `major`'s client tools usually are, most specific first. */
function candidateFolders(major: number): string[] {
  return [
    ...(process.env.PG_BIN ? [process.env.PG_BIN] : []),
    `/usr/lib/postgresql/${major}/bin`, // Debian, Ubuntu
    `/usr/pgsql-${major}/bin`, // RHEL and Fedora (PGDG)
    `/opt/homebrew/opt/postgresql@${major}/bin`, // Homebrew, Apple silicon
    `/usr/local/opt/postgresql@${major}/bin`, // Homebrew, Intel
    `/Applications/Postgres.app/Contents/Versions/${major}/bin`,
    `C:\\Program Files\\PostgreSQL\\${major}\\bin`,
    ...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
  ];
}

/** `pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)` → 15. */
function majorOf(versionLine: string): number | undefined {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(versionLine);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first >= 10 ? first : Number(`${first}.${match[2] ?? 0}`);
}

export function findTool(tool: Tool, major: number): Found | { tried: string[] } {
  const tried: string[] = [];
  const exe = process.platform === 'win32' ? `${tool}.exe` : tool;
  for (const folder of [...new Set(candidateFolders(major))]) {
    const path = join(folder, exe);
    if (!existsSync(path)) continue;
    let version: string;
    try {
      version = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
    } catch {
      tried.push(`${path} (did not run)`);
      continue;
    }
    if (majorOf(version) === major) return { path, version };
    tried.push(`${path} (${version})`);
  }
  return { tried };
}

/** The tool, or a message saying which one is needed, what was found and how to get it. */
export function requireTool(tool: Tool, major: number, serverVersionText: string): Found {
  const found = findTool(tool, major);
  if ('path' in found) return found;
  const seen = found.tried.length ? ` Found only: ${found.tried.join('; ')}.` : ` None was found.`;
  throw new UsageError(
    `${tool} for PostgreSQL ${major} is needed: the server is PostgreSQL ${serverVersionText}, and ${tool} must be of the same major version.` +
      `${seen} Install PostgreSQL ${major}'s client tools (Debian/Ubuntu: apt-get install postgresql-client-${major}; ` +
      `macOS: brew install postgresql@${major}) or set PG_BIN to the folder that holds ${tool}.`,
  );
}

/** A problem the user can fix, printed as one message without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `postgres://user@host:port/db` without a password, for messages. */
export function describeUrl(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}

export function exitWith(error: unknown): never {
  // ConfigError: the API's own one-message-per-variable refusal of a bad environment.
  if (error instanceof UsageError || (error instanceof Error && error.name === 'ConfigError'))
    console.error(error.message);
  else console.error(error);
  process.exit(1);
}

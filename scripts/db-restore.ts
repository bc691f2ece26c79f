/**
 * `npm run db:restore -- <file> [--database-url <postgres://…>] [--clean]`
 *
 * Restores a `npm run db:backup` file into the database `npm start` uses (or `--database-url`),
 * in one transaction: all of it or, on any error, nothing. Refuses a database that other
 * sessions are using (stop the API first), and one that already has tables unless `--clean`
 * (which drops what the backup contains before restoring it). Needs pg_restore of the server's
 * major version.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { describeUrl, exitWith, requireTool, serverVersion, UsageError } from './lib/postgres-tools.js';
import { openTargetDatabase } from './lib/target-database.js';

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'database-url': { type: 'string' }, clean: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1) {
    console.log('usage: npm run db:restore -- <file> [--database-url <postgres://…>] [--clean]');
    process.exit(values.help ? 0 : 2);
  }
  const file = positionals[0];
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  const target = await openTargetDatabase(values['database-url'], { forRestore: true });
  try {
    const server = await serverVersion(target.url);
    const pgRestore = requireTool('pg_restore', server.major, server.version);
    try {
      execFileSync(pgRestore.path, ['--list', file], { stdio: 'ignore' });
    } catch {
      throw new UsageError(`${file} is not a pg_dump custom-format archive (make one with npm run db:backup)`);
    }
    await refuseBusyOrFull(target.url, values.clean ?? false);
    const started = performance.now();
    try {
      execFileSync(
        pgRestore.path,
        [
          '--single-transaction',
          '--exit-on-error',
          '--no-owner',
          '--no-privileges',
          ...(values.clean ? ['--clean', '--if-exists'] : []),
          `--dbname=${target.url}`,
          file,
        ],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      );
    } catch {
      throw new Error('pg_restore failed (above); the database is as it was (the restore is one transaction)');
    }
    console.log(
      `Restored ${file} into ${describeUrl(target.url)} (${target.description}, PostgreSQL ${server.version}) ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s with ${pgRestore.path}.`,
    );
  } finally {
    await target.release();
  }
}

async function refuseBusyOrFull(url: string, clean: boolean) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sessions = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    if (Number(sessions.rows[0].n) > 0) {
      throw new UsageError(
        `${sessions.rows[0].n} other sessions are using ${describeUrl(url)}: stop the API (and anything else connected) first.`,
      );
    }
    const tables = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    if (!clean && Number(tables.rows[0].n) > 0) {
      throw new UsageError(
        `${describeUrl(url)} already has ${tables.rows[0].n} tables: restore into an empty database, ` +
          `or pass --clean to replace what the backup contains.`,
      );
    }
  } finally {
    await client.end();
  }
}

main().catch(exitWith);

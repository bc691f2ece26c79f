/**
 * `npm run db:backup -- [--out <file>] [--database-url <postgres://…>]`
 *
 * Writes the whole database to one file in pg_dump's custom format (compressed; restorable
 * table by table with `npm run db:restore`). The database is the one `npm start` uses:
 * `--database-url`, else DATABASE_URL (environment or `.env`), else the embedded server under
 * DATA_DIR — the running API's, or one started for the backup. The dump is a consistent
 * snapshot, so the API may keep running. Needs pg_dump of the server's major version.
 */
import { renameSync, rmSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { describeUrl, exitWith, requireTool, serverVersion } from './lib/postgres-tools.js';
import { openTargetDatabase } from './lib/target-database.js';

async function main() {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, 'database-url': { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log('usage: npm run db:backup -- [--out <file>] [--database-url <postgres://…>]');
    return;
  }
  const target = await openTargetDatabase(values['database-url']);
  try {
    const server = await serverVersion(target.url);
    const pgDump = requireTool('pg_dump', server.major, server.version);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    const out = values.out ?? `throughline-${server.database}-${stamp}.dump`;
    const partial = `${out}.partial`;
    const started = performance.now();
    try {
      execFileSync(pgDump.path, ['--format=custom', `--file=${partial}`, `--dbname=${target.url}`], {
        stdio: ['ignore', 'inherit', 'inherit'],
      });
    } catch {
      rmSync(partial, { force: true });
      throw new Error(`pg_dump failed (above); no backup was written`);
    }
    renameSync(partial, out);
    console.log(
      `Backed up ${describeUrl(target.url)} (${target.description}, PostgreSQL ${server.version}) to ${out}: ` +
        `${(statSync(out).size / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `with ${pgDump.path}.`,
    );
  } finally {
    await target.release();
  }
}

main().catch(exitWith);

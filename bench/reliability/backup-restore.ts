import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { databaseName } from './lib/cluster.js';
import { duration } from './lib/stats.js';
import { fail, type Item } from './lib/suite.js';

interface TableSum {
  rows: number;
  md5: string;
}

/** Row count and an md5 of every row's text, in a fixed order, for each table; and each sequence's value. */
export async function fingerprint(url: string): Promise<Map<string, TableSum>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sums = new Map<string, TableSum>();
    const tables = await client.query<{ schema: string; name: string }>(
      `SELECT schemaname AS schema, tablename AS name FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    for (const { schema, name } of tables.rows) {
      const table = `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(name)}`;
      const { rows } = await client.query<{ n: string; md5: string }>(
        `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${table} t`,
      );
      sums.set(`${schema}.${name}`, { rows: Number(rows[0].n), md5: rows[0].md5 });
    }
    const sequences = await client.query<{ name: string; value: string | null }>(
      `SELECT schemaname || '.' || sequencename AS name, last_value::text AS value FROM pg_sequences
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    for (const { name, value } of sequences.rows) sums.set(`sequence ${name}`, { rows: 1, md5: value ?? 'unset' });
    return sums;
  } finally {
    await client.end();
  }
}

/** `npm run <script> -- args…` from the repository root, with its output. */
function npmRun(script: string, args: string[]): Promise<{ code: number | null; output: string; ms: number }> {
  const started = performance.now();
  const npm = process.env.npm_execpath;
  const [command, prefix] = npm ? [process.execPath, [npm]] : ['npm', []];
  return new Promise((resolve) => {
    const child = spawn(command, [...prefix, 'run', '--silent', script, '--', ...args], {
      cwd: join(import.meta.dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code, output: output.trim(), ms: performance.now() - started }));
  });
}

export const backupRestoreItem: Item = {
  id: 'backup-restore',
  title: 'Backup and restore',
  target:
    '`npm run db:backup` of the 6,000-node organisation (pg_dump custom format) and `npm run db:restore` into an empty ' +
    'database: the same tables, row counts and per-table checksums (md5 of every row in order), and sequence values',
  budgetMs: 120_000,
  async run(suite) {
    const file = join(suite.outDir, 'backup.dump');
    const before = await fingerprint(suite.databaseUrl);
    const backup = await npmRun('db:backup', ['--database-url', suite.databaseUrl, '--out', file]);
    if (backup.code !== 0)
      return fail(`npm run db:backup exited ${backup.code}: ${backup.output.split('\n').slice(-3).join(' ')}`);
    // The source must not have changed while it was dumped (nothing else writes now), or the comparison proves nothing.
    const afterBackup = await fingerprint(suite.databaseUrl);
    const restoredUrl = await suite.cluster.createDatabase(databaseName('restored'));
    const restore = await npmRun('db:restore', [file, '--database-url', restoredUrl]);
    if (restore.code !== 0) {
      return fail(`npm run db:restore exited ${restore.code}: ${restore.output.split('\n').slice(-3).join(' ')}`);
    }
    const started = performance.now();
    const restored = await fingerprint(restoredUrl);
    const checksumMs = performance.now() - started;

    const problems: string[] = [];
    const changed = [...before].filter(([name, sum]) => afterBackup.get(name)?.md5 !== sum.md5).map(([name]) => name);
    if (changed.length) problems.push(`the source changed during the backup (${changed.join(', ')})`);
    const names = new Set([...before.keys(), ...restored.keys()]);
    const rows: string[][] = [];
    for (const name of [...names].sort()) {
      const a = before.get(name);
      const b = restored.get(name);
      const same = a !== undefined && b !== undefined && a.rows === b.rows && a.md5 === b.md5;
      if (!same) problems.push(`${name} differs`);
      if (name.startsWith('sequence ')) continue;
      rows.push([
        name,
        a ? a.rows.toLocaleString('en-GB') : 'missing',
        b ? b.rows.toLocaleString('en-GB') : 'missing',
        same ? `${b!.md5.slice(0, 12)}… both` : `${a?.md5.slice(0, 12) ?? '–'} vs ${b?.md5.slice(0, 12) ?? '–'}`,
      ]);
    }
    const totalRows = [...before.values()].reduce((sum, t) => sum + (t.rows ?? 0), 0);
    const sequences = [...names].filter((n) => n.startsWith('sequence ')).length;
    return {
      pass: problems.length === 0,
      summary:
        `${rows.length} tables, ${totalRows.toLocaleString('en-GB')} rows, ${sequences} sequences: ` +
        (problems.length ? problems.join('; ') : 'row counts and checksums match') +
        `; backup ${(statSync(file).size / 1e6).toFixed(1)} MB in ${duration(backup.ms)}, restore in ${duration(restore.ms)}`,
      details: [
        `db:backup: ${backup.output.split('\n').pop()}`,
        `db:restore: ${restore.output.split('\n').pop()}`,
        `times include npm and tsx starting (about 1 s each); checksums of the restored copy took ${duration(checksumMs)}`,
      ],
      table: { head: ['table', 'rows before', 'rows restored', 'md5 of the rows'], rows },
    };
  },
};

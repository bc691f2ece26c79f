import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { databaseUrl, withAdmin } from './test-database.js';

/**
 * The two entry points, built (`npm start` runs main.js, `npm run db:migrate` runs migrate.js,
 * both from the repository root): they read the same settings the same way — the environment
 * over `.env` in the working folder — and a bad value stops them with one line naming the
 * variable, exit 1, no stack trace.
 */
const DIST = resolve(__dirname, '../dist/apps/api/src');

function run(script: string, cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !['DATABASE_URL', 'DATA_DIR', 'PORT', 'DB_POOL_SIZE', 'LOG_LEVEL'].includes(name),
      ),
    );
    const child = spawn(process.execPath, [join(DIST, script)], { cwd, env: { ...clean, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm start and npm run db:migrate read one configuration', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'throughline-entry-'));
  const database = `tl_t_migrate_${Date.now()}_${process.pid}`;
  beforeAll(() => withAdmin((admin) => admin.query(`CREATE DATABASE ${database}`)));
  afterAll(async () => {
    rmSync(cwd, { recursive: true, force: true });
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  });

  it('db:migrate migrates the DATABASE_URL of .env (not an embedded database)', async () => {
    writeFileSync(join(cwd, '.env'), `DATABASE_URL=${databaseUrl(database)}\nDATA_DIR=${join(cwd, 'never')}\n`);
    const result = await run('platform/database/migrate.js', cwd, {});
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`Applied to ${databaseUrl(database)}`);
    const client = new pg.Client({ connectionString: databaseUrl(database) });
    await client.connect();
    try {
      expect((await client.query('SELECT count(*)::int AS n FROM migrations')).rows[0].n).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
    const again = await run('platform/database/migrate.js', cwd, {});
    expect(again.stdout).toContain('Up to date');
  }, 60_000);

  it.each([
    ['platform/database/migrate.js', 'a bad value in .env', { file: 'DB_POOL_SIZE=lots\n', env: {} }, 'DB_POOL_SIZE'],
    ['main.js', 'a bad value in .env', { file: 'DB_POOL_SIZE=lots\n', env: {} }, 'DB_POOL_SIZE'],
    ['main.js', 'a bad variable', { file: '', env: { PORT: '3000abc' } }, 'PORT'],
    [
      'platform/database/migrate.js',
      'a bad variable',
      { file: '', env: { DATABASE_URL: 'mysql://x@y/z' } },
      'DATABASE_URL',
    ],
  ])(
    '%s stops on %s with one line naming it and exit 1',
    async (script, _what, { file, env }, variable) => {
      writeFileSync(join(cwd, '.env'), file);
      const result = await run(script, cwd, env);
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${variable}: `));
    },
    60_000,
  );
});

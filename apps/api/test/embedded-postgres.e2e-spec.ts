import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres, EmbeddedPostgresError } from '../src/platform/database/embedded-postgres.js';

/**
 * The launcher itself (what `npm start`, `db:migrate`, the test setup and the reliability suite
 * build on): a cluster per data folder, the same cluster back on the same port after a stop,
 * one owner per folder, and — under root — a server run as `nobody` that can reach a data
 * folder inside a private (700) folder.
 */
const ROOT = process.getuid?.() === 0;

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('EmbeddedPostgres', () => {
  // A private folder, like a checkout under /root (mode 700): the server must still reach its data.
  const privateDir = mkdtempSync(join(tmpdir(), 'throughline-private-'));
  const dataDir = join(privateDir, 'checkout', '.data');
  afterAll(() => rmSync(privateDir, { recursive: true, force: true }));

  it('initialises a cluster in <dataDir>/pg and brings the same one back on the same port after stop()', async () => {
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    const first = await EmbeddedPostgres.start({ dataDir, ephemeral: true });
    try {
      expect(first.url).toBe(`postgres://postgres@127.0.0.1:${first.port}/postgres`);
      expect(first.port).not.toBe(5432);
      expect(first.dataDir).toBe(dataDir);
      expect(readFileSync(join(dataDir, 'pg', 'PG_VERSION'), 'utf8').trim()).toBe('15');
      await query(first.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    } finally {
      await first.stop();
    }
    await first.stop(); // idempotent
    await expect(query(first.url, 'SELECT 1')).rejects.toThrow();

    const again = await EmbeddedPostgres.start({ dataDir, port: first.port, ephemeral: true });
    try {
      expect(again.url).toBe(first.url);
      expect(await query(again.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    } finally {
      await again.stop();
    }
  }, 120_000);

  it('runs the server as an unprivileged user when we are root, granting traverse only on the folders it needs', async () => {
    const server = await EmbeddedPostgres.start({ dataDir, ephemeral: true });
    try {
      const pid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      const uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
      if (ROOT) {
        expect(uid).not.toBe(0);
        expect(statSync(join(dataDir, 'pg')).uid).toBe(uid);
        // The private folder got the traverse bit for others, and nothing else (no read: no listing).
        expect(statSync(privateDir).mode & 0o777).toBe(0o701);
      } else {
        expect(uid).toBe(process.getuid!());
      }
      expect(await query(server.url, 'SELECT current_user AS name')).toEqual([{ name: 'postgres' }]);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('refuses a folder held by another live process, naming the folder and its pid', async () => {
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dataDir, 'throughline.lock'), JSON.stringify({ pid: holder.pid, startTime: '', token: 'x' }));
      const refused = EmbeddedPostgres.start({ dataDir, ephemeral: true });
      await expect(refused).rejects.toThrow(EmbeddedPostgresError);
      await expect(refused).rejects.toThrow(
        `The data folder ${dataDir} is in use by another Throughline server (pid ${holder.pid})`,
      );
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false); // nothing was started
    } finally {
      holder.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses a second start in the same process while the first runs', async () => {
    const server = await EmbeddedPostgres.start({ dataDir, ephemeral: true });
    try {
      await expect(EmbeddedPostgres.start({ dataDir, ephemeral: true })).rejects.toThrow(`pid ${process.pid}`);
      expect(await query(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]); // untouched by the refusal
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('takes over the lock of an owner that died', async () => {
    const dead = spawnSync('true').pid;
    writeFileSync(join(dataDir, 'throughline.lock'), JSON.stringify({ pid: dead, startTime: '', token: 'x' }));
    const server = await EmbeddedPostgres.start({ dataDir, ephemeral: true });
    try {
      expect(JSON.parse(readFileSync(join(dataDir, 'throughline.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      await server.stop();
    }
    expect(existsSync(join(dataDir, 'throughline.lock'))).toBe(false);
  }, 60_000);

  it('throws away the half-made cluster of an interrupted initdb', async () => {
    const folder = join(privateDir, 'interrupted');
    mkdirSync(join(folder, 'pg.initdb'), { recursive: true });
    writeFileSync(join(folder, 'pg.initdb', 'PG_VERSION'), '15\n');
    const server = await EmbeddedPostgres.start({ dataDir: folder, ephemeral: true });
    try {
      expect(existsSync(join(folder, 'pg.initdb'))).toBe(false);
      expect(await query(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('never listens on 5432', async () => {
    await expect(EmbeddedPostgres.start({ dataDir, port: 5432 })).rejects.toThrow(/never listens on 5432/);
  });
});

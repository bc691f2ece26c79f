import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `npm start` without DATABASE_URL: the built server starts an embedded PostgreSQL under
 * DATA_DIR, loads the demo once, keeps the data across restarts, and closes cleanly on SIGTERM
 * and SIGINT. Runs the real `main.js` (the API test target builds it first).
 */
const MAIN = resolve(__dirname, '../dist/apps/api/src/main.js');

describe('the embedded database (no DATABASE_URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'throughline-embedded-'));
  const port = 3400 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}/api`;
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  function start(): ChildProcess {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_SEED: 'true',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    return spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  }

  async function healthy(child: ChildProcess): Promise<void> {
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`${base}/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the server did not become healthy in 60 s');
  }

  function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
    return new Promise((done) => {
      child.once('exit', (code) => done(code));
      child.kill(signal);
    });
  }

  const nodes = async (query: string) =>
    (await (await fetch(`${base}/nodes?${query}`)).json()) as { items: { title: string }[] };
  const count = async (kind: string) => (await nodes(`kind=${kind}&limit=200`)).items.length;

  it('keeps the data across a restart and shuts down cleanly', async () => {
    expect(existsSync(MAIN)).toBe(true);
    const first = start();
    await healthy(first);
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok', database: 'connected' });
    expect(await count('objective')).toBe(10); // the demo organisation was loaded
    const created = await fetch(`${base}/nodes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'bau', key: 'BAU-KEPT', title: 'Survives a restart' }),
    });
    expect(created.status).toBe(201);
    expect(await stop(first, 'SIGTERM')).toBe(0);
    expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

    const second = start();
    await healthy(second);
    const kept = await nodes('q=BAU-KEPT');
    expect(kept.items.map((n) => n.title)).toEqual(['Survives a restart']);
    expect(await count('objective')).toBe(10); // the demo is loaded once, not again
    expect(await stop(second, 'SIGINT')).toBe(0);
  }, 180_000);
});

import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { startApi } from '../../lib/api-server.js';
import { send } from './http.js';

/** The built API as a child process (bench/lib/api-server.ts starts it), with what the suite checks of it. */
export class ApiProcess {
  private constructor(
    readonly url: string,
    readonly child: ChildProcess,
    readonly pid: number,
    private readonly logFd: number,
  ) {}

  /**
   * `node --max-old-space-size=512 apps/api/dist/apps/api/src/main.js`, as `npm start` runs it,
   * on 127.0.0.1 and a free port, against `databaseUrl`, with its log lines appended to `logFile`.
   */
  static async start(databaseUrl: string, logFile: string): Promise<ApiProcess> {
    const logFd = openSync(logFile, 'a');
    const api = await startApi(databaseUrl, await freePort(), ['--max-old-space-size=512'], logFd);
    const health = await send(`${api.url}/api/health`);
    if (health.status !== 200) {
      api.process.kill('SIGKILL');
      closeSync(logFd);
      throw new Error(
        `the API did not become healthy (health answered ${health.status || health.error}); see ${logFile}`,
      );
    }
    return new ApiProcess(api.url, api.process, api.process.pid!, logFd);
  }

  /** Still the same process, still running. */
  get alive(): boolean {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return false;
    try {
      process.kill(this.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** How it ended: `exit 0`, `signal SIGKILL`, or `running`. */
  get ending(): string {
    if (this.child.exitCode !== null) return `exit ${this.child.exitCode}`;
    if (this.child.signalCode !== null) return `signal ${this.child.signalCode}`;
    return 'running';
  }

  /** Resident memory now and at its peak (VmRSS, VmHWM), in bytes; undefined where /proc is not there. */
  memory(): { rss: number; peak: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    } catch {
      return undefined;
    }
  }

  /** Resolves when the process has exited (at once if it already has), with how it ended. */
  exited(): Promise<string> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve(this.ending);
    return new Promise((resolve) => this.child.once('exit', () => resolve(this.ending)));
  }

  /** SIGTERM, then SIGKILL if it has not gone after `graceMs`. */
  async stop(graceMs = 30_000): Promise<string> {
    if (this.alive) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited();
      clearTimeout(timer);
    }
    try {
      closeSync(this.logFd);
    } catch {
      // already closed
    }
    return this.ending;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/**
 * CPU time, the figure a busy machine does not inflate much: wall time on two shared cores
 * mostly measures the queue for them, while the CPU a request burns in the API's process and
 * in PostgreSQL's backends is what it costs, and what capacity is planned with.
 * Linux only (/proc); clock ticks are 10 ms, so measure many requests or long ones.
 */
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || 100);

/** User plus system CPU a process has used so far, in ms (undefined once it is gone). */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces: state is
    // field 3, utime field 14 and stime field 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

export interface CpuUse {
  /** CPU of the API's process, ms. */
  apiMs: number;
  /** CPU of the PostgreSQL backends serving the API (client backends of the database, not `client`'s own), ms. */
  dbMs: number;
}

interface Reading {
  api: number;
  backends: Map<number, number>;
}

/**
 * Measures the CPU the API and its database connections spend on some work. PostgreSQL runs on
 * this machine, so its backends are read in /proc by the pids `pg_stat_activity` names. A
 * backend that ends during the work takes its CPU with it (the pool keeps connections for
 * 30 s idle, so within a measurement they stay); one that starts during it counts from zero.
 */
export class CpuMeter {
  constructor(
    private readonly client: pg.Client,
    private readonly apiPid: () => number,
  ) {}

  async measure<T>(work: () => Promise<T>): Promise<{ value: T } & CpuUse> {
    const before = await this.read();
    const value = await work();
    const after = await this.read();
    let dbMs = 0;
    for (const [pid, cpu] of after.backends) dbMs += cpu - (before.backends.get(pid) ?? 0);
    return { value, apiMs: after.api - before.api, dbMs };
  }

  /** The CPU `client`'s own backend has used so far, ms (for work done on that connection). */
  async ownBackendMs(): Promise<number> {
    const { rows } = await this.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return processCpuMs(rows[0].pid) ?? 0;
  }

  private async read(): Promise<Reading> {
    const { rows } = await this.client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    const backends = new Map<number, number>();
    for (const { pid } of rows) {
      const cpu = processCpuMs(pid);
      if (cpu !== undefined) backends.set(pid, cpu);
    }
    return { api: processCpuMs(this.apiPid()) ?? 0, backends };
  }
}

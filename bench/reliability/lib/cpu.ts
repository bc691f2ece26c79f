import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * Where the CPU went during a phase (Linux /proc; nothing elsewhere): the API process, the
 * suite's PostgreSQL (its postmaster and every backend), and the whole machine. On a shared
 * machine a missed target means little unless one knows whether the API was short of CPU.
 */
export const TICKS_PER_SECOND = 100;

/** CPU ticks (1/100 s) a process has used so far; 0 if it is gone. */
export function processTicks(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces), so split after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  } catch {
    return 0;
  }
}

/** The postmaster and its children (backends come and go; each is counted while it lives). */
function serverTicks(postmaster: number | undefined, seen: Map<number, number>): void {
  if (!postmaster) return;
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return;
  }
  for (const pid of pids) {
    if (pid === postmaster || parentOf(pid) === postmaster) seen.set(pid, processTicks(pid));
  }
}

function machineTicks(): { busy: number; total: number } {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number);
    const total = user + nice + system + idle + iowait + irq + softirq + steal;
    return { busy: total - idle - iowait, total };
  } catch {
    return { busy: 0, total: 0 };
  }
}

export interface CpuShare {
  /** Shares of one core, e.g. 0.74 = 74 % of a core. */
  api: number;
  postgres: number | undefined;
  /** This suite's own process (the load generator), in shares of one core. */
  suite: number;
  /** Share of all cores busy, and how many cores' worth went to other processes than the API, its PostgreSQL and the suite. */
  machine: number;
  others: number;
  cores: number;
  /** How long the phase measured was. */
  seconds: number;
}

export class CpuMeter {
  private readonly apiStart: number;
  private readonly serverStart = new Map<number, number>();
  private readonly serverLatest = new Map<number, number>();
  private readonly machineStart = machineTicks();
  private readonly started = Date.now();
  private readonly suiteStart = process.cpuUsage();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly apiPid: number,
    private readonly postmaster: () => number | undefined,
  ) {
    this.apiStart = processTicks(apiPid);
    serverTicks(postmaster(), this.serverStart);
    // Backends that end during the phase take their ticks with them: sample often.
    this.timer = setInterval(() => serverTicks(this.postmaster(), this.serverLatest), 500);
  }

  stop(): CpuShare {
    clearInterval(this.timer);
    serverTicks(this.postmaster(), this.serverLatest);
    const seconds = (Date.now() - this.started) / 1000;
    const api = (processTicks(this.apiPid) - this.apiStart) / TICKS_PER_SECOND / seconds;
    let serverTotal = 0;
    for (const [pid, ticks] of this.serverLatest) serverTotal += ticks - (this.serverStart.get(pid) ?? 0);
    const postgres = this.postmaster() === undefined ? undefined : serverTotal / TICKS_PER_SECOND / seconds;
    const used = process.cpuUsage(this.suiteStart);
    const suite = (used.user + used.system) / 1e6 / seconds;
    const now = machineTicks();
    const cores = cpus().length;
    const busyShare =
      now.total > this.machineStart.total
        ? (now.busy - this.machineStart.busy) / (now.total - this.machineStart.total)
        : 0;
    const others = Math.max(0, busyShare * cores - api - (postgres ?? 0) - suite);
    return { api, postgres, suite, machine: busyShare, others, cores, seconds };
  }
}

export function describeCpu(share: CpuShare): string {
  const pct = (n: number) => `${Math.round(n * 100)} %`;
  return (
    `CPU: the API ${pct(share.api)} of a core, its PostgreSQL ${share.postgres === undefined ? '–' : `${pct(share.postgres)} of a core`}; ` +
    `the suite's load generator ${pct(share.suite)}; the machine's ${share.cores} cores ${pct(share.machine)} busy, ` +
    `${share.others.toFixed(2)} cores of it on other processes`
  );
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The memory of the API's process during one measured phase, read from outside it: the kernel's
 * exact peak resident size (VmHWM, reset through /proc/<pid>/clear_refs) and the heap peaks that
 * `memory-probe.mjs` samples inside it. Start the API with `probeNodeOptions()` and
 * `MEMORY_PROBE_FILE=<file>` in its environment.
 */
export const MEMORY_PROBE = fileURLToPath(new URL('./memory-probe.mjs', import.meta.url));

export function probeNodeOptions(): string[] {
  return ['--expose-gc', '--import', MEMORY_PROBE];
}

const MiB = 2 ** 20;

export interface MemoryPeaks {
  /** Peak resident size (the kernel's VmHWM; after a crash, the probe's last sample). */
  rssMiB: number;
  /** Peak of V8's heap in use, sampled every 10 ms between event-loop turns. */
  heapUsedMiB: number;
  /** Peak of V8's committed heap (heapTotal). */
  heapTotalMiB: number;
  /** Buffers and strings outside V8's heap (a request body is one). */
  externalMiB: number;
  /** Heap in use after a full collection at the end of the phase: what the process keeps (e.g. cached topologies). */
  retainedMiB?: number;
  /** V8's heap limit (what --max-old-space-size sets, plus the young generation). */
  heapLimitMiB: number;
  /** false when the process died and only the probe's last written sample is known. */
  exact: boolean;
}

interface ProbeRecord {
  sequence: number;
  pid: number;
  heapLimit: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  rss: number;
  retained?: number;
}

export class ApiMemory {
  constructor(private readonly file: string) {}

  /** Starts a phase: the peak resident size and the probe's peaks start over. */
  async begin(pid: number): Promise<void> {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // not permitted: VmHWM then covers the process's whole life, the probe still the phase
    }
    await this.endPhase(pid);
  }

  /** Ends a phase and answers its peaks. */
  async end(pid: number): Promise<MemoryPeaks> {
    const probe = await this.endPhase(pid);
    const hwm = statusKiB(pid, 'VmHWM');
    return peaks(probe, hwm === undefined ? probe.rss : hwm * 1024, true);
  }

  /** What the probe last wrote before the process died (up to ~50 ms before). */
  afterCrash(): MemoryPeaks | undefined {
    const probe = this.read(this.file);
    return probe && peaks(probe, probe.rss, false);
  }

  /** The process's resident size now, in MiB. */
  static residentMiB(pid: number): number {
    return (statusKiB(pid, 'VmRSS') ?? 0) / 1024;
  }

  private async endPhase(pid: number): Promise<ProbeRecord> {
    const phaseFile = `${this.file}.phase`;
    const before = this.read(phaseFile);
    const last = before?.pid === pid ? before.sequence : 0;
    process.kill(pid, 'SIGUSR2');
    // The signal is handled between turns of the API's event loop, which a long synchronous
    // call can hold for seconds.
    for (let waited = 0; waited < 120_000; waited += 20) {
      const now = this.read(phaseFile);
      if (now?.pid === pid && now.sequence > last) return now;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`the memory probe of process ${pid} did not answer (was it started with probeNodeOptions()?)`);
  }

  private read(path: string): ProbeRecord | undefined {
    if (!existsSync(path)) return undefined;
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as ProbeRecord;
    } catch {
      return undefined; // caught half-written
    }
  }
}

function peaks(probe: ProbeRecord, rss: number, exact: boolean): MemoryPeaks {
  return {
    rssMiB: Math.max(rss, probe.rss) / MiB,
    heapUsedMiB: probe.heapUsed / MiB,
    heapTotalMiB: probe.heapTotal / MiB,
    externalMiB: probe.external / MiB,
    retainedMiB: probe.retained === undefined ? undefined : probe.retained / MiB,
    heapLimitMiB: probe.heapLimit / MiB,
    exact,
  };
}

function statusKiB(pid: number, field: string): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`${field}:\\s+(\\d+)`).exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

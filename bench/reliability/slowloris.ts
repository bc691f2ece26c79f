import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { CpuMeter, describeCpu, processTicks, TICKS_PER_SECOND, type CpuShare } from './lib/cpu.js';
import { isSuccess, openLoop, type Sample } from './lib/open-loop.js';
import { countBy, duration, formatCounts, percentiles } from './lib/stats.js';
import type { Item, Suite } from './lib/suite.js';

const SOCKETS = 500;
const BYTE_EVERY_MS = 1_000;
const PHASE_MS = 12_000;
const ATTACKER = fileURLToPath(new URL('./slowloris-attacker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface AttackerCounts {
  open: number;
  opened: number;
  closedByServer: number;
  errors: number;
}

const normalRequests = (suite: Suite) =>
  openLoop(suite.api.url, { rate: suite.rate, durationMs: PHASE_MS, plan: () => suite.workload.nextLightRead() });

/**
 * Normal requests (node reads, node pages, traces at the suite's rate) before, during and after
 * 500 sockets trickle headers a byte a second each. The baseline is the quiet phases before and
 * after together, so a machine that got busier or quieter meanwhile does not decide the verdict.
 */
export const slowlorisItem: Item = {
  id: 'slowloris',
  title: '500 slow-trickle sockets',
  target:
    "500 sockets sending a request's headers a byte a second: normal requests' p99 during the attack " +
    'at most 2× the p99 of the same requests without it, and all answered 2xx',
  budgetMs: 90_000,
  async run(suite) {
    const before = await normalRequests(suite);

    const attacker = spawn(
      process.execPath,
      ['--import', 'tsx', ATTACKER, new URL(suite.api.url).port, String(SOCKETS), String(BYTE_EVERY_MS)],
      { stdio: ['pipe', 'pipe', 'inherit'], cwd: ROOT },
    );
    let counts: AttackerCounts = { open: 0, opened: 0, closedByServer: 0, errors: 0 };
    createInterface({ input: attacker.stdout! }).on('line', (line) => (counts = JSON.parse(line) as AttackerCounts));
    let during: Sample[];
    let openAtStart: number;
    let countsAtEnd: AttackerCounts;
    let cpuDuring: CpuShare;
    let attackerCpu: number;
    try {
      for (let waited = 0; counts.open < SOCKETS && waited < 15_000; waited += 100) await sleep(100);
      openAtStart = counts.open;
      const cpu = new CpuMeter(suite.api.pid, () => suite.cluster.postmasterPid());
      const attackerTicks = processTicks(attacker.pid!);
      during = (await normalRequests(suite)).samples;
      cpuDuring = cpu.stop();
      attackerCpu = (processTicks(attacker.pid!) - attackerTicks) / TICKS_PER_SECOND / cpuDuring.seconds;
      countsAtEnd = { ...counts };
    } finally {
      attacker.stdin!.end();
      if (attacker.exitCode === null) await new Promise((resolve) => attacker.once('exit', resolve));
    }
    await sleep(1_000);
    const after = await normalRequests(suite);

    const quiet = [...before.samples, ...after.samples];
    const baseline = percentiles(quiet.map((s) => s.latency));
    const attacked = percentiles(during.map((s) => s.latency));
    const failed = [...quiet, ...during].filter((s) => !isSuccess(s));
    const problems: string[] = [];
    if (openAtStart < SOCKETS) problems.push(`only ${openAtStart} of ${SOCKETS} trickling sockets could be opened`);
    if (attacked.p99 > 2 * baseline.p99) {
      problems.push(`p99 under attack ${duration(attacked.p99)} > 2 × baseline ${duration(baseline.p99)}`);
    }
    if (failed.length) {
      problems.push(
        `${failed.length} normal requests not 2xx (${formatCounts(countBy(failed, (s) => `${s.route} ${s.status || s.error}`))})`,
      );
    }
    if (!suite.api.alive) problems.push(`the API process ended (${suite.api.ending})`);
    return {
      pass: problems.length === 0,
      summary:
        `normal requests p99 ${duration(attacked.p99)} with ${openAtStart} trickling sockets vs ${duration(baseline.p99)} without ` +
        `(${(attacked.p99 / baseline.p99).toFixed(2)}×, limit 2×)` +
        (problems.length ? `: ${problems.join('; ')}` : ''),
      details: [
        `without: ${baseline.n} requests, p50 ${duration(baseline.p50)}, p99 ${duration(baseline.p99)} ` +
          `(before ${duration(percentiles(before.samples.map((s) => s.latency)).p99)}, after ${duration(percentiles(after.samples.map((s) => s.latency)).p99)})`,
        `with the attack: ${attacked.n} requests, p50 ${duration(attacked.p50)}, p99 ${duration(attacked.p99)}`,
        `during the attack: ${describeCpu(cpuDuring)} (the attacker ${Math.round(attackerCpu * 100)} % of a core)`,
        `attacker: ${countsAtEnd.opened} sockets opened, ${countsAtEnd.closedByServer} closed by the server during the ${PHASE_MS / 1000} s measured, ${countsAtEnd.open} open at its end`,
      ],
    };
  },
};

import pg from 'pg';
import { CpuMeter, describeCpu } from './lib/cpu.js';
import { isSuccess, openLoop, type LoadRun, type Sample } from './lib/open-loop.js';
import { countBy, duration, formatCounts, percentiles } from './lib/stats.js';
import type { Item, Suite, Table } from './lib/suite.js';
import { groupOf, P99_TARGETS, ROUTE_GROUPS, type Verification } from './lib/workload.js';

/** The mix at the suite's rate for `durationMs`; `onStart` gets the run's t0 to time events against it. */
export function runLoad(suite: Suite, durationMs: number, onStart?: (t0: number) => void): Promise<LoadRun> {
  return openLoop(suite.api.url, {
    rate: suite.rate,
    durationMs,
    plan: () => suite.workload.next(),
    onStart,
  });
}

/** p50/p99 per route, its non-2xx answers and its target. */
export function routeTable(samples: Sample[]): Table {
  const routes = Object.values(ROUTE_GROUPS).flat();
  const rows = routes
    .map((route) => {
      const mine = samples.filter((s) => s.route === route);
      if (!mine.length) return undefined;
      const { n, p50, p99, max } = percentiles(mine.map((s) => s.latency));
      const failed = countBy(
        mine.filter((s) => !isSuccess(s)),
        (s) => (s.status ? String(s.status) : (s.error ?? 'no answer')),
      );
      const target = P99_TARGETS[groupOf(route)];
      return [
        route,
        String(n),
        duration(p50),
        duration(p99),
        duration(max),
        failed.size ? formatCounts(failed) : '0',
        target ? `p99 ≤ ${target} ms` : '2xx',
      ];
    })
    .filter((row): row is string[] => row !== undefined);
  return { head: ['route', 'requests', 'p50', 'p99', 'max', 'non-2xx', 'target'], rows };
}

/** Routes whose p99 is over their group's target, as `GET /audit p99 612 ms > 500 ms`. */
export function missedTargets(samples: Sample[]): string[] {
  const missed: string[] = [];
  for (const route of Object.values(ROUTE_GROUPS).flat()) {
    const target = P99_TARGETS[groupOf(route)];
    const mine = samples.filter((s) => s.route === route).map((s) => s.latency);
    if (!target || !mine.length) continue;
    const { p99 } = percentiles(mine);
    if (p99 > target) missed.push(`${route} p99 ${duration(p99)} > ${target} ms`);
  }
  return missed;
}

export async function verifyWrites(suite: Suite): Promise<Verification> {
  const client = new pg.Client({ connectionString: suite.databaseUrl });
  await client.connect();
  try {
    return await suite.workload.verify(client);
  } finally {
    await client.end();
  }
}

export const loadItem: Item = {
  id: 'load',
  title: 'Open-loop load on the 6,000-node organisation',
  target:
    '50 requests/s in total for 60 s (graph, trace, node list and node reads, audit; node and link writes): ' +
    'zero non-2xx; node reads p99 ≤ 100 ms, graph and audit p99 ≤ 500 ms',
  budgetMs: 150_000,
  async run(suite) {
    const pidBefore = suite.api.pid;
    const cpu = new CpuMeter(suite.api.pid, () => suite.cluster.postmasterPid());
    const { samples } = await runLoad(suite, suite.loadSeconds * 1000);
    const cpuShare = cpu.stop();
    const failed = samples.filter((s) => !isSuccess(s));
    const missed = missedTargets(samples);
    const writes = await verifyWrites(suite);
    const problems = [
      ...(failed.length
        ? [`${failed.length} non-2xx (${formatCounts(countBy(failed, (s) => `${s.route} ${s.status || s.error}`))})`]
        : []),
      ...missed,
      ...(writes.missing.length ? [`${writes.missing.length} writes answered 2xx are missing`] : []),
      ...(suite.api.alive && suite.api.pid === pidBefore ? [] : [`the API process ended (${suite.api.ending})`]),
    ];
    const all = percentiles(samples.map((s) => s.latency));
    return {
      pass: problems.length === 0,
      summary:
        `${samples.length.toLocaleString('en-GB')} requests at ${suite.rate}/s for ${suite.loadSeconds} s, ` +
        `${failed.length} non-2xx, all routes p50 ${duration(all.p50)} p99 ${duration(all.p99)}` +
        (problems.length ? `: ${problems.join('; ')}` : ''),
      details: [
        `statuses: ${formatCounts(countBy(samples, (s) => (s.status ? String(s.status) : (s.error ?? 'no answer'))))}`,
        describeCpu(cpuShare),
        `CPU per request of the mix: the API ${duration((cpuShare.api * cpuShare.seconds * 1000) / samples.length)}, ` +
          `its PostgreSQL ${cpuShare.postgres === undefined ? '–' : duration((cpuShare.postgres * cpuShare.seconds * 1000) / samples.length)}`,
        `writes answered 2xx: ${writes.checked} (created nodes ${suite.workload.ledger.nodes.length}, links ${suite.workload.ledger.links.length}, edited nodes ${suite.workload.ledger.versions.size}), missing afterwards: ${writes.missing.length}`,
      ],
      table: routeTable(samples),
    };
  },
};

import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { runLoad, verifyWrites } from './load.js';
import { CpuMeter, describeCpu } from './lib/cpu.js';
import { judgeOutage } from './lib/outage.js';
import { duration } from './lib/stats.js';
import { fail, type Item } from './lib/suite.js';

const BEFORE_MS = 5_000;
const DOWN_MS = 3_000;
const AFTER_MS = 10_000;

export const databaseRestartItem: Item = {
  id: 'db-restart',
  title: 'The database stopped and started under load',
  target:
    "the suite's own cluster stopped, kept down 3 s and started again under the 50/s load: same API process throughout, " +
    'only 503s (with Retry-After) during the outage, 2xx again within 5 s of the restart, no write answered 2xx missing',
  budgetMs: 90_000,
  async run(suite) {
    if (!suite.cluster.restartable) {
      return fail(`not run: needs the suite's own cluster, and the suite runs on ${suite.cluster.description}`);
    }
    const pidBefore = suite.api.pid;
    const cpu = new CpuMeter(suite.api.pid, () => suite.cluster.postmasterPid());
    let t0 = 0;
    const timeline: { stopping?: number; stopped?: number; starting?: number; up?: number } = {};
    let outageError: unknown;
    const outage = (async () => {
      await sleep(BEFORE_MS);
      timeline.stopping = performance.now() - t0;
      await suite.cluster.stop();
      timeline.stopped = performance.now() - t0;
      await sleep(DOWN_MS);
      timeline.starting = performance.now() - t0;
      await suite.cluster.start();
      timeline.up = performance.now() - t0;
    })().catch((error: unknown) => {
      outageError = error;
    });
    const load = runLoad(suite, BEFORE_MS + DOWN_MS + AFTER_MS + 2_000, (start) => (t0 = start));
    await outage;
    const { samples } = await load;
    const cpuShare = cpu.stop();
    if (outageError || timeline.stopping === undefined || timeline.up === undefined) {
      return fail(`the cluster could not be stopped and started: ${String(outageError)}`);
    }
    // Requests planned before the restart finished may still run past the load's end: all are in `samples`.
    const verdict = judgeOutage(samples, [{ from: timeline.stopping, to: timeline.up }]);
    const writes = await verifyWrites(suite);
    const problems = [...verdict.problems];
    if (writes.missing.length) problems.push(`${writes.missing.length} writes answered 2xx are missing`);
    if (!suite.api.alive || suite.api.pid !== pidBefore) problems.push(`the API process ended (${suite.api.ending})`);
    return {
      pass: problems.length === 0,
      summary:
        `database down ${duration(timeline.up - timeline.stopping)} (stop ${duration(timeline.stopped! - timeline.stopping)}, ` +
        `start ${duration(timeline.up - timeline.starting!)}); ${samples.length} requests` +
        (problems.length
          ? `: ${problems.join('; ')}`
          : ': only 503s during the outage, 2xx within 5 s, same pid, no write lost'),
      details: [
        ...verdict.details,
        describeCpu(cpuShare),
        `writes answered 2xx so far: ${writes.checked}, missing: ${writes.missing.length}${writes.missing.length ? ` (${writes.missing.slice(0, 5).join(', ')})` : ''}`,
        `API pid ${pidBefore} → ${suite.api.alive ? suite.api.pid : `ended (${suite.api.ending})`}`,
      ],
    };
  },
};

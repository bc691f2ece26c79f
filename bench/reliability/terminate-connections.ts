import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { runLoad, verifyWrites } from './load.js';
import { CpuMeter, describeCpu } from './lib/cpu.js';
import { judgeOutage, type Disruption } from './lib/outage.js';
import type { Item } from './lib/suite.js';

const TIMES = 30;
const FIRST_MS = 3_000;
const EVERY_MS = 1_000;
const AFTER_MS = 8_000;

export const terminateConnectionsItem: Item = {
  id: 'terminate',
  title: "The API's database connections terminated 30 times under load",
  target:
    "pg_terminate_backend of every backend of the API's database, 30 times a second apart, under the 50/s load: " +
    'same API process, only 503s (with Retry-After) around a termination, 2xx again within 5 s, no write answered 2xx missing',
  budgetMs: 90_000,
  async run(suite) {
    const pidBefore = suite.api.pid;
    const cpu = new CpuMeter(suite.api.pid, () => suite.cluster.postmasterPid());
    const admin = new pg.Client({ connectionString: suite.cluster.adminUrl });
    await admin.connect();
    let t0 = 0;
    const disruptions: Disruption[] = [];
    let terminated = 0;
    const terminations = (async () => {
      await sleep(FIRST_MS);
      for (let i = 0; i < TIMES; i++) {
        const at = performance.now() - t0;
        const { rows } = await admin.query<{ n: string }>(
          `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS n
             FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [suite.database],
        );
        terminated += Number(rows[0].n);
        disruptions.push({ from: at, to: performance.now() - t0 });
        await sleep(EVERY_MS);
      }
    })();
    const load = runLoad(suite, FIRST_MS + TIMES * EVERY_MS + AFTER_MS, (start) => (t0 = start));
    try {
      await terminations;
    } finally {
      await admin.end();
    }
    const { samples } = await load;
    const cpuShare = cpu.stop();
    const verdict = judgeOutage(samples, disruptions);
    const writes = await verifyWrites(suite);
    const problems = [...verdict.problems];
    if (writes.missing.length) problems.push(`${writes.missing.length} writes answered 2xx are missing`);
    if (!suite.api.alive || suite.api.pid !== pidBefore) problems.push(`the API process ended (${suite.api.ending})`);
    if (terminated === 0) problems.push('no backend of the API was found to terminate');
    return {
      pass: problems.length === 0,
      summary:
        `${TIMES} rounds, ${terminated} backends terminated; ${samples.length} requests` +
        (problems.length
          ? `: ${problems.join('; ')}`
          : ': only 503s around terminations, 2xx within 5 s, same pid, no write lost'),
      details: [
        ...verdict.details,
        describeCpu(cpuShare),
        `writes answered 2xx so far: ${writes.checked}, missing: ${writes.missing.length}`,
        `API pid ${pidBefore} → ${suite.api.alive ? suite.api.pid : `ended (${suite.api.ending})`}`,
      ],
    };
  },
};

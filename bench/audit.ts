/**
 * Times the full audit and the coverage endpoint through the API, next to the best direct
 * computation in the same run, and the API process's memory while it audits.
 *
 *   npm run bench:audit -- --database postgres://postgres@127.0.0.1:5432/tl_bench_large \
 *     [--load bench/out/portfolio-60000.json] [--runs 15] [--port 3200] [--api-node-options=--max-old-space-size=512]
 *
 * It starts the built API (`npx nx run-many -t build -p @throughline/domain @throughline/api`
 * first) on `--port` against `--database`, imports `--load` through `POST /api/portfolio/import`
 * when the organisation is still empty, then measures, after warm-up runs:
 *   - API: `GET /api/audit` and `GET /api/coverage`, wall time to the last byte, JSON parsed —
 *     "cold" right after a write (one node touched, so the API must load and index the graph
 *     again) and "warm" on an unchanged graph (the API reuses its indexed topology);
 *   - direct: the same topology read through `pg` (array rows, one REPEATABLE READ snapshot,
 *     JIT off) and the same pure functions of libs/domain — the floor the API is judged against;
 *   - direct with JIT on, to show what PostgreSQL's JIT would cost the load;
 *   - the API's resident memory, sampled every 5 ms during the audit runs (peak and before).
 * Medians are printed as a markdown row for docs/performance.md.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { readTopology } from '../apps/api/src/topology/topology.repository.js';
// The API's conversions of numeric, bigint and date values, so the floor reads what the API reads.
import '../apps/api/src/platform/database/pg-types.js';
import { computeCoverage, DEFAULT_AUDIT_SETTINGS, GraphIndex, runAudit } from '../libs/domain/src/index.js';
import { startApi } from './lib/api-server.js';
import { withAuth } from './lib/credentials.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    load: { type: 'string' },
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    port: { type: 'string', default: '3200' },
    'api-node-options': { type: 'string', default: '' },
  },
});
if (!values.database) {
  console.error(
    'usage: npm run bench:audit -- --database postgres://… [--load <document.json>] [--runs 15] [--port 3200]',
  );
  process.exit(2);
}
const DATABASE = values.database;
const RUNS = Number(values.runs);
const WARMUP = Number(values.warmup);
const BASE = `http://127.0.0.1:${values.port}/api`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => x.toFixed(0);

function rssKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function timeGet(path: string): Promise<{ ms: number; bytes: number; body: unknown }> {
  const started = performance.now();
  const res = await fetch(`${BASE}${path}`, withAuth());
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 200)}`);
  const body = JSON.parse(text);
  return { ms: performance.now() - started, bytes: text.length, body };
}

/**
 * The direct computation, the floor: the API's own topology load (`readTopology`) in one
 * snapshot through `pg`, then the same pure functions — without HTTP, NestJS, the fingerprint
 * or JSON.
 */
async function direct(client: pg.Client, orgId: string) {
  const t0 = performance.now();
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const topology = await readTopology(client, orgId);
  await client.query('COMMIT');
  const links = [...topology.links];
  const t1 = performance.now();
  const graph = { nodes: topology.nodes, links, settings: DEFAULT_AUDIT_SETTINGS, now: new Date() };
  const index = new GraphIndex(graph);
  const findings = runAudit(graph, { index });
  const t2 = performance.now();
  computeCoverage(graph, topology.units);
  const t3 = performance.now();
  return {
    load: t1 - t0,
    audit: t2 - t1,
    coverage: t3 - t2,
    findings: findings.length,
    nodes: topology.nodes.length,
    links: links.length,
  };
}

async function main() {
  const nodeOptions = values['api-node-options'] ? values['api-node-options'].split(' ') : [];
  const api = await startApi(DATABASE, Number(values.port), nodeOptions);
  const client = new pg.Client({ connectionString: DATABASE, options: '-c jit=off' });
  const jitClient = new pg.Client({ connectionString: DATABASE, options: '-c jit=on' });
  await client.connect();
  await jitClient.connect();
  try {
    const orgId = (await client.query<{ id: string }>(`SELECT id FROM organisations WHERE slug = 'default'`)).rows[0]
      .id;
    const count = Number((await client.query(`SELECT count(*) AS n FROM nodes WHERE org_id = $1`, [orgId])).rows[0].n);
    if (count === 0 && values.load) {
      const started = performance.now();
      const res = await fetch(
        `${BASE}/portfolio/import`,
        withAuth({
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: readFileSync(values.load),
        }),
      );
      if (!res.ok) throw new Error(`import: ${res.status} ${(await res.text()).slice(0, 300)}`);
      console.log(`imported ${values.load} through the API in ${ms(performance.now() - started)} ms`);
      await client.query('VACUUM ANALYZE');
    }

    const apiAudit: number[] = [];
    const apiCoverage: number[] = [];
    const coldAudit: number[] = [];
    const coldCoverage: number[] = [];
    // A write the API cannot miss: the node's row gets a new version (xmin), so its fingerprint changes.
    const touch = () =>
      client.query(
        `UPDATE nodes SET updated_at = updated_at WHERE id = (SELECT id FROM nodes WHERE org_id = $1 LIMIT 1)`,
        [orgId],
      );
    const directRuns: Awaited<ReturnType<typeof direct>>[] = [];
    const jitRuns: Awaited<ReturnType<typeof direct>>[] = [];
    let bytes = 0;
    let findings = 0;
    let peak = 0;
    const before = rssKiB(api.process.pid!);
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const sampler = setInterval(() => (peak = Math.max(peak, rssKiB(api.process.pid!))), 5);
      await touch();
      const coldA = await timeGet('/audit');
      const a = await timeGet('/audit');
      await touch();
      const coldC = await timeGet('/coverage');
      const c = await timeGet('/coverage');
      clearInterval(sampler);
      const d = await direct(client, orgId);
      const j = await direct(jitClient, orgId);
      if (i < WARMUP) continue;
      apiAudit.push(a.ms);
      apiCoverage.push(c.ms);
      coldAudit.push(coldA.ms);
      coldCoverage.push(coldC.ms);
      directRuns.push(d);
      jitRuns.push(j);
      bytes = a.bytes;
      findings = (a.body as { findings: unknown[] }).findings.length;
    }
    const d = (pick: (r: (typeof directRuns)[number]) => number, runs = directRuns) => median(runs.map(pick));
    const directAudit = d((r) => r.load + r.audit);
    const directCoverage = d((r) => r.load + r.coverage);
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    );
    console.log(
      `graph: ${directRuns[0].nodes} nodes, ${directRuns[0].links} links (not rejected); ${findings} findings, ${(bytes / 1e6).toFixed(1)} MB`,
    );
    const ratio = (api: number[], floor: number) => `${(median(api) / floor).toFixed(2)}×`;
    console.log(`medians of ${RUNS} runs after ${WARMUP} warm-up runs (ms):`);
    console.log(`  API  GET /api/audit     cold ${ms(median(coldAudit))}, warm ${ms(median(apiAudit))}`);
    console.log(`  API  GET /api/coverage  cold ${ms(median(coldCoverage))}, warm ${ms(median(apiCoverage))}`);
    console.log(
      `  direct audit     ${ms(directAudit)} = load ${ms(d((r) => r.load))} + index and rules ${ms(d((r) => r.audit))}`,
    );
    console.log(`  direct coverage  ${ms(directCoverage)} = load + index and coverage ${ms(d((r) => r.coverage))}`);
    console.log(`  direct load with JIT on  ${ms(d((r) => r.load, jitRuns))}`);
    console.log(
      `  API/direct: audit cold ${ratio(coldAudit, directAudit)}, warm ${ratio(apiAudit, directAudit)}; ` +
        `coverage cold ${ratio(coldCoverage, directCoverage)}, warm ${ratio(apiCoverage, directCoverage)}`,
    );
    console.log(
      `  API resident memory: ${(before / 1024).toFixed(0)} MiB before, peak ${(peak / 1024).toFixed(0)} MiB during the runs`,
    );
    console.log(
      `| ${directRuns[0].nodes} / ${directRuns[0].links} | ${ms(median(coldAudit))} / ${ms(median(apiAudit))} | ` +
        `${ms(directAudit)} (${ms(d((r) => r.load))} + ${ms(d((r) => r.audit))}) | ${ratio(coldAudit, directAudit)} | ` +
        `${ms(median(coldCoverage))} / ${ms(median(apiCoverage))} | ${ms(directCoverage)} | ` +
        `${ms(d((r) => r.load, jitRuns))} | ${(peak / 1024).toFixed(0)} MiB |`,
    );
  } finally {
    await client.end();
    await jitClient.end();
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

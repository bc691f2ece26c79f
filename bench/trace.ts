/**
 * Trace through the API versus the same recursive SQL straight through `pg`, in one run, on a
 * large generated organisation (issue: the API within 1.5× of the direct query at the median).
 *
 *   npm run build && npm run bench:trace -- [--nodes 60000] [--runs 200] [--reuse]
 *
 * Generates the portfolio if bench/out has none, imports it through the API (timed), then for
 * a median-sized objective (down) and a project (up) alternates API and direct runs.
 * `--reuse` keeps the database of a previous run instead of importing again.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { traceParameters, traceSql } from '../apps/api/src/views/views.repository.js';
import { databaseExists, databaseUrl, freshDatabase, ms, startApi, summarise } from './lib/api-server.js';
import { BENCH_ACCOUNT, withAuth } from './lib/credentials.js';
import { closeHttpClient, get } from './lib/http-client.js';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '60000' },
    runs: { type: 'string', default: '200' },
    port: { type: 'string', default: '3300' },
    reuse: { type: 'boolean', default: false },
  },
});
const nodes = Number(values.nodes);
const runs = Number(values.runs);
const database = `tl_bench_${nodes}`;
const documentPath = fileURLToPath(new URL(`./out/portfolio-${nodes}.json`, import.meta.url));

async function main() {
  if (!existsSync(documentPath)) {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./generate.ts', import.meta.url)), '--nodes', String(nodes)],
      { stdio: 'inherit' },
    );
  }
  const reuse = values.reuse && (await databaseExists(database));
  const url = reuse ? databaseUrl(database) : await freshDatabase(database);
  const api = await startApi(url, Number(values.port));
  const client = new pg.Client({ connectionString: url, options: '-c jit=off' });
  await client.connect();
  try {
    if (!reuse) {
      const body = readFileSync(documentPath);
      const started = performance.now();
      const res = await fetch(
        `${api.url}/api/portfolio/import`,
        withAuth({
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body,
        }),
      );
      const summary = await res.text();
      if (!res.ok) throw new Error(`import failed: ${res.status} ${summary.slice(0, 500)}`);
      console.log(
        `import of ${(body.length / 1e6).toFixed(1)} MB through the API: ${((performance.now() - started) / 1000).toFixed(1)} s  ${summary}`,
      );
      await client.query('VACUUM ANALYZE');
    }
    // The organisation the bench account signed up and imported into (since accounts: not `default`).
    const orgId = (await client.query(`SELECT id FROM organisations WHERE name = $1`, [BENCH_ACCOUNT.organisationName]))
      .rows[0].id as string;
    const [objective, project] = await pickRoots(client, orgId);
    console.log(
      `${nodes.toLocaleString('en-GB')} nodes; objective ${objective.key} (down: ${objective.size} nodes), project ${project.key} (up: ${project.size} nodes); ${runs} warm runs each`,
    );

    for (const [label, root, direction] of [
      ['trace down from an objective', objective, 'down'],
      ['trace up from a project', project, 'up'],
    ] as const) {
      const sql = traceSql(direction);
      const parameters = traceParameters(orgId, root.id, direction, ['approved']);
      const apiTimes: number[] = [];
      const directTimes: number[] = [];
      const preparedTimes: number[] = [];
      for (let i = 0; i < runs + 20; i++) {
        const a = performance.now();
        const res = await get(`${api.url}/api/graph/trace/${root.id}?direction=${direction}`);
        if (res.status !== 200) throw new Error(`trace answered ${res.status}`);
        const b = performance.now();
        // The same statement, parameters and answer (JSON text), without HTTP, NestJS or the pool:
        // once parsed and planned on every call, once prepared like the API's.
        await client.query(sql, parameters);
        const c = performance.now();
        await client.query({ name: `bench-trace-${direction}`, text: sql, values: parameters });
        const d = performance.now();
        if (i >= 20) {
          apiTimes.push(b - a);
          directTimes.push(c - b);
          preparedTimes.push(d - c);
        }
      }
      const viaApi = summarise(apiTimes);
      const direct = summarise(directTimes);
      const prepared = summarise(preparedTimes);
      console.log(
        `${label}: API median ${ms(viaApi.median)} (p95 ${ms(viaApi.p95)}); direct SQL ${ms(direct.median)} (p95 ${ms(direct.p95)}), ` +
          `API ÷ direct ${(viaApi.median / direct.median).toFixed(2)}×; direct prepared ${ms(prepared.median)} (p95 ${ms(prepared.p95)}), ` +
          `API ÷ prepared ${(viaApi.median / prepared.median).toFixed(2)}×`,
      );
    }
  } finally {
    closeHttpClient();
    await client.end();
    await api.stop();
  }
}

/** The objective whose downward chain is the median size, and a project with an upward chain of median size. */
async function pickRoots(client: pg.Client, orgId: string) {
  const pick = async (kind: string, direction: 'down' | 'up') => {
    const { rows } = await client.query<{ id: string; key: string }>(
      `SELECT id, key FROM nodes WHERE org_id = $1 AND kind = $2 AND status = 'active' ORDER BY key LIMIT 400`,
      [orgId, kind],
    );
    const sized: { id: string; key: string; size: number }[] = [];
    for (const row of rows) {
      const result = await client.query(traceSql(direction), traceParameters(orgId, row.id, direction, ['approved']));
      sized.push({ ...row, size: JSON.parse(result.rows[0].json).nodes.length });
    }
    sized.sort((a, b) => a.size - b.size);
    return sized[Math.floor(sized.length / 2)];
  };
  return [await pick('objective', 'down'), await pick('project', 'up')] as const;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

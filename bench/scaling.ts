/**
 * How import, audit, trace, the map's opening view, export and the API's memory grow with the
 * size of one organisation (docs/scaling.md).
 *
 *   npm run build && npm run bench:scaling -- [--sizes 6000,60000,200000] [--caps 512,2048]
 *     [--runs 200] [--audit-runs 7] [--view-runs 9] [--export-runs 1] [--part-mb 32] [--port 3400] [--keep]
 *
 * For each size it generates the organisation (bench/out/portfolio-<n>.json, if missing), creates
 * a database of its own (`tl_scaling_<n>_<pid>`, dropped at the end unless --keep), and runs the
 * built API on it with the first heap cap of --caps (512 MiB, as `npm start` does). Then:
 *   - import: the whole document in one `POST /api/portfolio/import`; if the API refuses it
 *     (413: over its body limit) or dies, the same document in parts of at most --part-mb each
 *     (units and nodes first, then links, then check-ins; the import is idempotent per key and
 *     reads the nodes already there), on a fresh database; then VACUUM ANALYZE and the sizes;
 *   - on a freshly started API: the trace down from the objective whose chain is the median
 *     size among the first 400 active objectives and up from the median project (medians of
 *     --runs after 20 warm-up runs), the map's opening view (`scope=auto&limit=2000`), the audit
 *     (cold = the first request of the process, then after a write; warm = nothing changed),
 *     coverage, the map opened right after a write (view, audit and coverage at once), the
 *     export of the whole organisation, and what the audit's snapshot costs the database (the
 *     API's own reader, through `pg`);
 *   - for every step the API's peak resident size (VmHWM), heap (bench/lib/memory-probe.mjs;
 *     and what is left after a full collection), the CPU the API and PostgreSQL's backends
 *     spent per request (bench/lib/process-cpu.ts), and the 1-minute load average before and after.
 * When the API dies during a step (e.g. V8's heap limit), the failure is recorded with the last
 * memory sample and the step runs again under the next cap of --caps, to show the growth curve.
 * Everything goes to the console, as a markdown table at the end, and to bench/out/scaling-<time>.json.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { TopologyRepository } from '../apps/api/src/topology/topology.repository.js';
import type { Db } from '../apps/api/src/platform/database/db.js';
// The API's conversions of numeric, bigint and date values, so the direct read is the API's.
import '../apps/api/src/platform/database/pg-types.js';
import { ApiMemory, probeNodeOptions, type MemoryPeaks } from './lib/api-memory.js';
import { CpuMeter, type CpuUse } from './lib/process-cpu.js';
import { freshDatabase, SERVER_URL, startApi, summarise, type RunningApi } from './lib/api-server.js';
import { withAuth } from './lib/credentials.js';
import { closeHttpClient, get } from './lib/http-client.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '6000,60000,200000' },
    caps: { type: 'string', default: '512,2048' },
    runs: { type: 'string', default: '200' },
    'audit-runs': { type: 'string', default: '7' },
    'view-runs': { type: 'string', default: '9' },
    'export-runs': { type: 'string', default: '1' },
    'part-mb': { type: 'string', default: '32' },
    port: { type: 'string', default: '3400' },
    keep: { type: 'boolean', default: false },
  },
});
const SIZES = values.sizes.split(',').map(Number);
const CAPS = values.caps.split(',').map(Number);
const RUNS = Number(values.runs);
const AUDIT_RUNS = Number(values['audit-runs']);
const VIEW_RUNS = Number(values['view-runs']);
const EXPORT_RUNS = Number(values['export-runs']);
const PART_BYTES = Number(values['part-mb']) * 1e6;
const PORT = Number(values.port);
const WARMUP = 20;
if ([...SIZES, ...CAPS, RUNS, AUDIT_RUNS, VIEW_RUNS, EXPORT_RUNS, PART_BYTES].some((n) => !(n > 0))) {
  console.error('usage: npm run bench:scaling -- [--sizes 6000,60000,200000] [--caps 512,2048] [--runs 200] …');
  process.exit(2);
}

const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const PROBE_FILE = `${OUT}memory-probe-${process.pid}.json`;
/** The API's stderr, one file per start (its warnings, and V8's last words when it runs out of heap). */
const apiLog = (start: number) => `${OUT}scaling-api-${process.pid}-${start}.log`;
let apiStarts = 0;
process.env.MEMORY_PROBE_FILE = PROBE_FILE; // handed to the API through startApi's environment
const memory = new ApiMemory(PROBE_FILE);

/** One measured step of one size under one heap cap. */
interface StepResult {
  nodes: number;
  step: string;
  capMiB: number;
  ok: boolean;
  /** The step's figures: times in ms, sizes in bytes, counts. */
  figures: Record<string, number | string>;
  memory?: MemoryPeaks;
  /** 1-minute load average before and after the step. */
  load: [number, number];
  failure?: string;
}

const results: StepResult[] = [];
const load1 = () => Number(loadavg()[0].toFixed(2));
const round = (x: number) => Math.round(x * 100) / 100;

/** The API of the size being measured: restarted when its cap must change or it died. */
class Api {
  running?: RunningApi;
  cap = 0;
  log = '';

  constructor(private readonly databaseUrl: string) {}

  get pid(): number {
    return this.running!.process.pid!;
  }

  alive(): boolean {
    const child = this.running?.process;
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  async ensure(cap: number): Promise<void> {
    if (this.alive() && this.cap === cap) return;
    await this.stop();
    rmSync(PROBE_FILE, { force: true });
    rmSync(`${PROBE_FILE}.phase`, { force: true });
    this.log = apiLog(++apiStarts);
    const log = openSync(this.log, 'w');
    try {
      this.running = await startApi(
        this.databaseUrl,
        PORT,
        [`--max-old-space-size=${cap}`, ...probeNodeOptions()],
        log,
      );
    } finally {
      closeSync(log); // the child holds its own copy
    }
    this.cap = cap;
    const health = await fetch(`${this.url}/api/health`, withAuth()).catch(() => undefined);
    if (!health?.ok) throw new Error(`the API did not become healthy (cap ${cap} MiB)`);
  }

  /** How it ended, once it is no longer alive. */
  /** How it ended, once it is no longer alive, with the first line V8 or Node printed about it. */
  death(): string {
    const child = this.running!.process;
    const how = child.signalCode
      ? `the API process was killed by ${child.signalCode}`
      : `the API exited with ${child.exitCode}`;
    const log = existsSync(this.log) ? readFileSync(this.log, 'utf8') : '';
    const last = /FATAL ERROR[^\n]*|RangeError[^\n]*|Error:[^\n]*/.exec(log)?.[0];
    return last ? `${how}: "${last.trim()}"` : how;
  }

  /** The last warnings and errors the API logged (pino JSON lines on stderr), for a failure's record. */
  warnings(count = 2): string[] {
    const log = existsSync(this.log) ? readFileSync(this.log, 'utf8') : '';
    const lines: string[] = [];
    for (const line of log.split('\n')) {
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
        if ((entry.level ?? 0) >= 40 && entry.msg !== 'request completed')
          lines.push([entry.msg, entry.err?.message].filter(Boolean).join(': '));
      } catch {
        // not a log line
      }
    }
    return lines.slice(-count);
  }

  get url(): string {
    return this.running!.url;
  }

  async stop(): Promise<void> {
    if (this.alive()) await this.running!.stop();
    this.running = undefined;
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const started = new Date();
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
      `server ${new URL(SERVER_URL).host}; sizes ${SIZES.join(', ')}; heap caps ${CAPS.join(', ')} MiB; load ${load1()}`,
  );
  try {
    for (const nodes of SIZES) await measureSize(nodes);
  } finally {
    closeHttpClient();
    rmSync(PROBE_FILE, { force: true });
    rmSync(`${PROBE_FILE}.phase`, { force: true });
    for (let start = 1; start <= apiStarts; start++) rmSync(apiLog(start), { force: true });
    const file = `${OUT}scaling-${started.toISOString().replace(/[:.]/g, '-')}.json`;
    writeFileSync(file, JSON.stringify({ started, sizes: SIZES, caps: CAPS, results }, null, 2));
    printTable();
    console.log(`results: ${file}`);
  }
}

async function measureSize(nodes: number) {
  const documentPath = ensureDocument(nodes);
  const name = `tl_scaling_${nodes}_${process.pid}`;
  let url = await freshDatabase(name);
  const api = new Api(url);
  let client = await connect(url);
  try {
    // Import, under each cap in turn until one fits.
    const body = readFileSync(documentPath);
    let wholeRefused = false;
    let imported = false;
    attempts: for (const [attempt, cap] of CAPS.entries()) {
      for (const mode of ['whole', 'parts'] as const) {
        if (mode === 'whole' && wholeRefused) continue;
        if (attempt > 0 || mode === 'parts') {
          // Whatever a failed attempt committed goes, so every attempt starts from nothing.
          await api.stop();
          await client.end();
          url = await freshDatabase(name);
          client = await connect(url);
        }
        await api.ensure(cap);
        const cpu = new CpuMeter(client, () => api.pid);
        const result = await step(
          api,
          nodes,
          `import (${mode === 'whole' ? 'one request' : 'in parts'})`,
          cap,
          async () => {
            const { value, apiMs, dbMs } = await cpu.measure(() =>
              mode === 'whole' ? importWhole(api, body) : importParts(api, body),
            );
            return { ...value, apiCpuMs: round(apiMs), dbCpuMs: round(dbMs) };
          },
        );
        imported = result.ok;
        if (result.ok) break attempts;
        if (mode === 'whole' && /^413/.test(result.failure ?? '')) wholeRefused = true;
      }
    }
    await api.stop();
    if (!imported) {
      console.log(`  ${nodes.toLocaleString('en-GB')} nodes: no import succeeded under any cap; nothing to read`);
      return;
    }

    const vacuum = performance.now();
    await client.query('VACUUM ANALYZE');
    const sizes = await databaseSizes(client);
    record({
      nodes,
      step: 'database',
      capMiB: 0,
      ok: true,
      figures: { vacuumAnalyzeMs: round(performance.now() - vacuum), ...sizes },
      load: [load1(), load1()],
    });
    console.log(`  database: ${JSON.stringify(sizes)}`);

    const orgId = (await client.query<{ id: string }>(`SELECT id FROM organisations WHERE slug = 'default'`)).rows[0]
      .id;
    // Reads on a freshly started API: nothing of the import left in its heap.
    await api.ensure(CAPS[0]);
    record({
      nodes,
      step: 'idle API',
      capMiB: CAPS[0],
      ok: true,
      figures: { residentMiB: round(ApiMemory.residentMiB(api.pid)) },
      load: [load1(), load1()],
    });
    const cpu = new CpuMeter(client, () => api.pid);
    await readStep(api, nodes, 'trace', () => traces(api, client, orgId, cpu));
    await readStep(api, nodes, 'opening view', () => openingView(api, cpu));
    await readStep(api, nodes, 'audit', () => audit(api, client, orgId, cpu));
    await readStep(api, nodes, 'coverage', () => coverage(api, client, orgId, cpu));
    await readStep(api, nodes, 'map opened after a write', () => mapAfterWrite(api, client, orgId, cpu));
    await readStep(api, nodes, 'export', () => exportAll(api, cpu));
    const direct = performance.now();
    record({
      nodes,
      step: 'audit snapshot, direct',
      capMiB: 0,
      ok: true,
      figures: await snapshotCost(client, orgId, cpu),
      load: [load1(), load1()],
    });
    console.log(`  direct snapshot costs measured in ${((performance.now() - direct) / 1000).toFixed(1)} s`);
  } finally {
    await api.stop();
    await client.end().catch(() => undefined);
    if (!values.keep) await dropDatabase(name);
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, options: '-c jit=off' });
  await client.connect();
  return client;
}

/** A read step under the first cap; if the API dies, again under each larger cap. */
async function readStep(api: Api, nodes: number, name: string, work: () => Promise<Record<string, number | string>>) {
  for (const cap of CAPS) {
    await api.ensure(cap);
    const result = await step(api, nodes, name, cap, work);
    if (result.ok || api.alive()) return;
  }
}

/** Runs one step, with the API's memory and the load around it; a failure is recorded, not thrown. */
async function step(
  api: Api,
  nodes: number,
  name: string,
  cap: number,
  work: () => Promise<Record<string, number | string>>,
): Promise<StepResult> {
  const before = load1();
  const started = performance.now();
  await memory.begin(api.pid);
  let result: StepResult;
  try {
    const figures = await work();
    result = {
      nodes,
      step: name,
      capMiB: cap,
      ok: true,
      figures,
      memory: await memory.end(api.pid),
      load: [before, 0],
    };
  } catch (error) {
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the exit of a dying API arrive
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const message = error instanceof Error ? error.message : String(error);
    const alive = api.alive();
    result = {
      nodes,
      step: name,
      capMiB: cap,
      ok: false,
      figures: { failedAfterMs: round(performance.now() - started) },
      memory: alive ? await memory.end(api.pid) : memory.afterCrash(),
      load: [before, 0],
      failure:
        (alive ? message : `${api.death()} after ${seconds} s (${message})`) +
        (api.warnings().length ? `; the API logged: ${api.warnings().join(' | ')}` : ''),
    };
  }
  result.load[1] = load1();
  record(result);
  return result;
}

function record(result: StepResult) {
  results.push(result);
  const m = result.memory;
  console.log(
    `${result.nodes.toLocaleString('en-GB')} nodes | ${result.step}${result.capMiB ? ` | cap ${result.capMiB} MiB` : ''} | ` +
      (result.ok ? JSON.stringify(result.figures) : `FAILED: ${result.failure}`) +
      (m
        ? ` | peak RSS ${m.rssMiB.toFixed(0)} MiB, heap used ${m.heapUsedMiB.toFixed(0)} / committed ${m.heapTotalMiB.toFixed(0)} ` +
          `(limit ${m.heapLimitMiB.toFixed(0)}) MiB, external ${m.externalMiB.toFixed(0)} MiB` +
          (m.retainedMiB === undefined ? '' : `, retained after GC ${m.retainedMiB.toFixed(0)} MiB`) +
          (m.exact ? '' : ' (last sample before it died)')
        : '') +
      ` | load ${result.load[0]}→${result.load[1]}`,
  );
}

function ensureDocument(nodes: number): string {
  const path = `${OUT}portfolio-${nodes}.json`;
  if (!existsSync(path)) {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./generate.ts', import.meta.url)), '--nodes', String(nodes)],
      { stdio: 'inherit' },
    );
  }
  return path;
}

/**
 * POSTs a document with node's http client: no headers timeout (fetch gives up after 300 s,
 * which a large import on a busy machine exceeds), and an answer the server sends before it has
 * read the whole body (a 413) is still read even though it then closes the connection.
 */
function post(api: Api, body: Buffer<ArrayBuffer> | string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      `${api.url}/api/portfolio/import`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!answered) reject(new Error(`the connection failed before an answer: ${error.code ?? error.message}`));
    });
    req.end(body);
  });
}

async function importWhole(api: Api, body: Buffer<ArrayBuffer>) {
  const started = performance.now();
  const res = await post(api, body);
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${res.status} after ${ms.toFixed(0)} ms: ${res.text.slice(0, 300)}`);
  return { ms: round(ms), megabytes: round(body.length / 1e6), parts: 1 };
}

/**
 * The document in parts of at most PART_BYTES: units with the first nodes, the other nodes,
 * then links, then check-ins; each part a document of its own, which the import accepts because
 * it resolves keys against the nodes already in the organisation.
 */
async function importParts(api: Api, body: Buffer<ArrayBuffer>) {
  const document = JSON.parse(body.toString('utf8')) as Record<string, unknown[]> & { format: string };
  const parts: string[] = [];
  let current: Record<string, string[]> = { businessUnits: [], nodes: [], links: [], checkIns: [] };
  let bytes = 0;
  const flush = () => {
    parts.push(
      `{"format":${JSON.stringify(document.format)},` +
        Object.entries(current)
          .map(([section, items]) => `"${section}":[${items.join(',')}]`)
          .join(',') +
        '}',
    );
    current = { businessUnits: [], nodes: [], links: [], checkIns: [] };
    bytes = 0;
  };
  for (const section of ['businessUnits', 'nodes', 'links', 'checkIns']) {
    for (const item of document[section]) {
      const text = JSON.stringify(item);
      if (bytes + text.length + 1 > PART_BYTES - 200) flush();
      current[section].push(text);
      bytes += text.length + 1;
    }
    if (section !== 'businessUnits' && bytes > 0) flush(); // nodes before links, links before check-ins
  }
  const times: number[] = [];
  for (const [i, part] of parts.entries()) {
    const started = performance.now();
    const res = await post(api, part);
    times.push(performance.now() - started);
    if (res.status !== 200) {
      throw new Error(`part ${i + 1} of ${parts.length} answered ${res.status}: ${res.text.slice(0, 300)}`);
    }
  }
  return {
    ms: round(times.reduce((a, b) => a + b, 0)),
    megabytes: round(body.length / 1e6),
    parts: parts.length,
    largestPartMegabytes: round(Math.max(...parts.map((p) => Buffer.byteLength(p))) / 1e6),
    slowestPartMs: round(Math.max(...times)),
  };
}

async function timedGet(api: Api, path: string): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const res = await get(`${api.url}${path}`);
  const ms = performance.now() - started;
  if (res.status !== 200) {
    throw new Error(`GET ${path} answered ${res.status} after ${ms.toFixed(0)} ms: ${res.body.slice(0, 300)}`);
  }
  return { ms, body: res.body };
}

/** The median-sized chains, as bench/trace.ts picks them, but sized and timed through the API. */
/** CPU per request, ms, from a measurement over `count` requests. */
function perRequest(prefix: string, use: CpuUse, count: number) {
  return { [`${prefix}ApiCpuMs`]: round(use.apiMs / count), [`${prefix}DbCpuMs`]: round(use.dbMs / count) };
}

/** The median-sized chains, as bench/trace.ts picks them, but sized and timed through the API. */
async function traces(api: Api, client: pg.Client, orgId: string, cpu: CpuMeter) {
  const figures: Record<string, number | string> = {};
  for (const [kind, direction] of [
    ['objective', 'down'],
    ['project', 'up'],
  ] as const) {
    const { rows } = await client.query<{ id: string; key: string }>(
      `SELECT id, key FROM nodes WHERE org_id = $1 AND kind = $2 AND status = 'active' ORDER BY key LIMIT 400`,
      [orgId, kind],
    );
    const sized: { id: string; key: string; size: number }[] = [];
    for (const row of rows) {
      const { body } = await timedGet(api, `/api/graph/trace/${row.id}?direction=${direction}`);
      sized.push({ ...row, size: (JSON.parse(body) as { nodes: unknown[] }).nodes.length });
    }
    sized.sort((a, b) => a.size - b.size);
    const root = sized[Math.floor(sized.length / 2)];
    const path = `/api/graph/trace/${root.id}?direction=${direction}`;
    for (let i = 0; i < WARMUP; i++) await timedGet(api, path);
    const times: number[] = [];
    const use = await cpu.measure(async () => {
      for (let i = 0; i < RUNS; i++) times.push((await timedGet(api, path)).ms);
    });
    const s = summarise(times);
    Object.assign(figures, {
      [`${direction}Root`]: root.key,
      [`${direction}Nodes`]: root.size,
      [`${direction}MedianMs`]: round(s.median),
      [`${direction}P95Ms`]: round(s.p95),
      ...perRequest(direction, use, RUNS),
    });
  }
  return figures;
}

async function openingView(api: Api, cpu: CpuMeter) {
  const path = '/api/graph?scope=auto&limit=2000';
  const first = await timedGet(api, path);
  const times: number[] = [];
  const use = await cpu.measure(async () => {
    for (let i = 0; i < VIEW_RUNS; i++) times.push((await timedGet(api, path)).ms);
  });
  const view = JSON.parse(first.body) as { scope?: string; nodes?: unknown[]; links?: unknown[] };
  return {
    firstMs: round(first.ms),
    medianMs: round(summarise(times).median),
    ...perRequest('', use, VIEW_RUNS),
    bytes: Buffer.byteLength(first.body),
    scope: view.scope ?? '?',
    viewNodes: view.nodes?.length ?? 0,
    viewLinks: view.links?.length ?? 0,
  };
}

/** Runs `work`; a failure says which request it was. */
async function labelled<T>(label: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`${label}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** A write the API's fingerprint cannot miss (a new row version), as bench/audit.ts makes it. */
async function touch(client: pg.Client, orgId: string) {
  await client.query(
    `UPDATE nodes SET updated_at = updated_at WHERE id = (SELECT id FROM nodes WHERE org_id = $1 LIMIT 1)`,
    [orgId],
  );
}

/**
 * Cold = the process's first request ("first"), then the first after a write ("cold"); warm =
 * nothing changed. Times are medians; CPU is the mean per request of its kind.
 */
async function coldAndWarm(api: Api, client: pg.Client, orgId: string, path: string, cpu: CpuMeter) {
  const first = await labelled('the first request', () => cpu.measure(() => timedGet(api, path)));
  const cold: number[] = [];
  const warm: number[] = [];
  const coldUse: CpuUse = { apiMs: 0, dbMs: 0 };
  const warmUse: CpuUse = { apiMs: 0, dbMs: 0 };
  const add = (sum: CpuUse, use: CpuUse) => {
    sum.apiMs += use.apiMs;
    sum.dbMs += use.dbMs;
  };
  for (let i = 0; i < AUDIT_RUNS; i++) {
    await touch(client, orgId);
    const c = await labelled(`cold request ${i + 1} of ${AUDIT_RUNS}`, () => cpu.measure(() => timedGet(api, path)));
    cold.push(c.value.ms);
    add(coldUse, c);
    const w = await labelled(`warm request ${i + 1} of ${AUDIT_RUNS}`, () => cpu.measure(() => timedGet(api, path)));
    warm.push(w.value.ms);
    add(warmUse, w);
  }
  return {
    body: first.value.body,
    figures: {
      firstMs: round(first.value.ms),
      ...perRequest('first', first, 1),
      coldMs: round(summarise(cold).median),
      ...perRequest('cold', coldUse, AUDIT_RUNS),
      warmMs: round(summarise(warm).median),
      ...perRequest('warm', warmUse, AUDIT_RUNS),
      bytes: Buffer.byteLength(first.value.body),
    },
  };
}

async function audit(api: Api, client: pg.Client, orgId: string, cpu: CpuMeter) {
  const { body, figures } = await coldAndWarm(api, client, orgId, '/api/audit', cpu);
  return { ...figures, findings: (JSON.parse(body) as { findings: unknown[] }).findings.length };
}

async function coverage(api: Api, client: pg.Client, orgId: string, cpu: CpuMeter) {
  return (await coldAndWarm(api, client, orgId, '/api/coverage', cpu)).figures;
}

/**
 * What the map does when it opens: the view, the audit and coverage requested at once — here
 * right after a write, so the audit and coverage both find the graph changed and load it (the
 * cache does not share a load in flight). Separate connections; each request's time, and the
 * time until the last answer.
 */
async function mapAfterWrite(api: Api, client: pg.Client, orgId: string, cpu: CpuMeter) {
  await touch(client, orgId);
  const started = performance.now();
  const timed = async (path: string) => {
    const res = await fetch(`${api.url}${path}`, withAuth());
    const text = await res.text();
    const ms = performance.now() - started;
    if (res.status !== 200)
      throw new Error(`GET ${path} answered ${res.status} after ${ms.toFixed(0)} ms: ${text.slice(0, 300)}`);
    return ms;
  };
  const use = await cpu.measure(() =>
    Promise.all([timed('/api/graph?scope=auto&limit=2000'), timed('/api/audit'), timed('/api/coverage')]),
  );
  const [view, auditMs, coverageMs] = use.value;
  return {
    viewMs: round(view),
    auditMs: round(auditMs),
    coverageMs: round(coverageMs),
    allMs: round(Math.max(view, auditMs, coverageMs)),
    ...perRequest('all', use, 1),
  };
}

async function exportAll(api: Api, cpu: CpuMeter) {
  const times: number[] = [];
  let bytes = 0;
  const use = await cpu.measure(async () => {
    for (let i = 0; i < EXPORT_RUNS; i++) {
      const { ms, body } = await timedGet(api, '/api/portfolio/export');
      times.push(ms);
      bytes = Buffer.byteLength(body);
    }
  });
  return { medianMs: round(summarise(times).median), ...perRequest('', use, EXPORT_RUNS), runs: times.length, bytes };
}

/**
 * What one audit costs the database, read with the API's own snapshot code through `pg` on one
 * connection: the whole topology (a cold audit) and the fingerprint and settings alone (a warm
 * one); wall time, and the CPU of this connection's backend.
 */
async function snapshotCost(client: pg.Client, orgId: string, cpu: CpuMeter) {
  const db = {
    dataSource: { driver: { obtainMasterConnection: async () => [client, () => undefined] } },
  } as unknown as Db;
  const graphs = new TopologyRepository(db);
  const full: number[] = [];
  const fingerprintOnly: number[] = [];
  let fullCpu = 0;
  let fingerprintCpu = 0;
  const runs = 5;
  for (let i = 0; i <= runs; i++) {
    let cpuBefore = await cpu.ownBackendMs();
    let started = performance.now();
    const { fingerprint } = await graphs.snapshot(orgId);
    if (i > 0) {
      full.push(performance.now() - started);
      fullCpu += (await cpu.ownBackendMs()) - cpuBefore;
    }
    cpuBefore = await cpu.ownBackendMs();
    started = performance.now();
    await graphs.snapshot(orgId, fingerprint);
    if (i > 0) {
      fingerprintOnly.push(performance.now() - started);
      fingerprintCpu += (await cpu.ownBackendMs()) - cpuBefore;
    }
  }
  return {
    topologyReadMs: round(summarise(full).median),
    topologyReadDbCpuMs: round(fullCpu / runs),
    fingerprintReadMs: round(summarise(fingerprintOnly).median),
    fingerprintReadDbCpuMs: round(fingerprintCpu / runs),
  };
}

async function databaseSizes(client: pg.Client) {
  const { rows } = await client.query<Record<string, string>>(
    `SELECT pg_database_size(current_database()) AS database,
            pg_total_relation_size('nodes') AS nodes, pg_total_relation_size('links') AS links,
            pg_total_relation_size('change_log') AS change_log,
            pg_total_relation_size('key_result_check_ins') AS check_ins,
            (SELECT count(*) FROM nodes) AS node_rows, (SELECT count(*) FROM links) AS link_rows,
            (SELECT count(*) FROM change_log) AS change_log_rows`,
  );
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
}

/** Drops a database this run created (by its own name only). */
async function dropDatabase(name: string) {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

const mib = (bytes: number | string) => `${(Number(bytes) / 2 ** 20).toFixed(0)} MiB`;

/** One line per size and step: the figures for docs/scaling.md. */
function printTable() {
  console.log('\n| nodes | step | cap | result | peak RSS | heap used / committed (retained after GC) | load |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) {
    const m = r.memory;
    const figures = r.ok
      ? Object.entries(r.figures)
          .map(
            ([k, v]) =>
              `${k} ${typeof v === 'number' && /^(database|nodes|links|change_log|check_ins)$/.test(k) ? mib(v) : v}`,
          )
          .join(', ')
      : `**failed**: ${r.failure}`;
    console.log(
      `| ${r.nodes.toLocaleString('en-GB')} | ${r.step} | ${r.capMiB || '—'} | ${figures} | ` +
        `${m ? `${m.rssMiB.toFixed(0)} MiB` : '—'} | ${m ? `${m.heapUsedMiB.toFixed(0)} / ${m.heapTotalMiB.toFixed(0)} MiB${m.retainedMiB === undefined ? '' : ` (retained ${m.retainedMiB.toFixed(0)})`}` : '—'} | ` +
        `${r.load[0]}→${r.load[1]} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

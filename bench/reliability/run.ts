/**
 * The reliability suite (issue 8, item 7): `npm run test:reliability` builds, then runs this.
 *
 *   tsx bench/reliability/run.ts [--only load,fuzz] [--seed N] [--rate 50] [--seconds 60]
 *                                [--fuzz-requests 5000] [--record]
 *
 * Starts its own PostgreSQL cluster and the built API (as `npm start` runs it) on 127.0.0.1,
 * imports the generated 6,000-node organisation, then runs each item in turn and prints one
 * PASS/FAIL line per item (figures indented below it) and a closing summary line; exits 1 if
 * any item failed. Progress goes to stderr, the API's logs to bench/out/reliability/api*.log.
 * `--record` writes the figures into docs/reliability.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { ANCHOR_DATE } from '../lib/dates.js';
import { generatePortfolio } from '../lib/synthetic/portfolio-builder.js';
import { backupRestoreItem } from './backup-restore.js';
import { databaseRestartItem } from './database-restart.js';
import { fuzzItem } from './fuzz.js';
import { hostileBodiesItem } from './hostile-bodies.js';
import { ApiProcess } from './lib/api-process.js';
import { adminQuery, databaseName, openCluster, type Cluster } from './lib/cluster.js';
import { outcome, send, sendJson } from './lib/http.js';
import { duration } from './lib/stats.js';
import type { Item, ItemResult, Outcome, Suite, Table } from './lib/suite.js';
import { Workload } from './lib/workload.js';
import { loadItem } from './load.js';
import { sigtermItem } from './sigterm.js';
import { slowlorisItem } from './slowloris.js';
import { terminateConnectionsItem } from './terminate-connections.js';

const ITEMS: Item[] = [
  loadItem,
  databaseRestartItem,
  terminateConnectionsItem,
  slowlorisItem,
  hostileBodiesItem,
  sigtermItem,
  backupRestoreItem,
  fuzzItem,
];
/** Past this, the items not yet run fail as "not run" (the suite aims at ≤ 12 minutes). */
const SUITE_BUDGET_MS = 15 * 60_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'bench', 'out', 'reliability');
const DOC = join(ROOT, 'docs', 'reliability.md');

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    seed: { type: 'string' },
    rate: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    'fuzz-requests': { type: 'string', default: '5000' },
    record: { type: 'boolean', default: false },
  },
});
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const only = values.only?.split(',').map((id) => id.trim());
const unknown = only?.filter((id) => !ITEMS.some((item) => item.id === id)) ?? [];
if (unknown.length || !Number.isInteger(seed)) {
  console.error(`usage: run.ts [--only ${ITEMS.map((i) => i.id).join(',')}] [--seed <integer>] [--record] …`);
  process.exit(2);
}
const selected = ITEMS.filter((item) => !only || only.includes(item.id));

const progress = (text: string) => process.stderr.write(`· ${text}\n`);

function printTable(table: Table, indent = '    ') {
  const widths = table.head.map((h, i) => Math.max(h.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => (c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(line(table.head));
  for (const row of table.rows) console.log(line(row));
}

function printResult(result: ItemResult) {
  console.log(
    `${result.pass ? 'PASS' : 'FAIL'}  ${result.id.padEnd(15)} ${result.summary}  (${result.seconds.toFixed(0)} s)`,
  );
  for (const detail of result.details) console.log(`    ${detail}`);
  if (result.table) printTable(result.table);
}

async function withBudget(item: Item, suite: Suite): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<Outcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ pass: false, summary: `did not finish within ${item.budgetMs / 1000} s`, details: [] }),
      item.budgetMs,
    );
  });
  try {
    return await Promise.race([
      item.run(suite).catch((error: unknown): Outcome => ({
        pass: false,
        summary: `the item could not run: ${error instanceof Error ? error.message : String(error)}`,
        details: [],
      })),
      overrun,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until the API answers health quickly (3 times in a row within 200 ms, up to 60 s): an item
 * that overloaded it leaves requests its clients gave up on still running, and the next item
 * must not be measured against that backlog. Says how long it waited, if it did.
 */
async function settle(suite: Suite): Promise<string | undefined> {
  const started = performance.now();
  for (let quick = 0; performance.now() - started < 60_000;) {
    const answer = await send(`${suite.api.url}/api/health`, { agent: false, timeoutMs: 10_000 });
    quick = answer.status === 200 && answer.ms < 200 ? quick + 1 : 0;
    if (quick >= 3) {
      const waited = performance.now() - started;
      return waited > 2_000 ? `started once the API had settled from the item before (${duration(waited)})` : undefined;
    }
    await sleep(200);
  }
  return 'started although the API had not settled after 60 s (health not answered within 200 ms three times in a row)';
}

function machine() {
  const commit = (() => {
    try {
      const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
      const dirty = execFileSync(
        'git',
        ['status', '--porcelain', '--untracked-files=no', 'apps', 'libs', 'migrations'],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      ).trim();
      return dirty ? `${head} with uncommitted changes in apps/libs/migrations` : head;
    } catch {
      return 'unknown';
    }
  })();
  return {
    cpu: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    commit,
  };
}

const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function main() {
  const began = performance.now();
  const startedAt = new Date();
  const loadBefore = loadAverage();
  mkdirSync(OUT, { recursive: true });
  for (const log of ['api.log', 'api-fuzz.log']) writeFileSync(join(OUT, log), '');
  progress(`seed ${seed}; items: ${selected.map((i) => i.id).join(', ')}; logs in ${OUT}`);

  let cluster: Cluster | undefined;
  let suite: Suite | undefined;
  const results: ItemResult[] = [];
  let setup = '';
  let postgres = '';
  const cleanUp = async () => {
    await suite?.api.stop().catch(() => undefined);
    await cluster?.close().catch((error: unknown) => progress(`clean-up: ${String(error)}`));
  };
  process.once('SIGINT', () => {
    progress('interrupted: cleaning up');
    void cleanUp().finally(() => process.exit(130));
  });

  try {
    cluster = await openCluster();
    const database = databaseName('main');
    const databaseUrl = await cluster.createDatabase(database);
    postgres = (
      await adminQuery<{ version: string }>(databaseUrl, `SELECT current_setting('server_version') AS version`)
    ).rows[0].version;
    progress(`PostgreSQL ${postgres}: ${cluster.description}`);
    const api = await ApiProcess.start(databaseUrl, join(OUT, 'api.log'));
    progress(`API pid ${api.pid} at ${api.url}`);

    const document = generatePortfolio({ nodes: 6000, seed: 42, anchor: ANCHOR_DATE });
    const body = JSON.stringify(document);
    const importStarted = performance.now();
    const imported = await sendJson(`${api.url}/api/portfolio/import`, 'POST', body, 300_000);
    if (imported.status !== 200) {
      throw new Error(
        `the import of the 6,000-node organisation answered ${outcome(imported)}: ${imported.body.toString().slice(0, 300)}`,
      );
    }
    setup =
      `${document.nodes.length.toLocaleString('en-GB')} nodes, ${document.links.length.toLocaleString('en-GB')} links, ` +
      `${document.checkIns.length} check-ins (bench generator, seed 42) imported through POST /api/portfolio/import ` +
      `(${(body.length / 1e6).toFixed(1)} MB) in ${duration(performance.now() - importStarted)}`;
    progress(setup);

    const workload = await Workload.load(api.url, seed);
    for (const planned of workload.warmUp()) await send(`${api.url}${planned.path}`, { timeoutMs: 30_000 });
    const current = { api };
    suite = {
      cluster,
      database,
      databaseUrl,
      get api() {
        return current.api;
      },
      set api(value: ApiProcess) {
        current.api = value;
      },
      async restartApi() {
        current.api = await ApiProcess.start(databaseUrl, join(OUT, 'api.log'));
        return current.api;
      },
      workload,
      outDir: OUT,
      seed,
      rate: Number(values.rate),
      loadSeconds: Number(values.seconds),
      fuzzRequests: Number(values['fuzz-requests']),
      progress,
    };

    for (const item of selected) {
      const itemStarted = performance.now();
      let result: Outcome;
      if (performance.now() - began > SUITE_BUDGET_MS) {
        result = {
          pass: false,
          summary: `not run: the suite's ${SUITE_BUDGET_MS / 60_000} minutes are spent`,
          details: [],
        };
      } else {
        const settled = await settle(suite);
        progress(`${item.id}: ${item.title}…`);
        result = await withBudget(item, suite);
        if (settled) result.details.unshift(settled);
      }
      if (!suite.api.alive) {
        const ending = suite.api.ending;
        await suite.api.stop(1_000);
        await suite.restartApi();
        result.details.push(`the API had ended (${ending}); restarted as pid ${suite.api.pid} for the next items`);
      }
      const full: ItemResult = {
        ...result,
        id: item.id,
        title: item.title,
        target: item.target,
        seconds: (performance.now() - itemStarted) / 1000,
      };
      results.push(full);
      printResult(full);
    }
  } catch (error) {
    console.log(`FAIL  ${'setup'.padEnd(15)} ${error instanceof Error ? error.message : String(error)}`);
    results.push({
      id: 'setup',
      title: 'Set-up',
      target: '',
      pass: false,
      summary: String(error),
      details: [],
      seconds: 0,
    });
  } finally {
    await cleanUp();
  }

  const elapsed = (performance.now() - began) / 1000;
  const failed = results.filter((r) => !r.pass);
  const loadAfter = loadAverage();
  console.log(
    `reliability: ${results.length - failed.length} of ${results.length} passed` +
      (failed.length ? ` (FAIL: ${failed.map((r) => r.id).join(', ')})` : '') +
      ` in ${Math.floor(elapsed / 60)} min ${Math.round(elapsed % 60)} s; seed ${seed}; load average ${loadBefore} before, ${loadAfter} after`,
  );
  const run = {
    date: startedAt.toISOString(),
    seconds: elapsed,
    seed,
    loadBefore,
    loadAfter,
    machine: machine(),
    postgres,
    cluster: cluster?.description ?? '',
    setup,
    results,
  };
  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(run, null, 2)}\n`);
  if (values.record) record(run);
  process.exit(failed.length ? 1 : 0);
}

const START = '<!-- reliability:figures:start -->';
const END = '<!-- reliability:figures:end -->';

/** Rewrites the figures section of docs/reliability.md (between its markers) from this run. */
function record(run: {
  date: string;
  seconds: number;
  seed: number;
  loadBefore: string;
  loadAfter: string;
  machine: ReturnType<typeof machine>;
  postgres: string;
  cluster: string;
  setup: string;
  results: ItemResult[];
}) {
  const lines = [
    START,
    '',
    `Run of ${run.date.slice(0, 16).replace('T', ' ')} UTC: **${run.results.filter((r) => r.pass).length} of ${run.results.length} passed** ` +
      `in ${Math.floor(run.seconds / 60)} min ${Math.round(run.seconds % 60)} s (seed ${run.seed}).`,
    '',
    `- Machine: ${run.machine.cpu}, ${run.machine.memory}; Node ${run.machine.node}; PostgreSQL ${run.postgres} (${run.cluster}).`,
    `- Load average (1, 5, 15 min): ${run.loadBefore} before the run, ${run.loadAfter} after it (the machine is shared).`,
    `- Build: commit ${run.machine.commit}.`,
    `- Organisation: ${run.setup}.`,
    '',
  ];
  for (const result of run.results) {
    lines.push(
      `### ${result.pass ? 'PASS' : 'FAIL'} — ${result.title} (\`${result.id}\`, ${result.seconds.toFixed(0)} s)`,
      '',
    );
    lines.push(result.summary.replace(/\|/g, '\\|'), '');
    for (const detail of result.details) lines.push(`- ${detail.replace(/\|/g, '\\|')}`);
    if (result.details.length) lines.push('');
    if (result.table) {
      const cell = (c: string) => (c ?? '').replace(/\|/g, '\\|');
      lines.push(`| ${result.table.head.map(cell).join(' | ')} |`);
      lines.push(`|${result.table.head.map(() => '---').join('|')}|`);
      for (const row of result.table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
      lines.push('');
    }
  }
  lines.push(END);
  const text = readFileSync(DOC, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < 0) throw new Error(`${DOC} has no ${START} … ${END} section`);
  writeFileSync(DOC, text.slice(0, from) + lines.join('\n') + text.slice(to + END.length));
  progress(`figures written to ${DOC}`);
}

void main();

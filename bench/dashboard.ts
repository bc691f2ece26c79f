/**
 * The executive dashboard's load time in headless Chromium (Debian's, like the e2e tests), on a
 * synthetic organisation imported through the API (issue 12: ≤ 1 s for 6,000 nodes).
 *
 *   npm run build && npx tsx bench/dashboard.ts [--nodes 6000] [--runs 7] [--port 3410] [--reuse]
 *
 * Each run is a fresh browser context (nothing cached, signed in as the bench account through a
 * bearer header) that opens /dashboard; "figures" is the moment the headline figures are visible,
 * "heatmap" the moment the heatmap's table is drawn, both from navigation start. Also reported:
 * the `GET /api/dashboard` request alone (browser resource timing), and both moments as the page itself records them
 * (the frame after each entered the DOM: no polling from outside). Prints medians and writes
 * bench/out/dashboard-<nodes>.json; docs/performance.md, "Dashboard", records the figures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { databaseExists, databaseUrl, freshDatabase, startApi, summarise } from './lib/api-server.js';
import { authHeaders, withAuth } from './lib/credentials.js';
import { CPU_THROTTLE_OPTION, throttleCpu, throttleNote } from './lib/cpu-throttle.js';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '6000' },
    runs: { type: 'string', default: '7' },
    port: { type: 'string', default: '3410' },
    reuse: { type: 'boolean', default: false },
    // One more run with Chromium's tracing on: its main thread's time by kind of work, and the page's requests.
    trace: { type: 'boolean', default: false },
    /** Slow the page's CPU N times (bench/lib/cpu-throttle.ts). */
    'cpu-throttle': CPU_THROTTLE_OPTION,
  },
});
const throttle = Number(values['cpu-throttle']);
const nodes = Number(values.nodes);
const runs = Number(values.runs);
const database = `tl_bench_dashboard_${nodes}`;
const documentPath = fileURLToPath(new URL(`./out/portfolio-${nodes}.json`, import.meta.url));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

interface Run {
  figures: number;
  heatmap: number;
  /** The frame after the figures, and the heatmap's first row, entered the DOM (recorded in the page, see PAINTED). */
  figuresPainted: number;
  heatmapPainted: number;
  apiRequest: number;
  scriptDone: number;
}

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
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    if (!reuse) {
      const res = await fetch(
        `${api.url}/api/portfolio/import`,
        withAuth({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: readFileSync(documentPath) }),
      );
      if (!res.ok) throw new Error(`import failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
    }
    await measure(browser, api.url); // warm the API and the machine; not counted
    const measured: Run[] = [];
    for (let i = 0; i < runs; i++) measured.push(await measure(browser, api.url));
    // A paint the page did not report (Element Timing missed it) is left out of its median, not counted as 0.
    const median = (pick: (r: Run) => number) =>
      Math.round(summarise(measured.map(pick).filter((v) => Number.isFinite(v))).median);
    const p95 = (pick: (r: Run) => number) => Math.round(summarise(measured.map(pick)).p95);
    console.log(
      `dashboard of ${nodes.toLocaleString('en-GB')} nodes, ${runs} runs${throttleNote(throttle)}: headline figures visible ${median((r) => r.figures)} ms ` +
        `(p95 ${p95((r) => r.figures)}), heatmap drawn ${median((r) => r.heatmap)} ms; GET /api/dashboard ` +
        `${median((r) => r.apiRequest)} ms; page script ${median((r) => r.scriptDone)} ms; ` +
        `painted (in-page): figures ${median((r) => r.figuresPainted)} ms, heatmap ${median((r) => r.heatmapPainted)} ms`,
    );
    const out = fileURLToPath(new URL(`./out/dashboard-${nodes}.json`, import.meta.url));
    writeFileSync(out, JSON.stringify({ nodes, runs, cpus: cpus().length, measured }, null, 2));
    if (values.trace) await traced(browser, api.url);
  } finally {
    await browser.close();
    await api.stop();
  }
}

/**
 * Runs in the page before its own scripts: when the headline's first figure and the heatmap's first row are painted,
 * from the Element Timing API (the page marks them with `elementtiming`). Unlike the waits below, which poll from
 * outside, this does not include Playwright's round trips or wait for the main thread to be free again.
 */
const PAINTED = `(() => {
  const marks = (window.__dashboardMarks = {});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const name = e.identifier === 'dashboard-figure-coverage' ? 'figures' : e.identifier === 'dashboard-heatmap-row' ? 'heatmap' : null;
      if (name && !(marks[name] <= e.renderTime)) marks[name] = e.renderTime;
    }
  }).observe({ type: 'element', buffered: true });
})();`;

async function measure(browser: Browser, base: string): Promise<Run> {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    extraHTTPHeaders: authHeaders(),
  });
  await context.addInitScript(PAINTED);
  const page = await context.newPage();
  try {
    await throttleCpu(context, page, throttle);
    await page.goto(`${base}/dashboard`);
    await page.getByTestId('figure-coverage').waitFor({ state: 'visible', timeout: 60_000 });
    const figures = await page.evaluate(() => performance.now());
    await page.locator('table.heatmap tbody tr').first().waitFor({ timeout: 60_000 });
    const heatmap = await page.evaluate(() => performance.now());
    const timings = (await page.evaluate(`(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const api = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/dashboard'));
      return { scriptDone: nav ? nav.domContentLoadedEventEnd : NaN, apiRequest: api ? api.responseEnd - api.startTime : NaN };
    })()`)) as { scriptDone: number; apiRequest: number };
    await page
      .waitForFunction('window.__dashboardMarks.figures > 0 && window.__dashboardMarks.heatmap > 0', undefined, {
        timeout: 5_000,
      })
      .catch(() => undefined);
    const marks = (await page.evaluate('window.__dashboardMarks')) as { figures: number; heatmap: number };
    return {
      figures,
      heatmap,
      figuresPainted: marks.figures ?? NaN,
      heatmapPainted: marks.heatmap ?? NaN,
      ...timings,
    };
  } finally {
    await context.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: unknown };
}

/**
 * One run with Chromium's tracing: the renderer main thread's time from navigation start until the heatmap is drawn,
 * by kind of work (each event's own time, its children's taken out), its long tasks, and the page's requests.
 */
async function traced(browser: Browser, base: string): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    extraHTTPHeaders: authHeaders(),
  });
  const page = await context.newPage();
  try {
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'v8.execute',
        'blink.user_timing',
        'loading',
        'toplevel',
        'disabled-by-default-v8.cpu_profiler',
      ],
    });
    await page.goto(`${base}/dashboard`);
    await page.locator('table.heatmap tbody tr').first().waitFor({ timeout: 60_000 });
    const heatmap = await page.evaluate(() => performance.now());
    const resources = (await page.evaluate(`performance.getEntriesByType('resource').map((e) => ({
      name: e.name.replace(location.origin, ''), start: Math.round(e.startTime), requestStart: Math.round(e.requestStart),
      responseStart: Math.round(e.responseStart), end: Math.round(e.responseEnd), kB: Math.round(e.encodedBodySize / 1024),
      decodedkB: Math.round(e.decodedBodySize / 1024) }))`)) as Record<string, unknown>[];
    const buffer = await browser.stopTracing();
    writeFileSync(fileURLToPath(new URL(`./out/dashboard-${nodes}.trace.json`, import.meta.url)), buffer);
    const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
    // The document's navigation start in its renderer; when the trace missed it (it sometimes does), the document
    // request's start, on the renderer main thread that ran the most script.
    const nav = events.find(
      (e) =>
        e.name === 'navigationStart' &&
        (e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL?.endsWith('/dashboard'),
    );
    const busiest = () => {
      const calls = new Map<string, number>();
      for (const e of events)
        if (e.name === 'FunctionCall') calls.set(`${e.pid}/${e.tid}`, (calls.get(`${e.pid}/${e.tid}`) ?? 0) + 1);
      const [pid, tid] = [...calls]
        .sort((a, b) => b[1] - a[1])[0][0]
        .split('/')
        .map(Number);
      return { pid, tid };
    };
    const request = events.find(
      (e) =>
        e.name === 'ResourceSendRequest' && (e.args?.data as { url?: string } | undefined)?.url?.endsWith('/dashboard'),
    );
    const main = nav ? { pid: nav.pid, tid: nav.tid } : busiest();
    // Last resort: tracing starts just before the navigation.
    const started = events.find((e) => e.name === 'TracingStartedInBrowser');
    const origin = nav?.ts ?? request?.ts ?? started?.ts;
    if (origin === undefined) throw new Error('no navigation to /dashboard in the trace');
    const end = origin + heatmap * 1000;
    const own = events
      .filter(
        (e) =>
          e.pid === main.pid &&
          e.tid === main.tid &&
          e.ph === 'X' &&
          e.dur !== undefined &&
          e.ts >= origin &&
          e.ts <= end,
      )
      .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const stack: { e: TraceEvent; children: number }[] = [];
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur! <= until) {
        const done = stack.pop()!;
        self.set(done.e.name, (self.get(done.e.name) ?? 0) + done.e.dur! - done.children);
        if (stack.length) stack[stack.length - 1].children += done.e.dur!;
      }
    };
    const long: string[] = [];
    for (const e of own) {
      close(e.ts);
      if (!stack.length && e.dur! >= 30_000)
        long.push(`${Math.round((e.ts - origin) / 1000)} ms +${Math.round(e.dur! / 1000)}`);
      stack.push({ e, children: 0 });
    }
    close(Infinity);
    const busy = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(
      `traced run: heatmap at ${Math.round(heatmap)} ms; main thread busy ${Math.round(busy / 1000)} ms of it`,
    );
    for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18))
      console.log(`  ${name.padEnd(40)} ${Math.round(us / 1000)} ms`);
    console.log(`  long tasks (start +duration): ${long.join(', ')}`);
    console.table(resources);
    profileSummary(events, main.pid, origin, end);
  } finally {
    await context.close();
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const maps = new Map<string, SourceMapConsumer | null>();
/** A built chunk's frame in its source file (apps/web/dist/assets/*.js.map), or undefined. */
function original(frame: ProfileNode['callFrame']): { source: string; line: number } | undefined {
  const file = /\/assets\/([^/?]+\.js)$/.exec(frame.url)?.[1];
  if (!file) return undefined;
  if (!maps.has(file)) {
    // The web app beside the API that served it (a staged copy under BENCH_API_MAIN, as main.ts finds it).
    const web = process.env.BENCH_API_MAIN
      ? new URL(`../../../../../web/dist/assets/${file}.map`, `file://${process.env.BENCH_API_MAIN}`)
      : new URL(`../apps/web/dist/assets/${file}.map`, import.meta.url);
    const path = fileURLToPath(web);
    maps.set(
      file,
      existsSync(path) ? new SourceMapConsumer(JSON.parse(readFileSync(path, 'utf8')) as RawSourceMap) : null,
    );
  }
  const at = maps.get(file)?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
  if (!at?.source) return undefined;
  return { source: at.source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '~'), line: at.line ?? 0 };
}

/** The V8 CPU profile in the trace (its samples, renderer `pid`): own time by script and by function, in the window. */
function profileSummary(events: TraceEvent[], pid: number, origin: number, end: number): void {
  const frames = new Map<number, ProfileNode['callFrame']>();
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let time = 0;
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile') time = (e.args as { data: { startTime: number } }).data.startTime;
    if (e.name !== 'ProfileChunk') continue;
    const data = (
      e.args as { data: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } }
    ).data;
    for (const n of data.cpuProfile?.nodes ?? []) frames.set(n.id, n.callFrame);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const step = deltas[i] ?? 0;
      time += step;
      if (time < origin || time > end) continue;
      const frame = frames.get(samples[i]);
      if (!frame) continue;
      const where = original(frame);
      const script =
        where?.source ?? (frame.url ? frame.url.replace(/^.*\//, '') : `(${frame.functionName || 'native'})`);
      byScript.set(script, (byScript.get(script) ?? 0) + step);
      const name = where
        ? `${frame.functionName || '(anonymous)'} ${where.source}:${where.line}`
        : `${frame.functionName || '(anonymous)'} ${script}:${frame.lineNumber}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + step);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${k.padEnd(60)} ${Math.round(us / 1000)} ms`);
  console.log(
    ['CPU profile, own time by script:', ...top(byScript, 25), 'by function:', ...top(byFunction, 40)].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

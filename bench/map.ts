/**
 * The map's time-to-interactive in headless Chromium (Debian's, like the e2e tests), on a
 * synthetic organisation imported through the API: views of about 500 and 2,000 nodes, and what
 * a large organisation opens on.
 *
 *   npm run build && npx tsx bench/map.ts [--nodes 6000] [--runs 5] [--port 3400] [--reuse]
 *   npx tsx bench/map.ts --nodes 60000 --database tl_bench_60000   # an organisation already imported
 *
 * Each run is a fresh browser context (nothing cached) that opens the view's URL and waits until
 * the map is laid out and its nodes are painted (the canvas's `data-ready`, then one frame);
 * "interactive" is that moment, measured from navigation start. Then it drags the pane for a
 * second and records the frame intervals. Prints medians and writes bench/out/map-<nodes>.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { databaseExists, databaseUrl, freshDatabase, startApi, summarise } from './lib/api-server.js';
import { withAuth } from './lib/credentials.js';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '6000' },
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '3400' },
    reuse: { type: 'boolean', default: false },
    /** An existing, already imported database to read (e.g. another benchmark's); nothing is written to it. */
    database: { type: 'string' },
  },
});
const nodes = Number(values.nodes);
const runs = Number(values.runs);
const database = `tl_bench_map_${nodes}`;
const documentPath = fileURLToPath(new URL(`./out/portfolio-${nodes}.json`, import.meta.url));
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface View {
  label: string;
  path: string;
}

interface Run {
  interactive: number;
  /** From navigation start: the page's script run (DOMContentLoaded), the view's data in, its layout done. */
  scriptDone: number;
  dataIn: number;
  laidOut: number;
  graphFetch: number;
  layout: number;
  drawn: number;
  links: number;
  rendered: number;
  frames: number;
  frameP95: number;
  frameMax: number;
}

async function main() {
  if (!existsSync(documentPath)) {
    execFileSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./generate.ts', import.meta.url)), '--nodes', String(nodes)],
      { stdio: 'inherit' },
    );
  }
  const given = values.database;
  const reuse = given !== undefined || (values.reuse && (await databaseExists(database)));
  const url = given ? databaseUrl(given) : reuse ? databaseUrl(database) : await freshDatabase(database);
  const api = await startApi(url, Number(values.port));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    if (!reuse) {
      const started = performance.now();
      const res = await fetch(
        `${api.url}/api/portfolio/import`,
        withAuth({
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: readFileSync(documentPath),
        }),
      );
      if (!res.ok) throw new Error(`import failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
      console.log(
        `imported ${nodes.toLocaleString('en-GB')} nodes in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }

    const views = await pickViews(api.url);
    const results: Record<string, { view: View; runs: Run[] }> = {};
    for (const view of views) {
      await measure(browser, api.url, view); // warm the API's caches and the machine; not counted
      const measured: Run[] = [];
      for (let i = 0; i < runs; i++) measured.push(await measure(browser, api.url, view));
      results[view.label] = { view, runs: measured };
      report(view, measured);
    }
    const out = fileURLToPath(new URL(`./out/map-${nodes}.json`, import.meta.url));
    // (bench/out is not committed; docs/performance.md, "Map", records the figures.)
    writeFileSync(out, JSON.stringify({ nodes, runs, cpus: cpus().length, results }, null, 2));
    console.log(`\nwrote ${out}`);
  } finally {
    await browser.close();
    await api.stop();
  }
}

/**
 * The views measured: the first 500 and 2,000 nodes of the whole organisation; the business unit
 * and theme chain closest to each size; and the map as it opens with no parameters (which, for an
 * organisation over 2,000 nodes, is its strategy with delivery collapsed into counts).
 */
async function pickViews(base: string): Promise<View[]> {
  const get = async <T>(path: string) => (await (await fetch(`${base}/api${path}`, withAuth())).json()) as T;
  const units = await get<{ id: string; key: string }[]>('/business-units');
  const themes = (
    await get<{ nodes: { id: string; key: string; kind: string }[] }>('/graph?scope=strategy')
  ).nodes.filter((n) => n.kind === 'theme');
  const sized: (View & { size: number })[] = [];
  for (const u of units) {
    const size = (await get<{ nodes: unknown[] }>(`/graph?scope=business_unit&businessUnitId=${u.id}`)).nodes.length;
    sized.push({ label: `unit ${u.key}`, path: `/?scope=business_unit&unit=${u.id}`, size });
  }
  const objectives = (await get<{ nodes: { id: string; key: string; kind: string }[] }>('/graph?scope=strategy')).nodes
    .filter((n) => n.kind === 'objective')
    .slice(0, 8);
  for (const t of [...themes, ...objectives]) {
    const size = (await get<{ nodes: unknown[] }>(`/graph?scope=chain&rootId=${t.id}`)).nodes.length;
    sized.push({ label: `chain of ${t.key}`, path: `/?scope=chain&root=${t.id}`, size });
  }
  const closest = (target: number) =>
    sized.filter((v) => v.size <= 2000).sort((a, b) => Math.abs(a.size - target) - Math.abs(b.size - target))[0];
  const views: View[] = [
    { label: 'all, first 500', path: '/?scope=all&limit=500' },
    { label: 'all, first 2,000', path: '/?scope=all&limit=2000' },
  ];
  for (const target of [500, 2000]) {
    const v = closest(target);
    if (v && !views.some((x) => x.path === v.path)) views.push({ label: `${v.label} (${v.size})`, path: v.path });
  }
  views.push({ label: 'opening view (no parameters)', path: '/' });
  return views;
}

async function measure(browser: Browser, base: string, view: View): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  try {
    await page.goto(`${base}${view.path}`);
    await page.waitForSelector('[data-testid=map-canvas][data-ready=true] .react-flow__node', { timeout: 120_000 });
    // Ready means laid out and handed to React Flow; interactive is the next painted frame.
    const interactive = await page.evaluate(
      () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))),
    );
    const status = page.getByTestId('status-line');
    const [drawn, links] = ((await status.innerText()).match(/[\d,]+/g) ?? ['0', '0']).map((n) =>
      Number(n.replace(/,/g, '')),
    );
    const layout = Number(await status.getAttribute('data-layout-ms'));
    const graphFetch = await page.evaluate(() => {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/graph?')) as
        PerformanceResourceTiming | undefined;
      return entry ? entry.responseEnd - entry.startTime : NaN;
    });
    const rendered = await page.locator('.react-flow__node').count();
    const marks = (await page.evaluate(`(() => {
      const at = (name) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime ?? NaN;
      const nav = performance.getEntriesByType('navigation')[0];
      return { scriptDone: nav ? nav.domContentLoadedEventEnd : NaN, dataIn: at('map:data'), laidOut: at('map:laid-out') };
    })()`)) as { scriptDone: number; dataIn: number; laidOut: number };

    // Pan: drag the empty pane for about a second while counting frames.
    // (A script string: tsx would wrap a named inner function in a helper the page does not have.)
    await page.evaluate(`(() => {
      window.__frames = [];
      let last = performance.now();
      function tick(now) {
        window.__frames.push(now - last);
        last = now;
        if (window.__frames.length < 600) requestAnimationFrame(tick);
      }
      requestAnimationFrame(tick);
    })()`);
    const pane = await page.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('no pane');
    const y = pane.y + 40;
    await page.mouse.move(pane.x + 40, y);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) {
      await page.mouse.move(pane.x + 40 + i * 8, y + i * 3);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(1));
    const f = summarise(frames);
    return {
      interactive,
      ...marks,
      graphFetch,
      layout,
      drawn,
      links,
      rendered,
      frames: frames.length,
      frameP95: f.p95,
      frameMax: Math.max(...frames),
    };
  } finally {
    await context.close();
  }
}

function report(view: View, results: Run[]) {
  const median = (pick: (r: Run) => number) => summarise(results.map(pick)).median;
  const r = results[0];
  console.log(
    `${view.label.padEnd(34)} ${String(r.drawn).padStart(5)} nodes ${String(r.links).padStart(5)} links  ` +
      `interactive ${Math.round(median((x) => x.interactive))} ms  (script ${Math.round(median((x) => x.scriptDone))}, ` +
      `data ${Math.round(median((x) => x.dataIn))}, laid out ${Math.round(median((x) => x.laidOut))}; ` +
      `graph fetch ${Math.round(median((x) => x.graphFetch))}, layout ${Math.round(median((x) => x.layout))})  DOM nodes ${r.rendered}  ` +
      `pan: frame p95 ${Math.round(median((x) => x.frameP95))} ms, max ${Math.round(median((x) => x.frameMax))} ms`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * The map's time to interactive and its frame times while panning and zooming, in headless
 * Chromium (Debian's, like the e2e tests), on a synthetic organisation imported through the API:
 * views of about 500 and 2,000 nodes, and what a large organisation opens on.
 *
 *   npm run build && npx tsx bench/map.ts --nodes 60000 --runs 5          # generates and imports once
 *   npx tsx bench/map.ts --nodes 60000 --runs 5 --reuse --only 2,000        # the imported database again
 *   npx tsx bench/map.ts --nodes 60000 --database tl_bench_60000           # another benchmark's database
 *
 * Each run is a fresh browser context (nothing cached) that opens the view's URL and waits until
 * the map is laid out and its nodes are painted (the canvas's `data-ready`, then one frame);
 * "interactive" is that moment, measured from navigation start. Then, with Chromium tracing over
 * CDP (bench/lib/frame-trace.ts: the compositor's own DrawFrame events, not rAF deltas), it drags
 * the pane for a second (pan) and turns the wheel for a second (zoom). Every run also measures
 * the same gestures on an empty canvas (the map of a one-node view, same page and viewport): the
 * floor the machine gives at that moment, so a busy machine shows as a slow baseline; and a one-node
 * view opened like the others is the time to interactive's floor (sign-in, shell, React Flow). The
 * load average is read before and after each view. `--cpu-throttle 3` opens the views with the page's
 * CPU slowed three times (no frames then), for a slower machine's browser. Prints medians and writes
 * bench/out/map-<nodes>.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { databaseExists, databaseUrl, freshDatabase, startApi, summarise } from './lib/api-server.js';
import { BENCH_ACCOUNT, withAuth } from './lib/credentials.js';
import {
  breakdown,
  frameIntervals,
  frameStats,
  markAt,
  rendererPid,
  startFrameTrace,
  stopFrameTrace,
  type FrameStats,
  type TraceEvent,
} from './lib/frame-trace.js';
import { CPU_THROTTLE_OPTION, throttleCpu, throttleNote } from './lib/cpu-throttle.js';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '6000' },
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '3400' },
    reuse: { type: 'boolean', default: false },
    /** An existing, already imported database to read (e.g. another benchmark's); nothing is written to it. */
    database: { type: 'string' },
    /** Only the views whose label contains this (e.g. "2,000"). */
    only: { type: 'string' },
    /**
     * CSS to A/B in the same page: after the view's gestures, this is added to the page and the
     * gestures are repeated ("with css" in the report) — one change measured against the page as built.
     */
    'ab-css': { type: 'string', multiple: true },
    /** No warm-up run before each view's measured runs (quicker; the first run's time to interactive is then cold). */
    cold: { type: 'boolean', default: false },
    /** Print where the renderer's time went during each gesture (trace events by thread and name). */
    breakdown: { type: 'boolean', default: false },
    /**
     * Slow the page's CPU N times (CDP's Emulation.setCPUThrottlingRate, the renderer only: the API and
     * PostgreSQL run as they are): how the map would open on a slower machine's browser. Frames are not
     * measured with it (the throttle starves the compositor too, so they would measure the throttle).
     */
    'cpu-throttle': CPU_THROTTLE_OPTION,
    /** Keep each run's frame intervals in the JSON (large). */
    intervals: { type: 'boolean', default: false },
  },
});
const nodes = Number(values.nodes);
const runs = Number(values.runs);
const throttle = Number(values['cpu-throttle']);
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
  /** The gestures' frames (none with --cpu-throttle). */
  pan?: FrameStats;
  zoom?: FrameStats;
  /** The same gestures on an empty canvas in the same browser, just after. */
  emptyPan?: FrameStats;
  emptyZoom?: FrameStats;
  /** With --ab-css: the same gestures on the same page with that CSS added. */
  ab: { css: string; pan: FrameStats; zoom: FrameStats }[];
}

const load = () => loadavg().map((n) => Number(n.toFixed(2)));

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

    const views = (await pickViews(api.url)).filter(
      (v) => !values.only || v.label.includes(values.only) || v.path === EMPTY_VIEW,
    );
    const results: Record<string, { view: View; loadBefore: number[]; loadAfter: number[]; runs: Run[] }> = {};
    console.log(`load average ${load().join(' ')} (${cpus().length} CPUs)${throttleNote(throttle)}`);
    for (const view of views) {
      if (!values.cold) await measure(browser, api.url, view); // warm the API's caches and the machine; not counted
      const loadBefore = load();
      const measured: Run[] = [];
      for (let i = 0; i < runs; i++) measured.push(await measure(browser, api.url, view));
      const loadAfter = load();
      if (!values.intervals) for (const r of measured) for (const f of frameSets(r)) f.intervals = [];
      results[view.label] = { view, loadBefore, loadAfter, runs: measured };
      report(view, measured, loadBefore, loadAfter);
    }
    const out = fileURLToPath(new URL(`./out/map-${nodes}.json`, import.meta.url));
    // (bench/out is not committed; docs/performance.md, "Map", records the figures.)
    writeFileSync(out, JSON.stringify({ nodes, runs, cpus: cpus().length, load: load(), results }, null, 2));
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
  const fixed: View[] = [
    // The app's own floor: sign-in, the shell and React Flow with one card, opened the same way.
    { label: 'one node (the floor)', path: EMPTY_VIEW },
    { label: 'all, first 500', path: '/?scope=all&limit=500' },
    { label: 'all, first 2,000', path: '/?scope=all&limit=2000' },
  ];
  // Sizing every unit and chain takes a while on a large organisation: not when only these are wanted.
  if (values.only && fixed.some((v) => v.label.includes(values.only!))) return fixed;
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
  const views: View[] = [...fixed];
  for (const target of [500, 2000]) {
    const v = closest(target);
    if (v && !views.some((x) => x.path === v.path)) views.push({ label: `${v.label} (${v.size})`, path: v.path });
  }
  views.push({ label: 'opening view (no parameters)', path: '/' });
  return views;
}

async function measure(browser: Browser, base: string, view: View): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  // Signed in as the bench account (its session cookie lands in this context), before the clock starts.
  const signedIn = await context.request.post(`${base}/api/auth/log-in`, {
    data: { email: BENCH_ACCOUNT.email, password: BENCH_ACCOUNT.password },
  });
  if (!signedIn.ok()) throw new Error(`log-in failed: ${signedIn.status()}`);
  // "Interactive" is taken in the page, not by polling it from here: the first frame after the map is laid out
  // and drawn (cards, or a large view zoomed out: the far-zoom picture of them) has been painted and the main
  // thread is free again. (Polling over CDP, as before 1 December, added its round trips: 100–250 ms.)
  await context.addInitScript(`(() => {
    const drawn = ${JSON.stringify(DRAWN)};
    const poll = () => {
      if (!document.querySelector(drawn)) return requestAnimationFrame(poll);
      // This frame paints it; React Flow then fits the view (a render at the fitted zoom), painted by the next
      // frame; the callback of the one after runs once that is on screen, and the task after it once the main
      // thread is free again.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => setTimeout(() => (window.__tlInteractive = performance.now()))),
      );
    };
    requestAnimationFrame(poll);
  })()`);
  const page = await context.newPage();
  try {
    await throttleCpu(context, page, throttle);
    await page.goto(`${base}${view.path}`);
    await page.waitForSelector(DRAWN, { timeout: 120_000 });
    const interactive = (await (
      await page.waitForFunction(() => (window as { __tlInteractive?: number }).__tlInteractive)
    ).jsonValue()) as number;
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
    const rendered = await page.evaluate(
      () =>
        document.querySelectorAll('.react-flow__node').length +
        Number(document.querySelector('[data-testid=far-picture]')?.getAttribute('data-cards') ?? 0),
    );
    const marks = (await page.evaluate(`(() => {
      const at = (name) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime ?? NaN;
      const nav = performance.getEntriesByType('navigation')[0];
      return { scriptDone: nav ? nav.domContentLoadedEventEnd : NaN, dataIn: at('map:data'), laidOut: at('map:laid-out') };
    })()`)) as { scriptDone: number; dataIn: number; laidOut: number };

    if (throttle > 1) return { ab: [], interactive, ...marks, graphFetch, layout, drawn, links, rendered };
    const motion = await interact(page, base);
    // Each --ab-css on top of the ones before it.
    const ab: { css: string; pan: FrameStats; zoom: FrameStats }[] = [];
    for (const css of values['ab-css'] ?? []) {
      await page.addStyleTag({ content: css });
      ab.push({ css, ...(await interact(page, base)) });
    }
    // The empty canvas, same page and viewport, right after: what the machine allows at this moment.
    await page.goto(`${base}${EMPTY_VIEW}`);
    await page.waitForSelector('[data-testid=map-canvas][data-ready=true] .react-flow__node', { timeout: 60_000 });
    const empty = await interact(page, base);
    return {
      ab,
      emptyPan: empty.pan,
      emptyZoom: empty.zoom,
      interactive,
      ...marks,
      graphFetch,
      layout,
      drawn,
      links,
      rendered,
      ...motion,
    };
  } finally {
    await context.close();
  }
}

/** The map laid out and drawn: cards, or (a large view zoomed out) the far-zoom picture of them. */
const DRAWN = '[data-testid=map-canvas][data-ready=true] :is(.react-flow__node, [data-testid=far-picture])';

/** A one-node view: the map's page, chrome and React Flow with (nearly) nothing drawn. */
const EMPTY_VIEW = '/?scope=all&limit=1';

/**
 * A pan (the pane dragged for about a second) then a zoom (about a second of wheel steps, out then
 * in again, so it stays near the opening zoom), traced over CDP; the frame intervals of each.
 */
async function interact(page: Page, base: string): Promise<{ pan: FrameStats; zoom: FrameStats }> {
  const cdp = await page.context().newCDPSession(page);
  const stamp = (label: string) => page.evaluate(`console.timeStamp(${JSON.stringify(label)})`);
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no pane');
  await startFrameTrace(cdp);
  let events: TraceEvent[];
  try {
    await page.waitForTimeout(200);
    // Input as a real mouse sends it, 125 times a second (every 8 ms), sent over CDP without
    // waiting for each to be handled: Chromium coalesces it to one update per frame, so every
    // vsync has something new to draw and a frame interval above 16.7 ms is the page's own cost.
    // (Awaiting each step, as Playwright's mouse does, set the pace instead: 25 ms a pan step and
    // 50 ms a wheel step on an empty canvas — the medians measured the input, not the page.)
    const mouse = (params: Record<string, unknown>) => void cdp.send('Input.dispatchMouseEvent', params as never);
    const transform = () =>
      page.evaluate(() => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    const turned: string[] = [await transform()];
    const at125Hz = async (steps: number, send: (i: number) => void) => {
      const started = performance.now();
      for (let i = 0; i < steps; i++) {
        send(i);
        // At the turn, that the gesture reached the map at all (frames drawn for a cursor alone would also count).
        if (i === steps / 2) turned.push(await transform());
        const next = started + (i + 1) * 8;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
      }
    };
    // Pan: drag the empty pane (from its top left corner, clear of the cards) for about a second,
    // there and back, so the view ends where it started (an A/B's second pass starts from the same view).
    const x0 = pane.x + 40;
    const y0 = pane.y + 40;
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: x0, y: y0 });
    await cdp.send('Input.dispatchMouseEvent', {
      type: 'mousePressed',
      x: x0,
      y: y0,
      button: 'left',
      buttons: 1,
      clickCount: 1,
    });
    await stamp('tl:pan:start');
    await at125Hz(120, (i) => {
      const step = i < 60 ? i + 1 : 119 - i;
      mouse({ type: 'mouseMoved', x: x0 + step * 8, y: y0 + step * 3, button: 'left', buttons: 1 });
    });
    await stamp('tl:pan:end');
    await cdp.send('Input.dispatchMouseEvent', {
      type: 'mouseReleased',
      x: x0,
      y: y0,
      button: 'left',
      buttons: 0,
      clickCount: 1,
    });
    await page.waitForTimeout(300);
    // Zoom: the wheel at the centre for about a second, out then in again by the same amount
    // (about ×2.3 each way, so an overview stays an overview: crossing into full cards is a
    // different cost).
    const cx = pane.x + pane.width / 2;
    const cy = pane.y + pane.height / 2;
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: cx, y: cy });
    await stamp('tl:zoom:start');
    await at125Hz(120, (i) => mouse({ type: 'mouseWheel', x: cx, y: cy, deltaX: 0, deltaY: i < 60 ? 10 : -10 }));
    await stamp('tl:zoom:end');
    // Before, at the pan's turn, at the zoom's turn: three different views, or a gesture missed the map.
    if (new Set(turned).size !== 3) throw new Error(`a gesture did not move the map: ${turned.join(' | ')}`);
    await page.waitForTimeout(300);
  } finally {
    events = await stopFrameTrace(cdp);
    await cdp.detach();
  }
  const pid = rendererPid(events, base);
  if (pid === undefined) throw new Error('no frames in the trace');
  const window = (name: string) => {
    const start = markAt(events, `tl:${name}:start`);
    const end = markAt(events, `tl:${name}:end`);
    if (start === undefined || end === undefined) throw new Error(`no ${name} marks in the trace`);
    if (values.breakdown) {
      console.log(`  ${name} (${page.url().replace(base, '')}), ms:`);
      for (const b of breakdown(events, pid, start, end)) {
        console.log(`    ${b.thread.padEnd(24)} ${b.name.padEnd(28)} ${b.ms.toFixed(0).padStart(6)} (${b.count})`);
      }
    }
    // Frames up to 100 ms after the last input still show that input.
    return frameStats(frameIntervals(events, pid, start, end + 100_000));
  };
  return { pan: window('pan'), zoom: window('zoom') };
}

function frameSets(r: Run): FrameStats[] {
  return [r.pan, r.zoom, r.emptyPan, r.emptyZoom, ...r.ab.flatMap((a) => [a.pan, a.zoom])].filter(
    (f): f is FrameStats => f !== undefined,
  );
}

function report(view: View, results: Run[], loadBefore: number[], loadAfter: number[]) {
  const median = (pick: (r: Run) => number) => summarise(results.map(pick)).median;
  const r = results[0];
  const frames = (label: string, pick: (r: Run) => FrameStats | undefined) =>
    pick(r) === undefined
      ? ''
      : `${label} median ${median((x) => pick(x)!.median).toFixed(1)} / p95 ${median((x) => pick(x)!.p95).toFixed(1)} / ` +
        `max ${Math.round(median((x) => pick(x)!.max))} ms (${Math.round(median((x) => pick(x)!.frames))} frames)`;
  console.log(
    `${view.label.padEnd(34)} ${String(r.drawn).padStart(5)} nodes ${String(r.links).padStart(5)} links  ` +
      `interactive ${Math.round(median((x) => x.interactive))} ms  (script ${Math.round(median((x) => x.scriptDone))}, ` +
      `data ${Math.round(median((x) => x.dataIn))}, laid out ${Math.round(median((x) => x.laidOut))}; ` +
      `graph fetch ${Math.round(median((x) => x.graphFetch))}, layout ${Math.round(median((x) => x.layout))})  cards drawn ${r.rendered}\n` +
      (r.pan ? `    ${frames('pan', (x) => x.pan)}   ${frames('zoom', (x) => x.zoom)}\n` : '') +
      r.ab
        .map(
          (a, i) =>
            `    + ${a.css}\n      ${frames('pan', (x) => x.ab[i].pan)}   ${frames('zoom', (x) => x.ab[i].zoom)}\n`,
        )
        .join('') +
      (r.emptyPan
        ? `    empty canvas: ${frames('pan', (x) => x.emptyPan)}   ${frames('zoom', (x) => x.emptyZoom)}\n`
        : '') +
      `    load average ${loadBefore.join(' ')} → ${loadAfter.join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import type { CDPSession } from '@playwright/test';

/**
 * Frame times from Chromium's own tracing over CDP, not from requestAnimationFrame deltas: a rAF
 * callback runs on the main thread and says when the page *asked* for a frame, not when one was
 * drawn; the compositor's `DrawFrame` events (the ones DevTools' Performance panel draws its
 * frame strip from) are when the renderer handed a new picture to the display.
 *
 * A frame's time is the interval between two consecutive frames drawn during an interaction,
 * the first one counted from the interaction's start mark: a gesture that keeps the screen
 * changing draws every vsync (16.7 ms) when nothing is slow, and a frame that took longer shows
 * as a longer interval (the vsyncs it missed included).
 */
export const FRAME_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
];

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

/** Starts a trace on a page's CDP session (`page.context().newCDPSession(page)`). */
export async function startFrameTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: FRAME_CATEGORIES },
  });
}

/** Ends the trace and reads its events back through the IO domain. */
export async function stopFrameTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? '')),
  );
  await cdp.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * The renderer process that draws the page: the one `TracingStartedInBrowser` names for a frame at
 * `urlPrefix`, else the process that drew the most frames.
 */
export function rendererPid(events: readonly TraceEvent[], urlPrefix: string): number | undefined {
  for (const e of events) {
    if (e.name !== 'TracingStartedInBrowser') continue;
    const frames = (e.args?.data?.frames ?? []) as { processId?: number; url?: string; parent?: string }[];
    const main = frames.find((f) => !f.parent && f.url?.startsWith(urlPrefix) && f.processId);
    if (main?.processId) return main.processId;
  }
  const counts = new Map<number, number>();
  for (const e of events) if (e.name === 'DrawFrame') counts.set(e.pid, (counts.get(e.pid) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The timestamp (µs) of a `console.timeStamp(label)` in the trace. */
export function markAt(events: readonly TraceEvent[], label: string): number | undefined {
  return events.find((e) => e.name === 'TimeStamp' && (e.args?.data as { message?: string })?.message === label)?.ts;
}

export interface FrameStats {
  /** Frames drawn between the marks. */
  frames: number;
  median: number;
  p95: number;
  max: number;
  /** Frames over 50 ms (three vsyncs or more missed). */
  long: number;
  /** The frame intervals themselves, in ms. */
  intervals: number[];
}

/**
 * Frame intervals (ms) of the renderer `pid` between two marks (µs): from `start` to the first
 * frame drawn after it, then between consecutive frames, up to the last frame drawn before `end`.
 */
export function frameIntervals(events: readonly TraceEvent[], pid: number, start: number, end: number): number[] {
  const draws = events
    .filter((e) => e.pid === pid && e.name === 'DrawFrame' && e.ts >= start && e.ts <= end)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
  // One DrawFrame per frame: some builds log it both as a begin and an end (ph B/E) or twice per
  // layer tree; draws under a millisecond apart are the same frame.
  const frames: number[] = [];
  for (const ts of draws) if (!frames.length || ts - frames[frames.length - 1] > 1000) frames.push(ts);
  const intervals: number[] = [];
  let previous = start;
  for (const ts of frames) {
    intervals.push((ts - previous) / 1000);
    previous = ts;
  }
  return intervals;
}

export function frameStats(intervals: number[]): FrameStats {
  const sorted = [...intervals].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  return {
    frames: intervals.length,
    median: at(0.5),
    p95: at(0.95),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    long: intervals.filter((i) => i > 50).length,
    intervals,
  };
}

/** Where the renderer's time went between two marks (µs): ms per thread and event name, top `limit`. */
export function breakdown(
  events: readonly TraceEvent[],
  pid: number,
  start: number,
  end: number,
  limit = 12,
): { thread: string; name: string; ms: number; count: number }[] {
  const threads = new Map<number, string>();
  for (const e of events) {
    if (e.pid === pid && e.ph === 'M' && e.name === 'thread_name') threads.set(e.tid, String(e.args?.name ?? e.tid));
  }
  const sums = new Map<string, { thread: string; name: string; ms: number; count: number }>();
  for (const e of events) {
    if (e.pid !== pid || e.ph !== 'X' || !e.dur || e.ts < start || e.ts > end) continue;
    const thread = threads.get(e.tid) ?? String(e.tid);
    const key = `${thread}\u0000${e.name}`;
    const sum = sums.get(key) ?? { thread, name: e.name, ms: 0, count: 0 };
    sum.ms += e.dur / 1000;
    sum.count++;
    sums.set(key, sum);
  }
  return [...sums.values()].sort((a, b) => b.ms - a.ms).slice(0, limit);
}

import { createLayoutWorker } from './createLayoutWorker';
import type { LayoutRequest, LayoutResponse } from './layout.worker';
import type { LayoutEdge, LayoutNode, LayoutSettings, Positions } from './layoutGraph';

/**
 * How a grouped view or a swimlane view is laid out: each drawn node's group (null: none), and the
 * settings that tell the worker to keep groups together (model/groups.ts builds it).
 */
export interface Arrangement {
  groupOf: (node: { id: string; businessUnitId: string | null }) => string | null;
  settings: LayoutSettings;
}

export interface LayoutResult {
  positions: Positions;
  /** How long the layout took, measured where it ran. */
  ms: number;
}

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (r: LayoutResult) => void; reject: (e: Error) => void }>();

/** A layout that has not come back by then never will: say so rather than leave the map waiting. */
const TIMEOUT_MS = 60_000;

function failAll(error: Error) {
  for (const request of pending.values()) request.reject(error);
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  worker = createLayoutWorker();
  {
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const request = pending.get(event.data.id);
      if (!request) return;
      pending.delete(event.data.id);
      if ('error' in event.data) request.reject(new Error(event.data.error));
      else request.resolve({ positions: event.data.positions, ms: event.data.ms });
    };
    worker.onerror = (event) => {
      // A dead worker answers nothing more: fail what waits, and start a new one next time.
      failAll(new Error(`The layout worker failed: ${event.message || 'unknown error'}`));
      worker?.terminate();
      worker = undefined;
    };
  }
  return worker;
}

/**
 * Starts the worker now, so that loading its script overlaps the first request for the graph
 * instead of following it. The layout never runs on the main thread.
 */
export function prewarmLayout() {
  getWorker();
}

/** Lays the graph out in the worker. */
export function requestLayout(
  nodes: LayoutNode[],
  edges: LayoutEdge[],
  settings?: LayoutSettings,
): Promise<LayoutResult> {
  const target = getWorker();
  const id = ++nextId;
  return new Promise<LayoutResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`The layout took longer than ${TIMEOUT_MS / 1000} s`));
    }, TIMEOUT_MS);
    pending.set(id, {
      resolve: (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      reject: (error) => {
        clearTimeout(timer);
        reject(error);
      },
    });
    target.postMessage({ id, nodes, edges, settings } satisfies LayoutRequest);
  });
}

/// <reference lib="webworker" />
import { layoutArranged } from './arrange';
import {
  layoutEngine,
  layoutGraph,
  type LayoutEdge,
  type LayoutNode,
  type LayoutSettings,
  type Positions,
} from './layoutGraph';

/** The message protocol between the map and its layout worker. */
export interface LayoutRequest {
  id: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  settings?: LayoutSettings;
}

export type LayoutResponse = { id: number; positions: Positions; ms: number } | { id: number; error: string };

// ELK's bundled build, once evaluated in a worker, believes it *is* the ELK worker and claims
// `self.onmessage` for its own protocol (elk-worker.js: `self.onmessage = dispatcher.saveDispatch`).
// Here it runs in-thread through its in-memory stand-in, which needs no handler, so the engine is
// created first and its claim withdrawn before this worker listens: otherwise every request after
// the first would go to ELK and never be answered.
layoutEngine();
self.onmessage = null;

// A first, tiny layout while the map still waits for its data: ELK's code paths are compiled by the
// time the real one comes (a 2,000-node layout runs about twice as fast warm as cold).
const warmUp = layoutGraph(
  [
    { id: 't', kind: 'theme' },
    { id: 'o', kind: 'objective' },
    { id: 'k', kind: 'key_result' },
    { id: 'p', kind: 'project' },
  ],
  [
    { from: 'o', to: 't', kind: 'contributes_to' },
    { from: 'k', to: 'o', kind: 'contributes_to' },
    { from: 'p', to: 'k', kind: 'contributes_to' },
  ],
).catch(() => ({}));

async function answer({ id, nodes, edges, settings }: LayoutRequest): Promise<void> {
  await warmUp;
  const started = performance.now();
  try {
    const positions = await layoutArranged(nodes, edges, settings);
    self.postMessage({ id, positions, ms: performance.now() - started } satisfies LayoutResponse);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies LayoutResponse);
  }
}

// ELK runs here, off the main thread, so a 2,000-node layout never freezes the page. `answer`
// never rejects: a failed layout is posted back as an error.
self.addEventListener('message', (event: MessageEvent<LayoutRequest>) => void answer(event.data));

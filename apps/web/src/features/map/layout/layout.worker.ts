/// <reference lib="webworker" />
import { layoutArranged } from './arrange';
import type { LayoutEdge, LayoutNode, LayoutSettings, Positions } from './layoutGraph';

/** The message protocol between the map and its layout worker. */
export interface LayoutRequest {
  id: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  settings?: LayoutSettings;
}

export type LayoutResponse = { id: number; positions: Positions; ms: number } | { id: number; error: string };

async function answer({ id, nodes, edges, settings }: LayoutRequest): Promise<void> {
  const started = performance.now();
  try {
    const positions = await layoutArranged(nodes, edges, settings);
    self.postMessage({ id, positions, ms: performance.now() - started } satisfies LayoutResponse);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies LayoutResponse);
  }
}

// The layout runs here, off the main thread, so a large view's layout and grouping never freeze the page. `answer`
// never rejects: a failed layout is posted back as an error.
self.addEventListener('message', (event: MessageEvent<LayoutRequest>) => void answer(event.data));

/// <reference lib="webworker" />
import { layoutGraph, type LayoutEdge, type LayoutNode, type LayoutSettings, type Positions } from './layoutGraph';

/** The message protocol between the map and its layout worker. */
export interface LayoutRequest {
  id: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  settings?: LayoutSettings;
}

export type LayoutResponse = { id: number; positions: Positions; ms: number } | { id: number; error: string };

// ELK runs here, off the main thread, so a 2,000-node layout never freezes the page.
self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges, settings } = event.data;
  const started = performance.now();
  try {
    const positions = await layoutGraph(nodes, edges, settings);
    self.postMessage({ id, positions, ms: performance.now() - started } satisfies LayoutResponse);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies LayoutResponse);
  }
};

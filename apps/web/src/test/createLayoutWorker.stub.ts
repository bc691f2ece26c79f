import { layoutArranged } from '../features/map/layout/arrange';
import type { LayoutRequest, LayoutResponse } from '../features/map/layout/layout.worker';

/**
 * jsdom has no Worker (and jest's CommonJS no `import.meta`): jest maps `createLayoutWorker` here,
 * to a stand-in that speaks the worker's protocol and lays out on the test's own thread.
 */
export function createLayoutWorker() {
  const worker = {
    onmessage: null as ((event: MessageEvent<LayoutResponse>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage({ id, nodes, edges, settings }: LayoutRequest) {
      const started = performance.now();
      layoutArranged(nodes, edges, settings).then(
        (positions) =>
          worker.onmessage?.({
            data: { id, positions, ms: performance.now() - started },
          } as MessageEvent<LayoutResponse>),
        (error: Error) => worker.onmessage?.({ data: { id, error: error.message } } as MessageEvent<LayoutResponse>),
      );
    },
    terminate() {},
  };
  return worker as unknown as Worker;
}

/**
 * The one place that names the worker file, in the exact `new Worker(new URL(…))` form Vite
 * bundles. Jest maps this module to src/test/createLayoutWorker.stub.ts.
 */
export function createLayoutWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
}

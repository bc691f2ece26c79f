/**
 * The one place that names the worker file. Vite bundles it from this exact `new Worker(new URL(…))`
 * form; jest (CommonJS, no `import.meta`) maps this module to a stub and lays out on the main thread.
 */
export function createLayoutWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
}

import { rmSync } from 'node:fs';
import { withAdmin } from './test-database.js';

/** Drops the template this run created (and nothing else), then removes the throwaway cluster. */
export default async function globalTeardown() {
  const run = globalThis.__throughlineTestRun;
  if (!run) return;
  globalThis.__throughlineTestRun = undefined;
  try {
    if (!run.cluster) await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${run.template} WITH (FORCE)`));
  } finally {
    await run.cluster?.stop();
    if (run.clusterDir) rmSync(run.clusterDir, { recursive: true, force: true });
  }
}

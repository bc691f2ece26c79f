import { rmSync } from 'node:fs';
import { withAdmin } from './test-database.js';

/**
 * Drops the template this run created (and nothing else), then the request role it created
 * (after its databases: a role with privileges in a database cannot be dropped), then removes the
 * throwaway cluster. A role or database this run did not create is never touched.
 */
export default async function globalTeardown() {
  const run = globalThis.__throughlineTestRun;
  if (!run) return;
  globalThis.__throughlineTestRun = undefined;
  try {
    if (!run.cluster) {
      await withAdmin(async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${run.template} WITH (FORCE)`);
        if (run.appRole) {
          await admin.query(`DROP ROLE IF EXISTS ${run.appRole}`).catch((error: Error) => {
            // A test database left behind by a crashed file still holds grants to it.
            console.warn(`Could not drop the test role ${run.appRole}: ${error.message}`);
          });
        }
      });
    }
  } finally {
    await run.cluster?.stop();
    if (run.clusterDir) rmSync(run.clusterDir, { recursive: true, force: true });
  }
}

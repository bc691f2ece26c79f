import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { json, outcome, send, type Answer } from './lib/http.js';
import { countBy, duration, formatCounts } from './lib/stats.js';
import { fail, type Item } from './lib/suite.js';

const WRITES = 50;

/**
 * 50 node creations are sent, each on its own connection, while the suite holds an EXCLUSIVE
 * lock on `nodes` (reads go on; inserts wait), so all 50 are certainly in flight inside the API
 * when it gets SIGTERM. The lock is released 300 ms later; then the writes can finish.
 */
export const sigtermItem: Item = {
  id: 'sigterm',
  title: 'SIGTERM with 50 writes in flight',
  target:
    'SIGTERM while 50 node creations are in flight: every one answered (no reset), the process exits 0, ' +
    'and after a restart every write answered 2xx is there',
  budgetMs: 90_000,
  async run(suite) {
    const api = suite.api;
    const tag = `${process.pid}-${Date.now()}`;
    const admin = new pg.Client({ connectionString: suite.databaseUrl });
    await admin.connect();
    let locked = true;
    const release = async () => {
      if (locked) await admin.query('COMMIT');
      locked = false;
    };
    try {
      await admin.query('BEGIN');
      await admin.query('LOCK TABLE nodes IN EXCLUSIVE MODE');
      const answers: (Answer | undefined)[] = new Array(WRITES);
      const writes = Array.from({ length: WRITES }, (_, i) =>
        send(`${api.url}/api/nodes`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ kind: 'project', title: `Reliability SIGTERM ${tag} #${i}` }),
          agent: false,
          timeoutMs: 40_000,
        }).then((answer) => (answers[i] = answer)),
      );
      // Until the API's connections wait on our lock (its pool is then full of these writes).
      const waitStarted = performance.now();
      while (performance.now() - waitStarted < 5_000) {
        const { rows } = await admin.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
          [suite.database],
        );
        if (Number(rows[0].n) > 0) break;
        await sleep(20);
      }
      // …and until the API has read every request: 50 connections to its port, none with bytes
      // it has not read yet (on a starved machine a request can sit unread in the socket for a while).
      const port = Number(new URL(api.url).port);
      let sockets = serverSockets(port);
      for (
        let waited = 0;
        sockets && (sockets.established < WRITES || sockets.unread > 0) && waited < 10_000;
        waited += 50
      ) {
        await sleep(50);
        sockets = serverSockets(port);
      }
      if (!sockets) await sleep(1_000);
      const answeredBefore = answers.filter(Boolean).length;
      const signalledAt = performance.now();
      api.child.kill('SIGTERM');
      await sleep(50);
      const readiness = await send(`${api.url}/api/health`, { agent: false, timeoutMs: 2_000 });
      await sleep(250);
      await release();
      await Promise.all(writes);
      const exited = await Promise.race([api.exited(), sleep(40_000).then(() => 'still running after 40 s')]);
      const exitMs = performance.now() - signalledAt;
      await api.stop(1_000); // SIGKILL if it is still there; closes its log file either way

      const restarted = await suite.restartApi();
      const created = answers.filter((a) => a && a.status === 201).map((a) => json<{ id: string }>(a!).id);
      const { rows } = await admin.query<{ id: string }>(`SELECT id FROM nodes WHERE title LIKE $1`, [
        `Reliability SIGTERM ${tag} #%`,
      ]);
      const stored = new Set(rows.map((r) => r.id));
      const missing = created.filter((id) => !stored.has(id));
      const unanswered = answers.filter((a) => !a || a.status === 0);
      const problems: string[] = [];
      if (sockets && (sockets.established < WRITES || sockets.unread > 0)) {
        problems.push(
          `the API had not read every request when it got SIGTERM (${sockets.established} connections, ${sockets.unread} unread): the item did not test what it should`,
        );
      }
      if (answeredBefore > 0) {
        problems.push(`${answeredBefore} of ${WRITES} writes were answered before the signal (not in flight)`);
      }
      if (unanswered.length) {
        problems.push(
          `${unanswered.length} of ${WRITES} writes got no answer (${formatCounts(countBy(unanswered, (a) => outcome(a ?? { status: 0, error: 'none' })))})`,
        );
      }
      if (missing.length) problems.push(`${missing.length} writes answered 201 are missing after the restart`);
      if (exited !== 'exit 0') problems.push(`the API did not exit 0 (${exited})`);
      return {
        pass: problems.length === 0,
        summary:
          `${WRITES} writes in flight at SIGTERM: ${formatCounts(countBy(answers, (a) => outcome(a ?? { status: 0, error: 'none' })))}; ` +
          `process ${exited} ${duration(exitMs)} after the signal; ${created.length} answered 201, ${missing.length} missing after restart` +
          (problems.length ? `: ${problems.join('; ')}` : ''),
        details: [
          sockets
            ? `at SIGTERM the API had accepted ${sockets.established} connections, ${sockets.unread} of them with bytes it had not yet read`
            : 'at SIGTERM: the API had had 1 s to read the requests (no /proc/net/tcp here to check)',
          `health on a new connection 50 ms after SIGTERM: ${outcome(readiness)}`,
          `rows of these writes in the database after restart: ${stored.size} (answered 201: ${created.length})`,
          `API pid ${api.pid} → restarted as ${restarted.pid}`,
        ],
      };
    } catch (error) {
      return fail(`the item could not run: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await release().catch(() => undefined);
      await admin.end();
    }
  },
};

/**
 * The established connections whose local end is 127.0.0.1:`port` (the API's side) and how many
 * have bytes waiting in their receive queue, from /proc/net/tcp; undefined where there is none.
 */
function serverSockets(port: number): { established: number; unread: number } | undefined {
  let table: string;
  try {
    table = readFileSync('/proc/net/tcp', 'utf8');
  } catch {
    return undefined;
  }
  const local = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  let established = 0;
  let unread = 0;
  for (const line of table.split('\n').slice(1)) {
    const [, localAddress, , state, queues] = line.trim().split(/\s+/);
    if (localAddress !== local || state !== '01') continue;
    established++;
    if (parseInt(queues.split(':')[1], 16) > 0) unread++;
  }
  return { established, unread };
}

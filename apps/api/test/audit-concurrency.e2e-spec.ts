import type { NodeKind } from '@throughline/domain';
import { connect, defaultOrgId, insertLink, insertNode } from './audit-fixtures.js';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * The audit reads the graph in one snapshot. A writer keeps adding, in one transaction each, a
 * new project and its links to two key results, and removing them again. Every audit run must
 * answer 200 and see either the whole write or none of it: KR-A and KR-B are both without work,
 * or both moved by the project — never one without the other, never a link to a node it lacks.
 */
describe('audit while links are being added', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('never fails and never reports a write half-done', async () => {
    const p = portfolio(t);
    const objective = await p.node('objective', 'OBJ-1');
    const krA = await p.node('key_result', 'KR-A');
    const krB = await p.node('key_result', 'KR-B');
    await p.link(krA, objective);
    await p.link(krB, objective);
    // Enough unrelated graph that each snapshot load takes a few statements' worth of time.
    for (let i = 0; i < 20; i++) await p.node('bau', `BAU-${i}`);

    const writer = await connect(t);
    const orgId = await defaultOrgId(writer);
    let stop = false;
    let writes = 0;
    const writing = (async () => {
      for (let i = 0; !stop; i++) {
        await writer.query('BEGIN');
        const project = {
          id: await insertNode(writer, orgId, { key: `PRJ-${i}`, kind: 'project' }),
          kind: 'project' as NodeKind,
        };
        await insertLink(writer, orgId, project, { id: krA.id, kind: 'key_result' }, 'contributes_to');
        await insertLink(writer, orgId, project, { id: krB.id, kind: 'key_result' }, 'contributes_to');
        await writer.query('COMMIT');
        await writer.query(`DELETE FROM nodes WHERE id = $1`, [project.id]);
        writes++;
      }
    })();

    const seen = { both: 0, neither: 0 };
    try {
      for (let run = 0; run < 60; run++) {
        const res = await t.http().get('/api/audit?rule=key-result-without-work');
        expect(res.status).toBe(200);
        const keys = res.body.findings.map((f: { nodeKeys: string[] }) => f.nodeKeys[0]).sort();
        expect([[], ['KR-A', 'KR-B']]).toContainEqual(keys);
        if (keys.length) seen.neither++;
        else seen.both++;
      }
    } finally {
      stop = true;
      await writing;
      await writer.end();
    }
    expect(writes).toBeGreaterThan(10);
    // Both states occurred, so the runs really did overlap the writes.
    expect(seen.both).toBeGreaterThan(0);
    expect(seen.neither).toBeGreaterThan(0);
  });
});

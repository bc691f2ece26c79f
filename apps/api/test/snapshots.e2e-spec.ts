import pg from 'pg';
import type { NodeRecord, SnapshotDiff } from '@throughline/domain';
import { asTenant } from './tenant-fixtures.js';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * Snapshots (issue 13): a baseline of a small graph, then known changes, then the diff.
 *
 *   before: OBJ-1 ← KR-1 ← PRJ-1 (contributes_to), OBJ-2 (nothing delivers it), PRJ-2 ← contributes_to → OBJ-2
 *   changes: OBJ-1 retitled; PRJ-2 deleted (with its link); BAU-1 added and linked to OBJ-2; PRJ-1's link weighted.
 */
describe('snapshots', () => {
  let t: TestApp;
  let n: Record<string, NodeRecord>;
  let baseline: { id: string; name: string; nodeCount: number; linkCount: number };

  beforeAll(async () => {
    t = await startTestApp();
    const p = portfolio(t);
    const unit = await p.unit('NET');
    n = {
      OBJ1: await p.node('objective', 'OBJ-1', { title: 'Grow' }),
      OBJ2: await p.node('objective', 'OBJ-2', { title: 'Save' }),
      KR1: await p.node('key_result', 'KR-1'),
      PRJ1: await p.node('project', 'PRJ-1', { businessUnitId: unit.id }),
      PRJ2: await p.node('project', 'PRJ-2', { businessUnitId: unit.id }),
    };
    await p.link(n.KR1, n.OBJ1);
    await p.link(n.PRJ1, n.KR1);
    await p.link(n.PRJ2, n.OBJ2);
    const taken = await t.http().post('/api/snapshots').send({ name: ' Q4 baseline ' }).expect(201);
    baseline = taken.body;
  });

  afterAll(() => t.close());

  it('stores the graph, coverage and audit summary under its trimmed name', async () => {
    expect(baseline).toMatchObject({ name: 'Q4 baseline', nodeCount: 5, linkCount: 3, takenBy: t.admin.name });
    const list = await t.http().get('/api/snapshots').expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: baseline.id, coverage: expect.any(Object) })]);
    // Both objectives have delivery: coverage 2 of 2.
    expect(list.body[0].coverage.objectives).toEqual({ total: 2, covered: 2, share: 1 });
  });

  it('finds no difference between a snapshot and an unchanged now', async () => {
    const diff = await t.http().get(`/api/snapshots/diff?from=${baseline.id}&to=now`).expect(200);
    expect(diff.body.counts).toEqual({
      nodes: { added: 0, removed: 0, changed: 0 },
      links: { added: 0, removed: 0, changed: 0 },
    });
  });

  it('diffs a snapshot against later changes: added, removed, changed field by field, coverage and audit', async () => {
    const p = portfolio(t);
    await t.http().patch(`/api/nodes/${n.OBJ1.id}`).send({ version: n.OBJ1.version, title: 'Grow faster' }).expect(200);
    await t.http().delete(`/api/nodes/${n.PRJ2.id}`).expect(204);
    const links = await t.http().get(`/api/links?nodeId=${n.PRJ1.id}`).expect(200);
    const prjLink = (links.body as { id: string; fromId: string; version: number }[]).find(
      (l) => l.fromId === n.PRJ1.id,
    )!;
    await t.http().patch(`/api/links/${prjLink.id}`).send({ version: prjLink.version, weight: 40 }).expect(200);
    const later = await t.http().post('/api/snapshots').send({ name: 'After' }).expect(201);

    const diff = (await t.http().get(`/api/snapshots/diff?from=${baseline.id}&to=${later.body.id}`).expect(200))
      .body as SnapshotDiff & {
      from: { id: string };
      to: { id: string };
      names: Record<string, { key: string; title: string }>;
    };
    expect(diff.from.id).toBe(baseline.id);
    expect(diff.to.id).toBe(later.body.id);
    expect(diff.counts).toEqual({
      nodes: { added: 0, removed: 1, changed: 1 },
      links: { added: 0, removed: 1, changed: 1 },
    });
    expect(diff.nodes.removed.map((r) => r.key)).toEqual(['PRJ-2']);
    // Names for the removed link's ends: PRJ-2 (gone now, from the baseline) and OBJ-2.
    expect(diff.names[n.PRJ2.id]).toEqual({ key: 'PRJ-2', title: 'PRJ-2 title' });
    expect(diff.names[n.OBJ2.id]).toEqual({ key: 'OBJ-2', title: 'Save' });
    expect(diff.nodes.changed).toEqual([
      expect.objectContaining({ id: n.OBJ1.id, changes: [{ field: 'title', from: 'Grow', to: 'Grow faster' }] }),
    ]);
    expect(diff.links.changed[0]).toMatchObject({ id: prjLink.id, changes: [{ field: 'weight', from: null, to: 40 }] });
    // OBJ-2 lost its only delivery: 2 of 2 → 1 of 2.
    expect(diff.coverage.objectivesCovered).toEqual({ from: 2, to: 1, delta: -1 });
    expect(diff.coverage.objectivesShare).toEqual({ from: 1, to: 0.5, delta: -0.5 });
    expect(diff.audit.error.delta).toEqual(expect.any(Number));

    // And against now: a node added since the second snapshot.
    const bau = await p.node('bau', 'BAU-1', { businessUnitId: n.PRJ1.businessUnitId });
    const now = (await t.http().get(`/api/snapshots/diff?from=${later.body.id}&to=now`).expect(200))
      .body as SnapshotDiff;
    expect(now.nodes.added.map((r) => r.id)).toEqual([bau.id]);
    expect(now.counts.nodes).toEqual({ added: 1, removed: 0, changed: 0 });
  });

  it('answers the coverage trend oldest first', async () => {
    const trend = await t.http().get('/api/snapshots/trend').expect(200);
    expect(trend.body.map((p: { name: string }) => p.name)).toEqual(['Q4 baseline', 'After']);
    expect(trend.body.map((p: { objectiveCoverage: number }) => p.objectiveCoverage)).toEqual([1, 0.5]);
  });

  it('refuses a blank name, a malformed `to` and an unknown snapshot', async () => {
    await t.http().post('/api/snapshots').send({ name: '   ' }).expect(400);
    // A snapshot's content is the server's to read, never the client's to send.
    await t
      .http()
      .post('/api/snapshots')
      .send({ name: 'Forged', graph: { nodes: [], links: [] } })
      .expect(400);
    await t.http().post('/api/snapshots').send({ name: 'Forged', takenBy: 'Someone' }).expect(400);
    await t.http().get(`/api/snapshots/diff?from=${baseline.id}&to=yesterday`).expect(400);
    await t.http().get(`/api/snapshots/diff?from=00000000-0000-4000-8000-000000000000&to=now`).expect(404);
  });

  it('lets executives read snapshots but only a pmo or admin take one', async () => {
    const executive = await t.as('executive');
    await executive.http().get('/api/snapshots').expect(200);
    await executive.http().post('/api/snapshots').send({ name: 'Mine' }).expect(403);
    const pmo = await t.as('pmo');
    await pmo.http().post('/api/snapshots').send({ name: 'PMO baseline' }).expect(201);
  });

  it('keeps snapshots immutable: the request role can neither update nor delete one, even its own organisation’s', async () => {
    const app = new pg.Client({ connectionString: t.appDatabaseUrl });
    await app.connect();
    try {
      await asTenant(app, { orgId: t.orgId, userId: t.admin.userId }, async () => {
        expect((await app.query(`SELECT count(*)::int AS n FROM snapshots`)).rows[0].n).toBeGreaterThan(0);
        for (const sql of [`UPDATE snapshots SET name = 'Rewritten'`, `DELETE FROM snapshots`]) {
          await expect(app.query(sql)).rejects.toMatchObject({ code: '42501' });
          await app.query('ROLLBACK');
          await app.query('BEGIN');
        }
      });
    } finally {
      await app.end();
    }
    const list = await t.http().get('/api/snapshots').expect(200);
    expect(list.body.map((s: { name: string }) => s.name)).not.toContain('Rewritten');
  });

  it('goes with its organisation when the organisation is deleted', async () => {
    const other = await t.newOrganisation('Snapshot Org');
    await other.http().post('/api/snapshots').send({ name: 'Doomed' }).expect(201);
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM snapshots WHERE org_id = $1`, [
      other.orgId,
    ]);
    expect(before[0].n).toBe(1);
    await other.http().delete('/api/organisation').send({ confirmName: 'Snapshot Org' }).expect(204);
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM snapshots WHERE org_id = $1`, [other.orgId]);
    expect(after[0].n).toBe(0);
  });
});

import type { NodeRecord } from '@throughline/domain';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';
import type { TestMember } from './principals.js';

/** The organisation's arrangement of a map view (issue 11): saved by a PMO, seen by everyone, per view. */
describe('Map layouts', () => {
  let t: TestApp;
  let unitId: string;
  let obj: NodeRecord;
  let prj: NodeRecord;
  let pmo: TestMember;
  let executive: TestMember;
  let contributor: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    const p = portfolio(t);
    const unit = await p.unit('NET');
    unitId = unit.id;
    obj = await p.node('objective', 'OBJ-1');
    prj = await p.node('project', 'PRJ-1', { businessUnitId: unit.id });
    pmo = await t.as('pmo');
    executive = await t.as('executive');
    contributor = await t.as('contributor', { unitIds: [unit.id] });
  });

  afterAll(() => t.close());

  const put = (body: unknown, as = pmo.http()) => as.put('/api/map-layouts').send(body as object);

  it('is empty for a view nobody arranged', async () => {
    const res = await executive.http().get('/api/map-layouts?view=never').expect(200);
    expect(res.body).toEqual({ view: 'never', positions: {}, updatedBy: null, updatedAt: null });
  });

  it('round-trips: a PMO saves positions, every member reads them for that view only', async () => {
    const saved = await put({
      view: 'auto',
      positions: { [obj.id]: { x: 100, y: -40.5 }, [prj.id]: { x: 100, y: 200 } },
    }).expect(200);
    expect(saved.body.positions).toEqual({ [obj.id]: { x: 100, y: -40.5 }, [prj.id]: { x: 100, y: 200 } });

    // A second save upserts: the named node moves, the other keeps its place.
    await put({ view: 'auto', positions: { [prj.id]: { x: 300, y: 260 } } }).expect(200);
    for (const reader of [executive, contributor, pmo]) {
      const res = await reader.http().get('/api/map-layouts?view=auto').expect(200);
      expect(res.body).toMatchObject({
        view: 'auto',
        positions: { [obj.id]: { x: 100, y: -40.5 }, [prj.id]: { x: 300, y: 260 } },
        updatedBy: expect.any(String),
      });
      expect(Number.isNaN(Date.parse(res.body.updatedAt))).toBe(false);
    }
    const other = await executive.http().get('/api/map-layouts?view=strategy').expect(200);
    expect(other.body.positions).toEqual({});
  });

  it('is the organisation’s own: another organisation neither sees it nor may name its nodes', async () => {
    await put({ view: 'shared', positions: { [obj.id]: { x: 1, y: 2 } } }).expect(200);
    const stranger = await t.newOrganisation('Layout Org');
    const seen = await stranger.http().get('/api/map-layouts?view=shared').expect(200);
    expect(seen.body.positions).toEqual({});
    const refused = await stranger
      .http()
      .put('/api/map-layouts')
      .send({ view: 'shared', positions: { [obj.id]: { x: 9, y: 9 } } })
      .expect(422);
    expect(refused.body.code).toBe('INVALID_FIELD');
    const ours = await t.http().get('/api/map-layouts?view=shared').expect(200);
    expect(ours.body.positions).toEqual({ [obj.id]: { x: 1, y: 2 } });
  });

  it('is changed by a PMO or admin only: executives and contributors get 403, the anonymous 401', async () => {
    const body = { view: 'roles', positions: { [obj.id]: { x: 5, y: 5 } } };
    await put(body, executive.http()).expect(403);
    await put(body, contributor.http()).expect(403);
    await executive.http().delete('/api/map-layouts?view=roles').expect(403);
    await contributor.http().delete('/api/map-layouts?view=roles').expect(403);
    await t.anonymous().get('/api/map-layouts?view=roles').expect(401);
    expect((await t.http().get('/api/map-layouts?view=roles').expect(200)).body.positions).toEqual({});
    await put(body, t.http()).expect(200);
  });

  it('refuses bad input and writes nothing of it', async () => {
    const ok = { [obj.id]: { x: 1, y: 1 } };
    const many = Object.fromEntries(
      Array.from({ length: 5_001 }, (_, i) => [
        `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        { x: 0, y: 0 },
      ]),
    );
    const cases: [unknown, number][] = [
      [{ positions: ok }, 400], // no view
      [{ view: '', positions: ok }, 400],
      [{ view: 'x'.repeat(501), positions: ok }, 400],
      [{ view: 'bad', positions: ok, extra: true }, 400],
      [{ view: 'bad', positions: [1, 2] }, 400],
      [{ view: 'bad', positions: { 'not-a-uuid': { x: 1, y: 1 } } }, 422],
      [{ view: 'bad', positions: { ...ok, [prj.id]: { x: '1', y: 1 } } }, 422],
      [{ view: 'bad', positions: { [obj.id]: { x: 1 } } }, 422],
      [{ view: 'bad', positions: { [obj.id]: { x: 1, y: 2, z: 3 } } }, 422],
      [{ view: 'bad', positions: { [obj.id]: { x: 1_000_001, y: 0 } } }, 422],
      [{ view: 'bad', positions: { [obj.id]: { x: 0, y: -1e7 } } }, 422],
      [{ view: 'bad', positions: { ...ok, '00000000-0000-4000-8000-000000000000': { x: 0, y: 0 } } }, 422],
      [{ view: 'bad', positions: many }, 422],
    ];
    for (const [body, status] of cases) {
      const res = await put(body);
      expect({ body, status: res.status }).toEqual({ body, status });
    }
    // JSON's 1e400 is Infinity once parsed: refused, not stored.
    const infinite = await pmo
      .http()
      .put('/api/map-layouts')
      .set('Content-Type', 'application/json')
      .send(`{"view":"bad","positions":{"${obj.id}":{"x":1e400,"y":0}}}`);
    expect(infinite.status).toBe(422);
    await pmo.http().get('/api/map-layouts').expect(400);
    expect((await pmo.http().get('/api/map-layouts?view=bad').expect(200)).body.positions).toEqual({});
  });

  it('takes one node named in upper and lower case as one position', async () => {
    const res = await put({
      view: 'cased',
      positions: { [obj.id.toUpperCase()]: { x: 1, y: 1 }, [obj.id]: { x: 2, y: 2 } },
    }).expect(200);
    expect(res.body.positions).toEqual({ [obj.id]: { x: 2, y: 2 } });
  });

  it('takes a whole view, 5,000 positions, in one request', async () => {
    // 5,000 themes written straight into the database (the API would take minutes to make them one by one).
    const ids = (
      await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO nodes (org_id, key, kind, title)
         SELECT $1, 'BULK-' || i, 'theme', 'Bulk ' || i FROM generate_series(1, 5000) AS i RETURNING id`,
        [t.orgId],
      )
    ).map((r) => r.id);
    const positions = Object.fromEntries(ids.map((id, i) => [id, { x: i * 10, y: -i * 20.25 }]));
    const res = await put({ view: 'bulk', positions }).expect(200);
    expect(Object.keys(res.body.positions)).toHaveLength(5_000);
    expect(res.body.positions[ids[4_999]]).toEqual({ x: 49_990, y: -4_999 * 20.25 });
    await t.dataSource.query(`DELETE FROM nodes WHERE org_id = $1 AND key LIKE 'BULK-%'`, [t.orgId]);
    expect((await t.http().get('/api/map-layouts?view=bulk').expect(200)).body.positions).toEqual({});
  });

  it('reset: a PMO forgets the view’s arrangement and everyone is back to the automatic layout', async () => {
    await put({ view: 'reset', positions: { [obj.id]: { x: 1, y: 1 } } }).expect(200);
    await put({ view: 'kept', positions: { [obj.id]: { x: 2, y: 2 } } }).expect(200);
    await pmo.http().delete('/api/map-layouts?view=reset').expect(204);
    expect((await executive.http().get('/api/map-layouts?view=reset').expect(200)).body.positions).toEqual({});
    expect((await executive.http().get('/api/map-layouts?view=kept').expect(200)).body.positions).toEqual({
      [obj.id]: { x: 2, y: 2 },
    });
  });

  it('a deleted node’s positions go with it, in every view', async () => {
    const doomed = await portfolio(t).node('project', 'PRJ-DOOMED', { businessUnitId: unitId });
    await put({ view: 'auto', positions: { [doomed.id]: { x: 7, y: 7 } } }).expect(200);
    await put({ view: 'other', positions: { [doomed.id]: { x: 8, y: 8 }, [obj.id]: { x: 3, y: 3 } } }).expect(200);
    await t.http().delete(`/api/nodes/${doomed.id}`).expect(204);
    const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM map_positions WHERE node_id = $1`, [
      doomed.id,
    ]);
    expect(rows[0].n).toBe(0);
    const other = await t.http().get('/api/map-layouts?view=other').expect(200);
    expect(other.body.positions).toEqual({ [obj.id]: { x: 3, y: 3 } });
  });
});

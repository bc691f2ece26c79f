import type { ChangeLogEntry, NodeRecord, OkrCycle } from '@throughline/domain';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

/** OKR cycles (issue 13): the periods key results belong to, defined by a PMO, set on key results. */
describe('OKR cycles', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(() => t.close());

  const define = (body: Record<string, unknown>, as = t.http()) => as.post('/api/okr-cycles').send(body);

  it('a PMO defines cycles; everyone reads them, newest first, with how many key results each has', async () => {
    const pmo = await t.as('pmo');
    const q3 = (await define({ name: '2026 Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' }, pmo.http()).expect(201))
      .body as OkrCycle;
    expect(q3).toMatchObject({ name: '2026 Q3', startsOn: '2026-07-01', endsOn: '2026-09-30', keyResults: 0 });
    await define({ name: '2026 Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' }).expect(201);

    const executive = await t.as('executive');
    const list = (await executive.http().get('/api/okr-cycles').expect(200)).body as OkrCycle[];
    expect(list.map((c) => c.name)).toEqual(['2026 Q4', '2026 Q3']);
    await define({ name: 'Nope', startsOn: '2026-01-01', endsOn: '2026-03-31' }, executive.http()).expect(403);
    const contributor = await t.as('contributor');
    await define({ name: 'Nope', startsOn: '2026-01-01', endsOn: '2026-03-31' }, contributor.http()).expect(403);
  });

  it('refuses a cycle that ends before it starts, a taken name, and a name of blanks', async () => {
    const backwards = await define({ name: 'Backwards', startsOn: '2026-10-02', endsOn: '2026-10-01' }).expect(422);
    expect(backwards.body.details).toEqual([{ field: 'endsOn', problems: ['must be on or after startsOn'] }]);
    await define({ name: 'One day', startsOn: '2026-10-01', endsOn: '2026-10-01' }).expect(201);
    const taken = await define({ name: 'One day', startsOn: '2027-01-01', endsOn: '2027-03-31' }).expect(409);
    expect(taken.body.code).toBe('KEY_TAKEN');
    await define({ name: '   ', startsOn: '2027-01-01', endsOn: '2027-03-31' }).expect(422);
    await define({ name: 'No dates' }).expect(400);
    await define({ name: 'Bad date', startsOn: '2027-02-30', endsOn: '2027-03-31' }).expect(400);
  });

  it('renames and moves a cycle, keeping the dates in order', async () => {
    const cycle = (await define({ name: 'FY27 H1', startsOn: '2027-01-01', endsOn: '2027-06-30' }).expect(201))
      .body as OkrCycle;
    const renamed = await t.http().patch(`/api/okr-cycles/${cycle.id}`).send({ name: 'FY27 first half' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'FY27 first half', startsOn: '2027-01-01', endsOn: '2027-06-30' });
    await t.http().patch(`/api/okr-cycles/${cycle.id}`).send({ startsOn: '2027-07-01' }).expect(422);
    await t.http().patch(`/api/okr-cycles/${cycle.id}`).send({ name: '2026 Q4' }).expect(409);
    await t.http().patch('/api/okr-cycles/7b1f0a52-6f7e-4b8e-9d3e-5f2a1c0b9e11').send({ name: 'X' }).expect(404);
  });

  it('a key result takes a cycle on create and update, returned by the node endpoints; other kinds refuse it', async () => {
    const cycles = (await t.http().get('/api/okr-cycles').expect(200)).body as OkrCycle[];
    const q4 = cycles.find((c) => c.name === '2026 Q4')!;
    const q3 = cycles.find((c) => c.name === '2026 Q3')!;
    const p = portfolio(t);
    const kr = await p.node('key_result', 'KR-C1', { cycleId: q4.id });
    expect(kr.cycleId).toBe(q4.id);
    const none = await p.node('key_result', 'KR-C2');
    expect(none.cycleId).toBeNull();

    const moved = await t.http().patch(`/api/nodes/${kr.id}`).send({ version: kr.version, cycleId: q3.id }).expect(200);
    expect((moved.body as NodeRecord).cycleId).toBe(q3.id);
    const read = (await t.http().get(`/api/nodes/${kr.id}`).expect(200)).body as NodeRecord;
    expect(read.cycleId).toBe(q3.id);
    const listed = (await t.http().get('/api/nodes?kind=key_result').expect(200)).body.items as NodeRecord[];
    expect(listed.find((n) => n.key === 'KR-C1')?.cycleId).toBe(q3.id);

    const project = await p.node('project', 'PRJ-C1');
    expect(project).not.toHaveProperty('cycleId');
    const refused = await t
      .http()
      .post('/api/nodes')
      .send({ kind: 'objective', key: 'OBJ-C1', title: 'Grow', cycleId: q4.id })
      .expect(422);
    expect(refused.body.details).toEqual([{ field: 'cycleId', problems: ['applies to key results only'] }]);
    await t.http().patch(`/api/nodes/${none.id}`).send({ version: none.version, cycleId: 'not-a-uuid' }).expect(400);

    const counted = (await t.http().get('/api/okr-cycles').expect(200)).body as OkrCycle[];
    expect(counted.find((c) => c.id === q3.id)?.keyResults).toBe(1);
  });

  it('another organisation’s cycle does not exist for a key result', async () => {
    const other = await t.newOrganisation('Elsewhere');
    const theirs = (
      await define({ name: 'Their Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' }, other.http()).expect(201)
    ).body as OkrCycle;
    const res = await t
      .http()
      .post('/api/nodes')
      .send({ kind: 'key_result', key: 'KR-C9', title: 'Theirs', target: 10, cycleId: theirs.id })
      .expect(422);
    expect(res.body.details).toEqual([{ field: 'cycleId', problems: ['refers to no OKR cycle of this organisation'] }]);
    expect((await t.http().get('/api/okr-cycles').expect(200)).body.map((c: OkrCycle) => c.name)).not.toContain(
      'Their Q4',
    );
    await t.http().delete(`/api/okr-cycles/${theirs.id}`).expect(404);
  });

  it('deleting a cycle keeps its key results, in no cycle; the change log records each change', async () => {
    const cycle = (await define({ name: 'Doomed', startsOn: '2028-01-01', endsOn: '2028-03-31' }).expect(201))
      .body as OkrCycle;
    const kr = await portfolio(t).node('key_result', 'KR-D1', { cycleId: cycle.id });
    await t.http().delete(`/api/okr-cycles/${cycle.id}`).expect(204);
    const after = (await t.http().get(`/api/nodes/${kr.id}`).expect(200)).body as NodeRecord;
    expect(after.cycleId).toBeNull();
    expect(after.version).toBe(kr.version);

    const log = (await t.http().get('/api/change-log?entityType=okr_cycle').expect(200)).body
      .entries as ChangeLogEntry[];
    const mine = log.filter((e) => e.entityId === cycle.id);
    expect(mine.map((e) => e.action)).toEqual(['delete', 'create']);
    expect(mine[0].before).toMatchObject({ name: 'Doomed', startsOn: '2028-01-01', endsOn: '2028-03-31' });
  });

  it('the database refuses a cycle on a node that is not a key result, and a backwards cycle', async () => {
    const [cycle] = (await t.http().get('/api/okr-cycles').expect(200)).body as OkrCycle[];
    const project = await portfolio(t).node('project', 'PRJ-C2');
    await expect(
      t.dataSource.query(`UPDATE nodes SET cycle_id = $1 WHERE id = $2`, [cycle.id, project.id]),
    ).rejects.toThrow(/nodes_cycle_kind_chk/);
    await expect(
      t.dataSource.query(
        `INSERT INTO okr_cycles (org_id, name, starts_on, ends_on) VALUES ($1, 'X', '2026-02-01', '2026-01-01')`,
        [t.orgId],
      ),
    ).rejects.toThrow(/okr_cycles_dates_chk/);
  });
});

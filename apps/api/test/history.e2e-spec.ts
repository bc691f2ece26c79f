import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

describe('check-ins, delete and history', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('adds check-ins newest first; the newest sets the key result current, a back-dated one does not', async () => {
    const kr = await portfolio(t).node('key_result', 'KR-CI', { baseline: 38, target: 80, current: 40 });
    await t
      .http()
      .post(`/api/nodes/${kr.id}/check-ins`)
      .send({ value: 45, at: '2026-09-30', confidence: 0.5 })
      .expect(201);
    const newest = await t
      .http()
      .post(`/api/nodes/${kr.id}/check-ins`)
      .send({ value: 51, at: '2026-10-31', note: 'Ahead' })
      .expect(201);
    expect(newest.body).toMatchObject({ nodeId: kr.id, value: 51, at: '2026-10-31', note: 'Ahead', confidence: null });
    await t.http().post(`/api/nodes/${kr.id}/check-ins`).send({ value: 20, at: '2026-01-31' }).expect(201);
    const list = await t.http().get(`/api/nodes/${kr.id}/check-ins`).expect(200);
    expect(list.body.map((c: { at: string }) => c.at)).toEqual(['2026-10-31', '2026-09-30', '2026-01-31']);
    const node = (await t.http().get(`/api/nodes/${kr.id}`)).body;
    expect(node).toMatchObject({ current: 51, confidence: 0.5, version: 3 });
  });

  it('refuses the same reading twice (409): a reading is its key result, day and value', async () => {
    const kr = await portfolio(t).node('key_result', 'KR-TWICE');
    await t.http().post(`/api/nodes/${kr.id}/check-ins`).send({ value: 7, at: '2026-10-01' }).expect(201);
    const res = await t.http().post(`/api/nodes/${kr.id}/check-ins`).send({ value: 7, at: '2026-10-01' }).expect(409);
    expect(res.body.message).toBe('KR-TWICE already has a check-in of 7 on 2026-10-01.');
    await t.http().post(`/api/nodes/${kr.id}/check-ins`).send({ value: 8, at: '2026-10-01' }).expect(201);
  });

  it('refuses check-ins on other kinds and bad values', async () => {
    const obj = await portfolio(t).node('objective', 'OBJ-CI');
    const res = await t.http().post(`/api/nodes/${obj.id}/check-ins`).send({ value: 1 }).expect(422);
    expect(res.body).toMatchObject({
      code: 'INVALID_STATE',
      message: 'OBJ-CI is an objective; check-ins belong to key results.',
    });
    const kr = await portfolio(t).node('key_result', 'KR-CI2');
    const bad = await t
      .http()
      .post(`/api/nodes/${kr.id}/check-ins`)
      .send({ value: 'x', at: '2026-02-30', confidence: 2 })
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['at', 'confidence', 'value']);
  });

  it('deletes a node with its links in one transaction, and the change log keeps them', async () => {
    const p = portfolio(t);
    const obj = await p.node('objective', 'OBJ-DEL');
    const kr = await p.node('key_result', 'KR-DEL');
    const project = await p.node('project', 'PRJ-DEL');
    const up = await p.link(kr, obj);
    const down = await p.link(project, kr, 'contributes_to', { weight: 50 });
    await t.http().post(`/api/nodes/${kr.id}/check-ins`).send({ value: 5, at: '2026-10-01' }).expect(201);

    const delEater = await t.as('admin', { name: 'Del Eater' });
    await delEater.http().delete(`/api/nodes/${kr.id}`).expect(204);

    await t.http().get(`/api/nodes/${kr.id}`).expect(404);
    expect((await t.http().get(`/api/links?nodeId=${obj.id}`)).body).toEqual([]);
    expect((await t.http().get(`/api/links?nodeId=${project.id}`)).body).toEqual([]);
    const history = (await t.http().get(`/api/nodes/${kr.id}/history`).expect(200)).body;
    expect(history[0]).toMatchObject({ action: 'delete', entityType: 'node', actor: 'Del Eater', after: null });
    expect(history[0].before).toMatchObject({ key: 'KR-DEL', checkIns: [{ value: 5 }] });
    const linkDeletes = history.filter(
      (e: { action: string; entityType: string }) => e.action === 'delete' && e.entityType === 'link',
    );
    expect(linkDeletes.map((e: { entityId: string }) => e.entityId).sort()).toEqual([up.id, down.id].sort());
    // The objective's history shows its link was removed too.
    const objHistory = (await t.http().get(`/api/nodes/${obj.id}/history`)).body;
    expect(objHistory.map((e: { action: string; entityType: string }) => `${e.action} ${e.entityType}`)).toEqual([
      'delete link',
      'create link',
      'create node',
    ]);
  });

  it('records who changed what in a node history, newest first', async () => {
    const node = await portfolio(t).node('project', 'PRJ-HIS', { budget: 1 });
    const bea = await t.as('admin', { name: 'Bea' });
    await bea.http().patch(`/api/nodes/${node.id}`).send({ version: 1, budget: 2 }).expect(200);
    const history = (await t.http().get(`/api/nodes/${node.id}/history`)).body;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({
      action: 'update',
      actor: 'Bea',
      before: { budget: 1 },
      after: { budget: 2, version: 2 },
    });
    expect(history[1]).toMatchObject({ action: 'create', before: null, after: { key: 'PRJ-HIS' } });
  });

  it('leaves nothing half-written when a multi-row write fails', async () => {
    // The delete's change-log insert runs after its row deletes; make it fail and nothing may change.
    const p = portfolio(t);
    const a = await p.node('objective', 'OBJ-ATOM');
    const b = await p.node('bau', 'BAU-ATOM');
    await p.link(b, a);
    await t.dataSource.query(
      `ALTER TABLE change_log ADD CONSTRAINT test_no_deletes_chk CHECK (action <> 'delete') NOT VALID`,
    );
    try {
      await t
        .http()
        .delete(`/api/nodes/${a.id}`)
        .expect((res) => expect(res.status).toBeGreaterThanOrEqual(400));
    } finally {
      await t.dataSource.query(`ALTER TABLE change_log DROP CONSTRAINT test_no_deletes_chk`);
    }
    await t.http().get(`/api/nodes/${a.id}`).expect(200);
    expect((await t.http().get(`/api/links?nodeId=${a.id}`)).body).toHaveLength(1);
  });
});

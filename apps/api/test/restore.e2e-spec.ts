import type { NodeRecord } from '@throughline/domain';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

/** Undo of a delete: POST /api/nodes/:id/restore brings a node back as it was, with its links and check-ins. */
describe('POST /api/nodes/:id/restore', () => {
  let t: TestApp;
  let p: ReturnType<typeof portfolio>;
  beforeAll(async () => {
    t = await startTestApp();
    p = portfolio(t);
  });
  afterAll(() => t.close());

  const del = (node: { id: string }) => t.http().delete(`/api/nodes/${node.id}`).expect(204);
  const linksOf = async (node: { id: string }) =>
    ((await t.http().get(`/api/links?nodeId=${node.id}`).expect(200)).body as { id: string; kind: string }[])
      .map((l) => `${l.kind}:${l.id}`)
      .sort();

  it('restores the same id and key, its fields, check-ins and links, in one step, and logs it', async () => {
    const obj = await p.node('objective', 'OBJ-1');
    const kr = await p.node('key_result', 'KR-1', { unit: '%', target: 80, baseline: 10, tags: ['metering'] });
    const prj = await p.node('project', 'PRJ-1', { budget: 1200.5 });
    await p.link(kr, obj);
    await p.link(prj, kr, 'contributes_to', { weight: 40, rationale: 'wave 2' });
    await t
      .http()
      .post(`/api/nodes/${kr.id}/check-ins`)
      .send({ at: '2026-10-31', value: 51, note: 'ahead' })
      .expect(201);
    const before: NodeRecord = (await t.http().get(`/api/nodes/${kr.id}`).expect(200)).body;
    const linksBefore = await linksOf(kr);
    expect(linksBefore).toHaveLength(2);

    await del(kr);
    await t.http().get(`/api/nodes/${kr.id}`).expect(404);

    const res = await t.http().post(`/api/nodes/${kr.id}/restore`).expect(200);
    expect(res.body.skippedLinks).toEqual([]);
    expect(res.body.restoredLinkIds).toHaveLength(2);
    const after: NodeRecord = (await t.http().get(`/api/nodes/${kr.id}`).expect(200)).body;
    expect(after).toMatchObject({
      id: kr.id,
      key: 'KR-1',
      kind: 'key_result',
      title: before.title,
      unit: '%',
      target: 80,
      baseline: 10,
      current: 51,
      tags: ['metering'],
      createdAt: before.createdAt,
      version: before.version + 1,
    });
    expect(await linksOf(kr)).toEqual(linksBefore);
    const weighted = (await t.http().get(`/api/links?nodeId=${prj.id}`).expect(200)).body as {
      weight: number | null;
      rationale: string;
    }[];
    expect(weighted).toEqual([expect.objectContaining({ weight: 40, rationale: 'wave 2' })]);
    const checkIns = (await t.http().get(`/api/nodes/${kr.id}/check-ins`).expect(200)).body as { value: number }[];
    expect(checkIns.map((c) => c.value)).toEqual([51]);

    const history = (await t.http().get(`/api/nodes/${kr.id}/history`).expect(200)).body as {
      action: string;
      entityType: string;
    }[];
    expect(history[0]).toMatchObject({ action: 'create' });
    expect(history.filter((e) => e.entityType === 'node').map((e) => e.action)).toEqual(
      expect.arrayContaining(['create', 'delete', 'create']),
    );
    // A restored node can be deleted and restored again.
    await del(kr);
    await t.http().post(`/api/nodes/${kr.id}/restore`).expect(200);
  });

  it('leaves out a link whose other end has gone since, and names it', async () => {
    const a = await p.node('project', 'PRJ-10');
    const b = await p.node('key_result', 'KR-10');
    const link = await p.link(a, b);
    await del(a);
    await del(b); // the other end goes too, after
    const res = await t.http().post(`/api/nodes/${a.id}/restore`).expect(200);
    expect(res.body.restoredLinkIds).toEqual([]);
    expect(res.body.skippedLinks).toEqual([
      expect.objectContaining({ id: link.id, reason: expect.stringContaining('no longer exists') }),
    ]);
    expect(await linksOf(a)).toEqual([]);
  });

  it('answers 404 for a node never deleted, 409 when it exists or its key was taken, 400 for a bad id', async () => {
    expect((await t.http().post('/api/nodes/00000000-0000-4000-8000-000000000000/restore').expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    const live = await p.node('project', 'PRJ-20');
    expect((await t.http().post(`/api/nodes/${live.id}/restore`).expect(409)).body.code).toBe('CONFLICT');

    const gone = await p.node('project', 'PRJ-21');
    await del(gone);
    await p.node('project', 'PRJ-21'); // someone reuses the key
    const taken = await t.http().post(`/api/nodes/${gone.id}/restore`).expect(409);
    expect(taken.body).toMatchObject({ code: 'KEY_TAKEN', message: expect.stringContaining('PRJ-21') });
    await t.http().get(`/api/nodes/${gone.id}`).expect(404); // nothing half-restored

    await t.http().post('/api/nodes/PRJ-21/restore').expect(400);
  });
});

import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

describe('business units', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('creates, lists (by key), updates and deletes', async () => {
    const ret = await t.http().post('/api/business-units').send({ key: 'RET', name: 'Retail' }).expect(201);
    const net = await t.http().post('/api/business-units').send({ key: 'NET', name: 'Networks' }).expect(201);
    const child = await t
      .http()
      .post('/api/business-units')
      .send({ key: 'NET-S', name: 'Smart', parentId: net.body.id })
      .expect(201);
    const listed = await t.http().get('/api/business-units').expect(200);
    expect(listed.body.map((u: { key: string }) => u.key)).toEqual(['NET', 'NET-S', 'RET']);
    const renamed = await t
      .http()
      .patch(`/api/business-units/${ret.body.id}`)
      .send({ name: 'Retail & Supply', version: 1 })
      .expect(200);
    expect(renamed.body).toMatchObject({ name: 'Retail & Supply', version: 2 });
    await t.http().delete(`/api/business-units/${child.body.id}`).expect(204);
    await t.http().get(`/api/business-units/${child.body.id}`).expect(404);
  });

  it('refuses to delete a unit while nodes or child units use it (409)', async () => {
    const p = portfolio(t);
    const unit = await p.unit('OPS');
    const node = await p.node('bau', 'BAU-OPS', { businessUnitId: unit.id });
    const res = await t.http().delete(`/api/business-units/${unit.id}`).expect(409);
    expect(res.body).toMatchObject({ code: 'IN_USE', details: { nodes: 1, children: 0 } });
    await t.http().patch(`/api/nodes/${node.id}`).send({ version: 1, businessUnitId: null }).expect(200);
    const parent = await p.unit('GRP');
    await p.unit('GRP-1', { parentId: parent.id });
    expect((await t.http().delete(`/api/business-units/${parent.id}`).expect(409)).body.details).toEqual({
      nodes: 0,
      children: 1,
    });
    await t.http().delete(`/api/business-units/${unit.id}`).expect(204);
  });

  it('refuses a taken key, a parent of nobody and a parent loop', async () => {
    const p = portfolio(t);
    const a = await p.unit('LOOP-A');
    const b = await p.unit('LOOP-B', { parentId: a.id });
    expect((await t.http().post('/api/business-units').send({ key: 'LOOP-A', name: 'x' }).expect(409)).body.code).toBe(
      'KEY_TAKEN',
    );
    await t
      .http()
      .post('/api/business-units')
      .send({ key: 'ORPH', name: 'x', parentId: '00000000-0000-4000-8000-000000000000' })
      .expect(422);
    const loop = await t.http().patch(`/api/business-units/${a.id}`).send({ parentId: b.id }).expect(422);
    expect(loop.body.details[0].field).toBe('parentId');
  });

  it('answers bad bodies with 400 naming the field', async () => {
    const res = await t.http().post('/api/business-units').send({ key: 'has space', name: '' }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['key', 'name']);
  });
});

import { NODE_KINDS } from '@throughline/domain';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

describe('nodes', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  describe('POST /api/nodes', () => {
    it('creates a node of every kind with its own fields', async () => {
      const unit = await portfolio(t).unit('NET');
      const bodies = {
        theme: { priority: 1 },
        objective: { priority: 2, targetDate: '2028-03-31' },
        key_result: { unit: '%', baseline: 38, target: 80, current: 51, direction: 'increase', confidence: 0.6 },
        programme: { budget: 90000000, stage: 'deliver', businessUnitId: unit.id },
        project: {
          budget: 42000000,
          effort: 1200,
          stage: 'build',
          deliveryConfidence: 'amber',
          businessUnitId: unit.id,
        },
        bau: { kpi: 'Bills on time', cadence: 'monthly', annualCost: 3500000, businessUnitId: unit.id },
        asset: { assetType: 'platform', lifecycle: 'run', annualValue: 12000000, businessUnitId: unit.id },
      };
      for (const kind of NODE_KINDS) {
        const res = await t
          .http()
          .post('/api/nodes')
          .send({ kind, key: `K-${kind}`, title: `A ${kind}`, owner: 'Someone', ...bodies[kind] })
          .expect(201);
        expect(res.body).toMatchObject({
          kind,
          key: `K-${kind}`,
          status: 'active',
          health: 'unknown',
          version: 1,
          ...bodies[kind],
        });
      }
    });

    it('generates a key from the kind when none is given', async () => {
      await portfolio(t).node('project', 'PRJ-41');
      const res = await t.http().post('/api/nodes').send({ kind: 'project', title: 'Next' }).expect(201);
      expect(res.body.key).toBe('PRJ-42');
    });

    it('answers a bad body with 400 naming each wrong field', async () => {
      const res = await t
        .http()
        .post('/api/nodes')
        .send({ kind: 'castle', title: '', budget: 'lots', colour: 'red' })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      const fields = res.body.details.map((d: { field: string }) => d.field).sort();
      expect(fields).toEqual(['budget', 'colour', 'kind', 'title']);
      expect(res.body.message).toContain('kind must be one of the following values');
      expect(res.body.message).toContain('colour should not exist');
    });

    it('refuses a field that does not belong to the kind (422), and writes nothing', async () => {
      const res = await t
        .http()
        .post('/api/nodes')
        .send({ kind: 'theme', key: 'THM-X', title: 'T', budget: 5 })
        .expect(422);
      expect(res.body).toMatchObject({ code: 'INVALID_FIELD', details: [{ field: 'budget' }] });
      expect(res.body.message).toBe('budget does not apply to a theme (it has: priority)');
      await t.http().get('/api/nodes?q=THM-X').expect(200, { items: [], nextCursor: null });
    });

    it('refuses a key result without a target', async () => {
      const res = await t.http().post('/api/nodes').send({ kind: 'key_result', title: 'KR' }).expect(422);
      expect(res.body.details).toEqual([{ field: 'target', problems: ['a key result needs a target'] }]);
    });

    it('refuses a taken key with 409', async () => {
      await portfolio(t).node('bau', 'BAU-DUP');
      const res = await t.http().post('/api/nodes').send({ kind: 'bau', key: 'BAU-DUP', title: 'Again' }).expect(409);
      expect(res.body.code).toBe('KEY_TAKEN');
    });

    it('refuses a business unit of nobody', async () => {
      const res = await t
        .http()
        .post('/api/nodes')
        .send({ kind: 'bau', title: 'x', businessUnitId: '00000000-0000-4000-8000-000000000000' })
        .expect(422);
      expect(res.body.details[0].field).toBe('businessUnitId');
    });
  });

  describe('GET and PATCH /api/nodes/:id', () => {
    it('reads a node with its version as ETag', async () => {
      const node = await portfolio(t).node('objective', 'OBJ-R');
      const res = await t.http().get(`/api/nodes/${node.id}`).expect(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toEqual(node);
    });

    it('answers 404 for an unknown node and 400 for a malformed id', async () => {
      await t.http().get('/api/nodes/00000000-0000-4000-8000-000000000000').expect(404);
      const res = await t.http().get('/api/nodes/not-a-uuid').expect(400);
      expect(res.body.message).toBe('id must be a UUID');
    });

    it('updates with the version in the body and bumps it', async () => {
      const node = await portfolio(t).node('project', 'PRJ-U', { budget: 10 });
      const ada = await t.as('admin', { name: 'Ada' });
      const res = await ada
        .http()
        .patch(`/api/nodes/${node.id}`)
        .send({ version: 1, budget: 20, health: 'red' })
        .expect(200);
      expect(res.body).toMatchObject({ budget: 20, health: 'red', version: 2, updatedBy: 'Ada' });
    });

    it('accepts If-Match instead of a body version', async () => {
      const node = await portfolio(t).node('project', 'PRJ-IM');
      const res = await t
        .http()
        .patch(`/api/nodes/${node.id}`)
        .set('If-Match', '"1"')
        .send({ title: 'Renamed' })
        .expect(200);
      expect(res.body).toMatchObject({ title: 'Renamed', version: 2 });
      expect(res.headers.etag).toBe('"2"');
    });

    it('refuses a stale version with 409 and the current node, and changes nothing', async () => {
      const node = await portfolio(t).node('project', 'PRJ-S');
      const firstEditor = await t.as('admin', { name: 'First Editor' });
      await firstEditor.http().patch(`/api/nodes/${node.id}`).send({ version: 1, title: 'First' }).expect(200);
      const res = await t.http().patch(`/api/nodes/${node.id}`).send({ version: 1, title: 'Second' }).expect(409);
      expect(res.body.code).toBe('VERSION_CONFLICT');
      expect(res.body.details.current).toMatchObject({ title: 'First', version: 2, updatedBy: 'First Editor' });
      expect(res.body.message).toContain('First Editor');
      expect((await t.http().get(`/api/nodes/${node.id}`)).body.title).toBe('First');
    });

    it('asks for a version (428) when there is none', async () => {
      const node = await portfolio(t).node('project', 'PRJ-428');
      const res = await t.http().patch(`/api/nodes/${node.id}`).send({ title: 'x' }).expect(428);
      expect(res.body.code).toBe('PRECONDITION_REQUIRED');
    });

    it('refuses to change the kind', async () => {
      const node = await portfolio(t).node('project', 'PRJ-K');
      const res = await t.http().patch(`/api/nodes/${node.id}`).send({ version: 1, kind: 'bau' }).expect(400);
      expect(res.body.details).toEqual([{ field: 'kind', problems: ['kind should not exist'] }]);
    });

    it('refuses clearing a key result target and dates out of order', async () => {
      const kr = await portfolio(t).node('key_result', 'KR-T');
      await t.http().patch(`/api/nodes/${kr.id}`).send({ version: 1, target: null }).expect(422);
      const res = await t
        .http()
        .patch(`/api/nodes/${kr.id}`)
        .send({ version: 1, startDate: '2026-05-01', endDate: '2026-01-01' })
        .expect(422);
      expect(res.body.details[0].field).toBe('endDate');
    });
  });

  describe('GET /api/nodes', () => {
    let t2: TestApp;
    beforeAll(async () => {
      t2 = await startTestApp();
      const p = portfolio(t2);
      const net = await p.unit('NET');
      await p.node('project', 'PRJ-1', { title: 'Smart meter wave 1', businessUnitId: net.id, health: 'red' });
      await p.node('project', 'PRJ-2', { title: 'Grid sensors', businessUnitId: net.id, status: 'on_hold' });
      await p.node('bau', 'BAU-1', { title: 'Meter reading', health: 'green' });
      await p.node('objective', 'OBJ-1', { title: 'Every home smart-ready' });
    });
    afterAll(() => t2.close());

    const keys = (body: { items: { key: string }[] }) => body.items.map((n) => n.key);

    it.each([
      ['kind=project', ['PRJ-1', 'PRJ-2']],
      ['kind=project,bau', ['BAU-1', 'PRJ-1', 'PRJ-2']],
      ['kind=project&kind=bau', ['BAU-1', 'PRJ-1', 'PRJ-2']],
      ['status=on_hold', ['PRJ-2']],
      ['health=red,green', ['BAU-1', 'PRJ-1']],
      ['q=METER', ['BAU-1', 'PRJ-1']],
      ['q=obj-', ['OBJ-1']],
      ['q=%25', []],
      ['sort=-key', ['PRJ-2', 'PRJ-1', 'OBJ-1', 'BAU-1']],
      ['sort=title', ['OBJ-1', 'PRJ-2', 'BAU-1', 'PRJ-1']],
    ])('filters %s', async (query, expected) => {
      const res = await t2.http().get(`/api/nodes?${query}`).expect(200);
      expect(keys(res.body)).toEqual(expected);
    });

    it('filters by business unit', async () => {
      const units = (await t2.http().get('/api/business-units')).body;
      const res = await t2.http().get(`/api/nodes?businessUnit=${units[0].id}`).expect(200);
      expect(keys(res.body)).toEqual(['PRJ-1', 'PRJ-2']);
    });

    it.each(['limit=0', 'limit=201', 'kind=castle', 'sort=colour', 'businessUnit=x', 'cursor=garbage'])(
      'refuses %s with 400',
      async (query) => {
        const res = await t2.http().get(`/api/nodes?${query}`).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      },
    );
  });
});

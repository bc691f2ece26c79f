import type { NodeRecord, WorkImpact } from '@throughline/domain';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

/** OBJ-1 ← KR-1 ← PRJ-7 (w40), BAU-1 (w60); KR-2 ← PRJ-7 alone; PRJ-9 depends on PRJ-7. */
describe('GET /api/graph/impact/:id', () => {
  let t: TestApp;
  let n: Record<string, NodeRecord>;
  beforeAll(async () => {
    t = await startTestApp();
    const p = portfolio(t);
    n = {
      OBJ1: await p.node('objective', 'OBJ-1'),
      KR1: await p.node('key_result', 'KR-1'),
      KR2: await p.node('key_result', 'KR-2'),
      PRJ7: await p.node('project', 'PRJ-7'),
      BAU1: await p.node('bau', 'BAU-1'),
      PRJ9: await p.node('project', 'PRJ-9'),
    };
    await p.link(n.KR1, n.OBJ1, 'contributes_to', { weight: 50 });
    await p.link(n.KR2, n.OBJ1, 'contributes_to', { weight: 50 });
    await p.link(n.PRJ7, n.KR1, 'contributes_to', { weight: 40 });
    await p.link(n.BAU1, n.KR1, 'contributes_to', { weight: 60 });
    await p.link(n.PRJ7, n.KR2);
    await p.link(n.PRJ9, n.PRJ7, 'depends_on');
  });
  afterAll(() => t.close());

  it('says what loses all its delivery, what loses part (by weight) and what depended on it', async () => {
    const impact: WorkImpact = (await t.http().get(`/api/graph/impact/${n.PRJ7.id}`).expect(200)).body;
    expect(impact.item).toMatchObject({ nodeId: n.PRJ7.id, key: 'PRJ-7', status: 'active' });
    expect(impact.losesAll.map((s) => [s.key, s.deliveryBefore, s.deliveryAfter, s.share])).toEqual([
      ['KR-2', 1, 0, 1],
    ]);
    // KR-1 loses 40 of 40 + 60; OBJ-1 half of that through KR-1 plus all of KR-2's half: 0.2 + 0.5.
    expect(impact.losesPart.map((s) => [s.key, s.deliveryBefore, s.deliveryAfter])).toEqual([
      ['KR-1', 2, 1],
      ['OBJ-1', 2, 1],
    ]);
    expect(impact.losesPart[0].share).toBeCloseTo(0.4, 12);
    expect(impact.losesPart[1].share).toBeCloseTo(0.7, 12);
    expect(impact.dependents).toEqual([
      { nodeId: n.PRJ9.id, key: 'PRJ-9', kind: 'project', title: 'PRJ-9 title', status: 'active', direct: true },
    ]);
  });

  it('answers 404 for an unknown node, 422 for a strategy node and 400 for a bad id', async () => {
    expect((await t.http().get('/api/graph/impact/00000000-0000-4000-8000-000000000000').expect(404)).body.code).toBe(
      'NOT_FOUND',
    );
    const strategy = await t.http().get(`/api/graph/impact/${n.OBJ1.id}`).expect(422);
    expect(strategy.body).toMatchObject({
      code: 'INVALID_FIELD',
      message: `${n.OBJ1.key} is an objective; only a work item (programme, project, BAU activity or value asset) can be cancelled in a what-if.`,
    });
    await t.http().get('/api/graph/impact/PRJ-7').expect(400);
  });
});

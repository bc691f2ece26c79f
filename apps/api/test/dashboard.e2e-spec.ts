import type { NodeRecord } from '@throughline/domain';
import type { CellWork, DashboardRedRisks, DashboardSummary } from '../src/dashboard/dashboard-parts.js';
import { dashboardFixture } from './dashboard-fixture.js';
import { startTestApp, type TestApp } from './harness.js';
import type { TestMember } from './principals.js';

/** The dashboard of the small organisation in dashboard-fixture.ts, worked out by hand (docs/domain.md, "Dashboard"). */
describe('GET /api/dashboard', () => {
  let t: TestApp;
  let n: Record<string, NodeRecord>;
  let net: { id: string };
  let ret: { id: string };
  let nora: TestMember;
  let dashboard: DashboardSummary;
  let dependency: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    ({ n, net, ret, nora, dependency } = await dashboardFixture(t));
    dashboard = (await t.http().get('/api/dashboard').expect(200)).body;
  });
  afterAll(() => t.close());

  const ref = (node: NodeRecord) => ({ nodeId: node.id, key: node.key, title: node.title });

  it('answers the headline figures', () => {
    expect(dashboard.headline).toEqual({
      // OBJ-1 and OBJ-2 have delivery, OBJ-3 none: 2 of 3.
      objectiveCoverage: { total: 3, covered: 2, share: 2 / 3 },
      // Active work: PRJ-1, BAU-1, AST-1, PRJ-2, BAU-2; all but PRJ-2 serve an objective: 4 of 5.
      alignmentByCount: { total: 5, aligned: 4, unaligned: 1, share: 0.8 },
      // Money: 730,000 + 200,000 + 0 (an asset) + 100,000 + 30,000 = 1,060,000; PRJ-2's 100,000 is unaligned.
      alignmentByMoney: { total: 1_060_000, aligned: 960_000, unaligned: 100_000, share: 960_000 / 1_060_000 },
      unalignedMoney: 100_000,
      // objective-without-delivery for OBJ-3 is the only error.
      openErrors: 1,
      // OBJ-1 is reported green; its delivery PRJ-1 (red) and BAU-2 (unknown): 2 × 1 red ≥ 2 items, derived red.
      // OBJ-2 is reported amber, derived green (BAU-1, AST-1 green): pessimistic, no gap. OBJ-3 is unknown.
      optimismGap: { count: 1, objectives: [{ ...ref(n.OBJ1), reportedHealth: 'green', derivedHealth: 'red' }] },
    });
  });

  it('lays the heatmap out by theme priority, objective priority and unit, with each cell', () => {
    const { heatmap } = dashboard;
    expect(heatmap.businessUnits).toEqual([
      { id: net.id, key: 'NET', name: 'Unit NET' },
      { id: ret.id, key: 'RET', name: 'Unit RET' },
      { id: null, key: null, name: null },
    ]);
    expect(heatmap.groups).toEqual([
      { theme: { ...ref(n.THM2), priority: 1 }, objectives: [{ ...ref(n.OBJ2), priority: 1, empty: false }] },
      {
        theme: { ...ref(n.THM1), priority: 2 },
        objectives: [
          { ...ref(n.OBJ1), priority: 1, empty: false },
          { ...ref(n.OBJ3), priority: 2, empty: true },
        ],
      },
    ]);
    const cell = (objective: NodeRecord, unit: string | null, money: number, assetValue: number) => ({
      objectiveId: objective.id,
      businessUnitId: unit,
      count: 1,
      money,
      assetValue,
    });
    const byPlace = (a: { objectiveId: string; businessUnitId: string | null }, b: typeof a) =>
      `${a.objectiveId}/${a.businessUnitId}`.localeCompare(`${b.objectiveId}/${b.businessUnitId}`);
    expect([...heatmap.cells].sort(byPlace)).toEqual(
      [
        cell(n.OBJ1, net.id, 730_000, 0),
        cell(n.OBJ1, null, 30_000, 0),
        cell(n.OBJ2, net.id, 200_000, 0),
        cell(n.OBJ2, ret.id, 0, 50_000),
      ].sort(byPlace),
    );
    // The ids behind the cells are asked for a cell at a time (below): the page's answer stays small.
    expect(JSON.stringify(dashboard)).not.toContain('nodeIds');
  });

  it('lists the work behind a cell, and an objective’s work without a unit', async () => {
    const work = async (objective: NodeRecord, unit?: { id: string }) =>
      (
        await nora
          .http()
          .get(`/api/dashboard/objectives/${objective.id}/work${unit ? `?businessUnitId=${unit.id}` : ''}`)
          .expect(200)
      ).body as CellWork;
    const item = (node: NodeRecord, kind: string, money: number | null) => ({ ...ref(node), kind, money });
    expect(await work(n.OBJ1, net)).toEqual({
      objectiveId: n.OBJ1.id,
      businessUnitId: net.id,
      items: [item(n.PRJ1, 'project', 730_000)], // through KR-1
    });
    expect((await work(n.OBJ1)).items).toEqual([item(n.BAU2, 'bau', 30_000)]);
    expect((await work(n.OBJ2, net)).items).toEqual([item(n.BAU1, 'bau', 200_000)]);
    expect((await work(n.OBJ2, ret)).items).toEqual([item(n.AST1, 'asset', null)]); // an asset: value, not money
    expect((await work(n.OBJ3, net)).items).toEqual([]); // an empty cell
    // Not an active objective (work, a theme, an unknown id): nothing to list.
    for (const id of [n.PRJ2.id, n.THM1.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await t.http().get(`/api/dashboard/objectives/${id}/work`).expect(404);
      expect(refused.body.code).toBe('NOT_FOUND');
    }
    await t.http().get(`/api/dashboard/objectives/${n.OBJ1.id}/work?businessUnitId=NET`).expect(400);
    await t.anonymous().get(`/api/dashboard/objectives/${n.OBJ1.id}/work`).expect(401);
  });

  it('counts each open red risk once, and those along each objective’s chain for its card', async () => {
    const none = (await nora.http().get('/api/dashboard/red-risks').expect(200)).body as DashboardRedRisks;
    expect(none).toEqual({ open: 0, objectives: [] });
    const risk = async (title: string, likelihood: number, impact: number, on: NodeRecord[], status = 'open') =>
      (
        await t
          .http()
          .post('/api/raid')
          .send({ type: 'risk', title, likelihood, impact, status, attachments: on.map((x) => ({ nodeId: x.id })) })
          .expect(201)
      ).body as { id: string };
    await risk('Supplier fails', 4, 4, [n.BAU2, n.OBJ2]); // 16: OBJ-1's delivery (BAU-2) and OBJ-2 itself
    await risk('Metering data late', 5, 3, [n.KR1, n.PRJ1]); // 15: OBJ-1's key result and its work: once
    await risk('Budget cut', 4, 4, [n.PRJ2]); // 16, on work that serves nothing: in the figure only
    await risk('Minor delay', 2, 3, [n.BAU1]); // 6: not red
    await risk('Old worry', 5, 5, [n.AST1], 'closed'); // closed
    // 20, on the dependency BAU-1 → AST-1: both ends are OBJ-2's delivery, so OBJ-2 carries it, once.
    await t
      .http()
      .post('/api/raid')
      .send({ type: 'risk', title: 'Fleet late', likelihood: 5, impact: 4, attachments: [{ linkId: dependency.id }] })
      .expect(201);
    const red = (await nora.http().get('/api/dashboard/red-risks').expect(200)).body as DashboardRedRisks;
    expect(red).toEqual({
      open: 4,
      objectives: [
        { objectiveId: n.OBJ1.id, count: 2 },
        { objectiveId: n.OBJ2.id, count: 2 },
      ],
    });
    await t.anonymous().get('/api/dashboard/red-risks').expect(401);
  });

  it('annualises change budgets in the investment mix and shows the unaligned share', () => {
    const { investmentMix } = dashboard;
    expect(investmentMix.basis).toBe('annualised');
    expect(investmentMix.note).toMatch(/annualised/);
    // PRJ-1: 730,000 over 730 days (2026 and 2027) = 365,000 a year. PRJ-2 has no dates: its whole 100,000.
    expect(investmentMix.themes).toEqual([
      { ...ref(n.THM2), change: 0, bau: 200_000, asset: 50_000, items: 2 },
      { ...ref(n.THM1), change: 365_000, bau: 30_000, asset: 0, items: 2 },
    ]);
    expect(investmentMix.objectives).toEqual([
      { ...ref(n.OBJ1), change: 365_000, bau: 30_000, asset: 0, items: 2 },
      { ...ref(n.OBJ2), change: 0, bau: 200_000, asset: 50_000, items: 2 },
      { ...ref(n.OBJ3), change: 0, bau: 0, asset: 0, items: 0 },
    ]);
    expect(investmentMix.unaligned).toEqual({ change: 100_000, bau: 0, asset: 0, items: 1 });
  });

  it('names the accountable people of each objective', () => {
    const unit = (u: { id: string }, key: string, owner: TestMember | null) => ({
      id: u.id,
      key,
      name: `Unit ${key}`,
      ownerId: owner?.userId ?? null,
      ownerName: owner?.name ?? null,
    });
    expect(dashboard.objectives.map((o) => o.key)).toEqual(['OBJ-1', 'OBJ-2', 'OBJ-3']);
    const [obj1, obj2, obj3] = dashboard.objectives;
    expect(obj1).toEqual({
      ...ref(n.OBJ1),
      owner: 'Chief Customer Officer',
      priority: 1,
      themeIds: [n.THM1.id],
      progress: 0.5, // KR-1: (50 − 0) / (100 − 0); BAU-2 is work, not a measured contributor
      reportedHealth: 'green',
      derivedHealth: 'red',
      deliveryByKind: { programme: 0, project: 1, bau: 1, asset: 0 },
      accountable: {
        owner: 'Chief Customer Officer',
        keyResultOwners: [{ ...ref(n.KR1), owner: 'Head of Metering' }],
        accountableUnits: [unit(net, 'NET', nora)],
        deliveryUnits: [
          { ...unit(net, 'NET', nora), items: 1 },
          { id: null, key: null, name: null, ownerId: null, ownerName: null, items: 1 },
        ],
      },
    });
    expect(obj2).toMatchObject({
      progress: null,
      reportedHealth: 'amber',
      derivedHealth: 'green',
      deliveryByKind: { programme: 0, project: 0, bau: 1, asset: 1 },
      accountable: {
        owner: 'COO',
        keyResultOwners: [],
        accountableUnits: [unit(net, 'NET', nora), unit(ret, 'RET', null)],
        deliveryUnits: [
          { ...unit(net, 'NET', nora), items: 1 },
          { ...unit(ret, 'RET', null), items: 1 },
        ],
      },
    });
    expect(obj3).toMatchObject({ derivedHealth: 'unknown', accountable: { accountableUnits: [], deliveryUnits: [] } });
  });

  it('shows accountability per business unit, with open cross-unit dependencies', () => {
    expect(dashboard.accountability).toEqual([
      {
        unit: { id: net.id, key: 'NET', name: 'Unit NET', ownerId: nora.userId, ownerName: 'Nora Net' },
        work: { count: 2, money: 930_000 }, // PRJ-1 730,000 + BAU-1 200,000
        alignment: { count: 1, money: 1 },
        objectivesServed: [ref(n.OBJ1), ref(n.OBJ2)],
        accountableFor: [ref(n.OBJ1), ref(n.OBJ2)],
        dependencies: { given: 1, received: 0 },
        owners: ['Nora Net', 'Owner of BAU-1', 'Owner of PRJ-1'],
      },
      {
        unit: { id: ret.id, key: 'RET', name: 'Unit RET', ownerId: null, ownerName: null },
        work: { count: 2, money: 100_000 }, // AST-1 (an asset: no spend) and PRJ-2 100,000
        alignment: { count: 0.5, money: 0 }, // AST-1 serves OBJ-2; PRJ-2's 100,000 serves nothing
        objectivesServed: [ref(n.OBJ2)],
        accountableFor: [ref(n.OBJ2)],
        dependencies: { given: 0, received: 1 },
        owners: ['Owner of AST-1', 'Owner of PRJ-2'],
      },
    ]);
  });

  it('counts objectives per accountable unit in the coverage report', async () => {
    const report = (await t.http().get('/api/coverage').expect(200)).body as {
      objectives: { byBusinessUnit: { unit: { key: string | null }; total: number; covered: number }[] };
    };
    expect(report.objectives.byBusinessUnit.map((r) => [r.unit.key, r.total, r.covered])).toEqual([
      ['NET', 2, 2], // OBJ-1, OBJ-2
      ['RET', 1, 1], // OBJ-2
      [null, 1, 0], // OBJ-3 names no unit
    ]);
  });

  it('moves with the graph: once PRJ-2 delivers OBJ-3, coverage is whole and nothing is unaligned', async () => {
    await t.http().post(`/api/links`).send({ fromId: n.PRJ2.id, toId: n.OBJ3.id, kind: 'contributes_to' }).expect(201);
    const after: DashboardSummary = (await nora.http().get('/api/dashboard').expect(200)).body;
    expect(after.headline.objectiveCoverage).toEqual({ total: 3, covered: 3, share: 1 });
    expect(after.headline.unalignedMoney).toBe(0);
    expect(after.headline.openErrors).toBe(0);
    expect(after.heatmap.cells).toContainEqual({
      objectiveId: n.OBJ3.id,
      businessUnitId: ret.id,
      count: 1,
      money: 100_000,
      assetValue: 0,
    });
    // The cell's list follows the graph too (the computation is kept per version of the graph, not for ever).
    const work = (await nora.http().get(`/api/dashboard/objectives/${n.OBJ3.id}/work?businessUnitId=${ret.id}`))
      .body as CellWork;
    expect(work.items.map((i) => i.key)).toEqual(['PRJ-2']);
  });

  it('exports accountable units by key and imports them back to ids', async () => {
    const doc = (await t.http().get('/api/portfolio/export').expect(200)).body as {
      nodes: { key: string; accountableUnits?: string[] }[];
    };
    expect(doc.nodes.find((x) => x.key === 'OBJ-2')!.accountableUnits).toEqual(['NET', 'RET']);
    expect(doc.nodes.find((x) => x.key === 'OBJ-3')).not.toHaveProperty('accountableUnits');
    const patch = {
      format: 'throughline/v1',
      businessUnits: [],
      nodes: [{ key: 'OBJ-3', kind: 'objective', title: n.OBJ3.title, accountableUnits: ['RET'] }],
      links: [],
      checkIns: [],
    };
    await t.http().post('/api/portfolio/import').send(patch).expect(200);
    const obj3 = (await t.http().get(`/api/nodes/${n.OBJ3.id}`).expect(200)).body as NodeRecord;
    expect(obj3.accountableUnitIds).toEqual([ret.id]);
    const bad = { ...patch, nodes: [{ ...patch.nodes[0], accountableUnits: ['NOPE'] }] };
    const refused = await t.http().post('/api/portfolio/import').send(bad).expect(422);
    expect(refused.body.details).toEqual([expect.objectContaining({ path: '$.nodes[0].accountableUnits[0]' })]);
  });

  it('is read by every role and nobody signed out', async () => {
    await (await t.as('executive')).http().get('/api/dashboard').expect(200);
    await (await t.as('pmo')).http().get('/api/dashboard').expect(200);
    await t.anonymous().get('/api/dashboard').expect(401);
  });
});

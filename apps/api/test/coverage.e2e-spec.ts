import type { CoverageMatrix, CoverageReport, NodeRecord } from '@throughline/domain';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 *   THM-1 ← OBJ-1 (green) ← KR-1 (baseline 0, target 200, current 50) ← PRJ-1 (NET, budget 900,000, red)
 *                                                                     ← BAU-1 (RET, annual cost 100,000)
 *         ← OBJ-2 (nothing)
 *   AST-1 (RET, annual value 250,000) and PRJ-2 (NET, budget 300,000) serve nothing.
 */
describe('GET /api/coverage', () => {
  let t: TestApp;
  let n: Record<string, NodeRecord>;
  let net: { id: string };
  let ret: { id: string };
  beforeAll(async () => {
    t = await startTestApp();
    const p = portfolio(t);
    net = await p.unit('NET');
    ret = await p.unit('RET');
    n = {
      THM1: await p.node('theme', 'THM-1'),
      OBJ1: await p.node('objective', 'OBJ-1', { health: 'green' }),
      OBJ2: await p.node('objective', 'OBJ-2'),
      KR1: await p.node('key_result', 'KR-1', { baseline: 0, target: 200, current: 50 }),
      PRJ1: await p.node('project', 'PRJ-1', { businessUnitId: net.id, budget: 900_000, health: 'red' }),
      BAU1: await p.node('bau', 'BAU-1', { businessUnitId: ret.id, annualCost: 100_000 }),
      AST1: await p.node('asset', 'AST-1', { businessUnitId: ret.id, annualValue: 250_000 }),
      PRJ2: await p.node('project', 'PRJ-2', { businessUnitId: net.id, budget: 300_000 }),
    };
    await p.link(n.OBJ1, n.THM1);
    await p.link(n.OBJ2, n.THM1);
    await p.link(n.KR1, n.OBJ1);
    await p.link(n.PRJ1, n.KR1, 'contributes_to', { weight: 50 });
    await p.link(n.BAU1, n.KR1);
  });
  afterAll(() => t.close());

  it('reports objective coverage, alignment by count and money, the mix and roll-ups', async () => {
    const report: CoverageReport = (await t.http().get('/api/coverage').expect(200)).body;
    // 1 of 2 active objectives (OBJ-1) has delivery.
    expect(report.objectives.overall).toEqual({ total: 2, covered: 1, share: 0.5 });
    expect(report.objectives.byTheme).toEqual([
      { nodeId: n.THM1.id, key: 'THM-1', title: 'THM-1 title', total: 2, covered: 1, share: 0.5 },
    ]);
    // Active work: PRJ-1, BAU-1, AST-1, PRJ-2; aligned PRJ-1 and BAU-1 → 2 of 4.
    // Money: 900,000 + 100,000 + 300,000 = 1,300,000, of which 1,000,000 aligned; assets 250,000 apart, unaligned.
    expect(report.alignment.overall).toEqual({
      count: { total: 4, aligned: 2, unaligned: 2, share: 0.5 },
      money: { total: 1_300_000, aligned: 1_000_000, unaligned: 300_000, share: 1_000_000 / 1_300_000 },
      assetValue: { total: 250_000, aligned: 0, unaligned: 250_000, share: 0 },
    });
    // NET: PRJ-1 aligned (900,000), PRJ-2 not (300,000). RET: BAU-1 aligned (100,000), AST-1 not (value 250,000).
    expect(
      report.alignment.byBusinessUnit.map((u) => [u.unit.key, u.count.aligned, u.money.unaligned, u.assetValue.total]),
    ).toEqual([
      ['NET', 1, 300_000, 0],
      ['RET', 1, 0, 250_000],
    ]);
    expect(report.investmentMix.objectives.map((o) => [o.key, o.change, o.bau, o.asset])).toEqual([
      ['OBJ-1', 900_000, 100_000, 0],
      ['OBJ-2', 0, 0, 0],
    ]);
    // KR-1: (50 − 0) / (200 − 0) = 0.25; OBJ-1 and THM-1 roll up to the same 0.25.
    // OBJ-1 reports green; PRJ-1 red and BAU-1 unknown: half red → derived red.
    const rollup = Object.fromEntries(report.rollups.map((r) => [r.key, r]));
    expect(rollup['KR-1'].progress).toBe(0.25);
    expect(rollup['OBJ-1']).toMatchObject({ progress: 0.25, reportedHealth: 'green', derivedHealth: 'red' });
    expect(rollup['THM-1'].progress).toBe(0.25);
  });

  it('gives the matrix of objectives × units with the ids behind each cell', async () => {
    const matrix: CoverageMatrix = (await t.http().get('/api/coverage/matrix').expect(200)).body;
    expect(matrix.objectives.map((o) => o.key)).toEqual(['OBJ-1', 'OBJ-2']);
    expect(matrix.businessUnits.map((u) => u.key)).toEqual(['NET', 'RET']);
    expect(matrix.cells).toEqual([
      { objectiveId: n.OBJ1.id, businessUnitId: net.id, count: 1, money: 900_000, assetValue: 0, nodeIds: [n.PRJ1.id] },
      { objectiveId: n.OBJ1.id, businessUnitId: ret.id, count: 1, money: 100_000, assetValue: 0, nodeIds: [n.BAU1.id] },
    ]);
  });
});

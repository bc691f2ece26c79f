import { idOf, portfolio } from '../audit/testing/portfolio-builder.js';
import { computeCoverage, coverageMatrix, type UnitRecord } from './coverage.js';

/**
 * A small fixture whose figures are worked out by hand below.
 *
 *   THM-1 ← OBJ-1 (NET, green) ← KR-1 (w30) ← PRJ-1 (NET, budget 1,000,000, red)
 *                              ← KR-2 (w70) ← BAU-1 (NET, annual cost 200,000, green)
 *                              ← OBJ-4 (NET, no weight) ← KR-4 ← AST-2 (NET, value 40,000)
 *         ← OBJ-2 (RET) ← KR-3 (no current value)
 *                       ← AST-1 (RET, value 500,000) ← delivers ← PRG-1 (RET, budget 300,000)
 *                                                                  ← part_of ← PRJ-2 (RET, 50,000, on hold)
 *   THM-2 ← OBJ-3 (no unit; nothing delivers it)
 *   BAU-2 (RET, 80,000) and PRJ-3 (no unit, 120,000) serve nothing.
 */
const UNITS: UnitRecord[] = [
  { id: 'u-ret', key: 'RET', name: 'Retail' },
  { id: 'u-net', key: 'NET', name: 'Networks' },
];

function fixture() {
  return portfolio()
    .theme('THM-1', { title: 'Customers' })
    .theme('THM-2', { title: 'Efficiency' })
    .objective('OBJ-1', {
      of: 'THM-1',
      businessUnitId: 'u-net',
      accountableUnitIds: ['u-net'],
      health: 'green',
      title: 'Smart homes',
    })
    .objective('OBJ-2', { of: 'THM-1', businessUnitId: 'u-ret', accountableUnitIds: ['u-ret'] })
    .objective('OBJ-3', { of: 'THM-2', accountableUnitIds: ['u-gone'] })
    .objective('OBJ-4', { of: 'OBJ-1', businessUnitId: 'u-net', accountableUnitIds: ['u-net', 'u-ret', 'u-net'] })
    .keyResult('KR-1', { baseline: 10, target: 60, current: 35 })
    .link('KR-1', 'OBJ-1', 'contributes_to', { weight: 30 })
    .keyResult('KR-2', { baseline: 100, target: 50, current: 90 })
    .link('KR-2', 'OBJ-1', 'contributes_to', { weight: 70 })
    .keyResult('KR-3', { of: 'OBJ-2', current: null })
    .keyResult('KR-4', { of: 'OBJ-4', baseline: 0, target: 10, current: 20 })
    .project('PRJ-1', { contributesTo: 'KR-1', businessUnitId: 'u-net', budget: 1_000_000, health: 'red' })
    .bau('BAU-1', { contributesTo: 'KR-2', businessUnitId: 'u-net', annualCost: 200_000, health: 'green' })
    .asset('AST-2', { contributesTo: 'KR-4', businessUnitId: 'u-net', annualValue: 40_000 })
    .asset('AST-1', { contributesTo: 'OBJ-2', businessUnitId: 'u-ret', annualValue: 500_000 })
    .programme('PRG-1', { delivers: 'AST-1', businessUnitId: 'u-ret', budget: 300_000 })
    .project('PRJ-2', { partOf: 'PRG-1', businessUnitId: 'u-ret', budget: 50_000, status: 'on_hold' })
    .bau('BAU-2', { businessUnitId: 'u-ret', annualCost: 80_000 })
    .project('PRJ-3', { budget: 120_000 });
}

const NET = { id: 'u-net', key: 'NET', name: 'Networks' };
const RET = { id: 'u-ret', key: 'RET', name: 'Retail' };
const NONE = { id: null, key: null, name: null };

describe(computeCoverage.name, () => {
  const report = computeCoverage(fixture().graph(), UNITS);

  it('computes objective coverage overall, per theme and per business unit', () => {
    // Active objectives: OBJ-1 (delivery PRJ-1, BAU-1, AST-2), OBJ-2 (AST-1, PRG-1; PRJ-2 is on hold),
    // OBJ-3 (nothing), OBJ-4 (AST-2) → 3 of 4 covered = 0.75.
    expect(report.objectives.overall).toEqual({ total: 4, covered: 3, share: 0.75 });
    // THM-1 is reached by OBJ-1, OBJ-2 and, through OBJ-1, OBJ-4: 3 of 3. THM-2 by OBJ-3: 0 of 1.
    expect(report.objectives.byTheme).toEqual([
      { nodeId: idOf('THM-1'), key: 'THM-1', title: 'Customers', total: 3, covered: 3, share: 1 },
      { nodeId: idOf('THM-2'), key: 'THM-2', title: 'Efficiency', total: 1, covered: 0, share: 0 },
    ]);
    expect(report.objectives.withoutTheme).toEqual({ total: 0, covered: 0, share: null });
    // By the units accountable for the objective (not the objective's own unit): NET is accountable for OBJ-1 and
    // OBJ-4 (2 of 2, OBJ-4 named twice counts once), RET for OBJ-2 and OBJ-4 (2 of 2); OBJ-3 names only a unit
    // that does not exist, so it is in the "no unit" bucket (0 of 1).
    expect(report.objectives.byBusinessUnit).toEqual([
      { unit: NET, total: 2, covered: 2, share: 1 },
      { unit: RET, total: 2, covered: 2, share: 1 },
      { unit: NONE, total: 1, covered: 0, share: 0 },
    ]);
  });

  it('computes work alignment by count and by money, assets apart, overall and per unit', () => {
    // Active work: PRJ-1, BAU-1, AST-2, AST-1, PRG-1, BAU-2, PRJ-3 = 7; aligned: all but BAU-2 and PRJ-3 = 5.
    // Money (budgets and annual costs): 1,000,000 + 200,000 + 300,000 + 80,000 + 120,000 = 1,700,000;
    // aligned 1,000,000 + 200,000 + 300,000 = 1,500,000; unaligned 80,000 + 120,000 = 200,000.
    // Asset value: 500,000 + 40,000 = 540,000, all aligned.
    expect(report.alignment.overall).toEqual({
      count: { total: 7, aligned: 5, unaligned: 2, share: 5 / 7 },
      money: { total: 1_700_000, aligned: 1_500_000, unaligned: 200_000, share: 1_500_000 / 1_700_000 },
      assetValue: { total: 540_000, aligned: 540_000, unaligned: 0, share: 1 },
    });
    expect(report.alignment.byBusinessUnit).toEqual([
      // NET: PRJ-1, BAU-1, AST-2 all aligned; money 1,000,000 + 200,000; asset value 40,000.
      {
        unit: NET,
        count: { total: 3, aligned: 3, unaligned: 0, share: 1 },
        money: { total: 1_200_000, aligned: 1_200_000, unaligned: 0, share: 1 },
        assetValue: { total: 40_000, aligned: 40_000, unaligned: 0, share: 1 },
      },
      // RET: AST-1 and PRG-1 aligned, BAU-2 not; money 300,000 + 80,000 = 380,000 of which 300,000 aligned.
      {
        unit: RET,
        count: { total: 3, aligned: 2, unaligned: 1, share: 2 / 3 },
        money: { total: 380_000, aligned: 300_000, unaligned: 80_000, share: 300_000 / 380_000 },
        assetValue: { total: 500_000, aligned: 500_000, unaligned: 0, share: 1 },
      },
      // No unit: PRJ-3, 120,000, unaligned.
      {
        unit: NONE,
        count: { total: 1, aligned: 0, unaligned: 1, share: 0 },
        money: { total: 120_000, aligned: 0, unaligned: 120_000, share: 0 },
        assetValue: { total: 0, aligned: 0, unaligned: 0, share: null },
      },
    ]);
  });

  it('splits each theme’s and objective’s delivery money into change, BAU and assets', () => {
    const mix = (rows: typeof report.investmentMix.themes) =>
      rows.map(({ key, items, change, bau, asset }) => ({ key, items, change, bau, asset }));
    // THM-1: PRJ-1 + PRG-1 = 1,300,000 change; BAU-1 200,000; AST-1 + AST-2 = 540,000 asset; 5 items.
    expect(mix(report.investmentMix.themes)).toEqual([
      { key: 'THM-1', items: 5, change: 1_300_000, bau: 200_000, asset: 540_000 },
      { key: 'THM-2', items: 0, change: 0, bau: 0, asset: 0 },
    ]);
    expect(mix(report.investmentMix.objectives)).toEqual([
      { key: 'OBJ-1', items: 3, change: 1_000_000, bau: 200_000, asset: 40_000 },
      { key: 'OBJ-2', items: 2, change: 300_000, bau: 0, asset: 500_000 },
      { key: 'OBJ-3', items: 0, change: 0, bau: 0, asset: 0 },
      { key: 'OBJ-4', items: 1, change: 0, bau: 0, asset: 40_000 },
    ]);
  });

  it('rolls progress up and shows derived health beside reported health', () => {
    const byKey = new Map(report.rollups.map((r) => [r.key, r]));
    // KR-1: (35 − 10) / (60 − 10) = 0.5. KR-2 decreases: (90 − 100) / (50 − 100) = 0.2.
    // KR-4: (20 − 0) / (10 − 0) = 2, clamped to 1. KR-3 has no current value: null.
    expect(byKey.get('KR-1')?.progress).toBe(0.5);
    expect(byKey.get('KR-2')?.progress).toBeCloseTo(0.2, 12);
    expect(byKey.get('KR-4')?.progress).toBe(1);
    expect(byKey.get('KR-3')?.progress).toBeNull();
    // OBJ-4 = KR-4 = 1. OBJ-1 = weighted mean of KR-1 (w30), KR-2 (w70) and OBJ-4 (no weight → the mean of
    // the given weights, 50): (0.5 × 30 + 0.2 × 70 + 1 × 50) / 150 = 79 / 150.
    expect(byKey.get('OBJ-4')?.progress).toBe(1);
    expect(byKey.get('OBJ-1')?.progress).toBeCloseTo(79 / 150, 12);
    // OBJ-2's only key result is unmeasured: null. THM-1 = OBJ-1 alone (OBJ-2 unmeasured): 79 / 150.
    expect(byKey.get('OBJ-2')?.progress).toBeNull();
    expect(byKey.get('THM-1')?.progress).toBeCloseTo(79 / 150, 12);
    expect(byKey.get('THM-2')?.progress).toBeNull();
    // OBJ-1 reports green; its delivery is PRJ-1 red, BAU-1 green, AST-2 unknown: 1 of 3 red → amber.
    expect(byKey.get('OBJ-1')).toMatchObject({ kind: 'objective', reportedHealth: 'green', derivedHealth: 'amber' });
    expect(byKey.get('KR-1')).toMatchObject({ reportedHealth: 'unknown', derivedHealth: 'red' });
    expect(byKey.get('OBJ-3')?.derivedHealth).toBe('unknown');
    expect(report.rollups.map((r) => r.key)).toEqual([
      'KR-1',
      'KR-2',
      'KR-3',
      'KR-4',
      'OBJ-1',
      'OBJ-2',
      'OBJ-3',
      'OBJ-4',
      'THM-1',
      'THM-2',
    ]);
  });
});

describe(coverageMatrix.name, () => {
  it('gives each objective × unit cell its work items, count and money', () => {
    const matrix = coverageMatrix(fixture().graph(), UNITS);
    expect(matrix.objectives.map((o) => o.key)).toEqual(['OBJ-1', 'OBJ-2', 'OBJ-3', 'OBJ-4']);
    expect(matrix.businessUnits).toEqual([NET, RET]);
    expect(matrix.cells).toEqual([
      // OBJ-1 × NET: AST-2, BAU-1, PRJ-1; money 200,000 + 1,000,000; asset value 40,000.
      {
        objectiveId: idOf('OBJ-1'),
        businessUnitId: 'u-net',
        count: 3,
        money: 1_200_000,
        assetValue: 40_000,
        nodeIds: [idOf('AST-2'), idOf('BAU-1'), idOf('PRJ-1')],
      },
      // OBJ-2 × RET: AST-1 and PRG-1 (PRJ-2 is on hold); money 300,000; asset value 500,000.
      {
        objectiveId: idOf('OBJ-2'),
        businessUnitId: 'u-ret',
        count: 2,
        money: 300_000,
        assetValue: 500_000,
        nodeIds: [idOf('AST-1'), idOf('PRG-1')],
      },
      {
        objectiveId: idOf('OBJ-4'),
        businessUnitId: 'u-net',
        count: 1,
        money: 0,
        assetValue: 40_000,
        nodeIds: [idOf('AST-2')],
      },
    ]);
  });

  it('adds a column for work without a unit when a cell needs it', () => {
    const matrix = coverageMatrix(
      portfolio().objective('OBJ-1').bau('BAU-1', { contributesTo: 'OBJ-1', annualCost: 5 }).graph(),
      UNITS,
    );
    expect(matrix.businessUnits).toEqual([NET, RET, NONE]);
    expect(matrix.cells).toEqual([
      { objectiveId: idOf('OBJ-1'), businessUnitId: null, count: 1, money: 5, assetValue: 0, nodeIds: [idOf('BAU-1')] },
    ]);
  });
});

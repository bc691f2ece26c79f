import { idOf, portfolio } from '../audit/testing/portfolio-builder.js';
import { cancellationImpact } from './impact.js';

/**
 *   OBJ-1 ← KR-1 (w50) ← PRJ-7 (w40), BAU-1 (w60)
 *         ← KR-2 (w50) ← PRJ-7
 *   OBJ-2 ← AST-1 ← delivers ← PRJ-7, PRG-1 ← part_of ← PRJ-8
 *   PRJ-9 depends on PRJ-7; BAU-3 depends on PRJ-9.
 */
function fixture() {
  return portfolio()
    .objective('OBJ-1')
    .objective('OBJ-2')
    .objective('OBJ-3', { status: 'done' })
    .keyResult('KR-1')
    .link('KR-1', 'OBJ-1', 'contributes_to', { weight: 50 })
    .keyResult('KR-2')
    .link('KR-2', 'OBJ-1', 'contributes_to', { weight: 50 })
    .project('PRJ-7', { delivers: 'AST-1', contributesTo: 'OBJ-3' })
    .link('PRJ-7', 'KR-1', 'contributes_to', { weight: 40 })
    .link('PRJ-7', 'KR-2', 'contributes_to')
    .bau('BAU-1')
    .link('BAU-1', 'KR-1', 'contributes_to', { weight: 60 })
    .asset('AST-1', { contributesTo: 'OBJ-2' })
    .programme('PRG-1', { delivers: 'AST-1' })
    .project('PRJ-8', { partOf: 'PRG-1' })
    .project('PRJ-9', { dependsOn: 'PRJ-7' })
    .bau('BAU-3', { dependsOn: 'PRJ-9', status: 'on_hold' });
}

describe(cancellationImpact.name, () => {
  const impact = cancellationImpact(fixture().graph(), idOf('PRJ-7'))!;

  it('lists the key results and objectives left with no delivery', () => {
    // KR-2 is moved by PRJ-7 alone. OBJ-3 is done, so it is not listed.
    expect(impact.losesAll.map((n) => [n.key, n.deliveryBefore, n.deliveryAfter, n.share])).toEqual([
      ['KR-2', 1, 0, 1],
    ]);
  });

  it('lists those that keep part of their delivery, with the share lost by weight', () => {
    const part = Object.fromEntries(impact.losesPart.map((n) => [n.key, [n.deliveryBefore, n.deliveryAfter, n.share]]));
    // KR-1: PRJ-7 weighs 40 of 40 + 60 → 0.4.
    expect(part['KR-1'][2]).toBeCloseTo(0.4, 12);
    expect(part['KR-1'].slice(0, 2)).toEqual([2, 1]);
    // OBJ-1: half through KR-1 (loses 0.4 of it) and half through KR-2 (loses all): 0.5 × 0.4 + 0.5 × 1 = 0.7.
    expect(part['OBJ-1'][2]).toBeCloseTo(0.7, 12);
    // OBJ-2: through AST-1, whose branch holds AST-1, PRJ-7, PRG-1 and PRJ-8 equally: 1/4.
    expect(part['OBJ-2']).toEqual([4, 3, 0.25]);
    expect(Object.keys(part).sort()).toEqual(['KR-1', 'OBJ-1', 'OBJ-2']);
  });

  it('lists the work that depended on it, directly or through other work', () => {
    expect(impact.dependents.map((d) => [d.key, d.direct, d.status])).toEqual([
      ['BAU-3', false, 'on_hold'],
      ['PRJ-9', true, 'active'],
    ]);
  });

  it('changes no delivery when the item is not active, but still names its dependents', () => {
    const idle = cancellationImpact(
      fixture()
        .project('PRJ-0', { status: 'on_hold', contributesTo: 'KR-1' })
        .project('PRJ-5', { dependsOn: 'PRJ-0' })
        .graph(),
      idOf('PRJ-0'),
    )!;
    expect(idle.losesAll).toEqual([]);
    expect(idle.losesPart).toEqual([]);
    expect(idle.dependents.map((d) => d.key)).toEqual(['PRJ-5']);
  });

  it('ignores proposed links', () => {
    const g = portfolio()
      .keyResult('KR-1')
      .bau('BAU-1', { contributesTo: 'KR-1' })
      .project('PRJ-1', { contributesTo: 'KR-1', state: 'proposed' });
    expect(cancellationImpact(g.graph(), idOf('PRJ-1'))!.losesPart).toEqual([]);
  });

  it('answers undefined for an unknown id and refuses a strategy node', () => {
    expect(cancellationImpact(fixture().graph(), 'nope')).toBeUndefined();
    expect(() => cancellationImpact(fixture().graph(), idOf('OBJ-1'))).toThrow('not a work item');
  });
});

import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, runRule, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'dependency-cycle';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags two work items that depend on each other',
      given: portfolio().project('PRJ-1', { dependsOn: 'PRJ-2' }).project('PRJ-2', { dependsOn: 'PRJ-1' }),
      flags: [['PRJ-1', 'PRJ-2']],
      paths: [['PRJ-1', 'PRJ-2', 'PRJ-1']],
    },
    {
      name: 'flags a loop of three across kinds and units as one finding, with every member on the path',
      given: portfolio()
        .project('PRJ-1', { dependsOn: 'BAU-1', businessUnitId: 'u1' })
        .bau('BAU-1', { dependsOn: 'AST-1', businessUnitId: 'u2', status: 'done' })
        .asset('AST-1', { dependsOn: 'PRJ-1' }),
      flags: [['AST-1', 'BAU-1', 'PRJ-1']],
      paths: [['AST-1', 'PRJ-1', 'BAU-1', 'AST-1']],
    },
    {
      name: 'flags each separate loop once and leaves out what merely hangs off a loop',
      given: portfolio()
        .project('PRJ-1', { dependsOn: 'PRJ-2' })
        .project('PRJ-2', { dependsOn: ['PRJ-1', 'PRJ-3'] })
        .project('PRJ-3')
        .bau('BAU-1', { dependsOn: 'BAU-2' })
        .bau('BAU-2', { dependsOn: 'BAU-1' }),
      flags: [
        ['BAU-1', 'BAU-2'],
        ['PRJ-1', 'PRJ-2'],
      ],
    },
    {
      name: 'gives a closed walk through every member of a loop that is not one simple cycle',
      given: portfolio()
        .project('PRJ-1', { dependsOn: ['PRJ-2', 'PRJ-3'] })
        .project('PRJ-2', { dependsOn: 'PRJ-1' })
        .project('PRJ-3', { dependsOn: 'PRJ-1' }),
      flags: [['PRJ-1', 'PRJ-2', 'PRJ-3']],
      paths: [['PRJ-1', 'PRJ-2', 'PRJ-1', 'PRJ-3', 'PRJ-1']],
    },
    {
      name: 'does not flag a chain of dependencies without a loop',
      given: portfolio()
        .project('PRJ-1', { dependsOn: 'PRJ-2' })
        .project('PRJ-2', { dependsOn: 'PRJ-3' })
        .project('PRJ-3'),
      flags: [],
    },
    {
      name: 'does not flag a loop closed only by a proposed link',
      given: portfolio()
        .project('PRJ-1', { dependsOn: 'PRJ-2' })
        .project('PRJ-2')
        .link('PRJ-2', 'PRJ-1', 'depends_on', { state: 'proposed' }),
      flags: [],
    },
    {
      name: 'does not flag chain links, which are not dependencies',
      given: portfolio()
        .programme('PRG-1', { delivers: 'AST-1' })
        .project('PRJ-1', { partOf: 'PRG-1', delivers: 'AST-1' })
        .asset('AST-1'),
      flags: [],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));

  it('is an error', () => {
    const cycle = portfolio().project('PRJ-1', { dependsOn: 'PRJ-2' }).project('PRJ-2', { dependsOn: 'PRJ-1' });
    expect(runRule(RULE, cycle)[0].severity).toBe('error');
  });

  it('copes with a dependency chain far deeper than the call stack', () => {
    const long = portfolio();
    const n = 50_000;
    for (let i = 0; i < n; i++) long.project(`P-${String(i).padStart(5, '0')}`);
    for (let i = 0; i < n; i++)
      long.link(`P-${String(i).padStart(5, '0')}`, `P-${String((i + 1) % n).padStart(5, '0')}`, 'depends_on');
    const [f] = runRule(RULE, long);
    expect(f.nodeIds).toHaveLength(n);
    expect(f.path).toHaveLength(n + 1);
  });
});

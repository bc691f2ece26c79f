import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'unapproved-cross-unit-dependency';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags a proposed dependency between two units, naming both ends in link order',
      given: portfolio()
        .project('PRJ-2', { businessUnitId: 'net' })
        .bau('BAU-1', { businessUnitId: 'retail' })
        .link('PRJ-2', 'BAU-1', 'depends_on', { state: 'proposed' }),
      flags: [['PRJ-2', 'BAU-1']],
      paths: [['PRJ-2', 'BAU-1']],
    },
    {
      name: 'does not flag the same dependency once approved',
      given: portfolio()
        .project('PRJ-1', { businessUnitId: 'net' })
        .bau('BAU-1', { businessUnitId: 'retail' })
        .link('PRJ-1', 'BAU-1', 'depends_on'),
      flags: [],
    },
    {
      name: 'does not flag a proposed dependency inside one unit',
      given: portfolio()
        .project('PRJ-1', { businessUnitId: 'net' })
        .project('PRJ-2', { businessUnitId: 'net' })
        .link('PRJ-1', 'PRJ-2', 'depends_on', { state: 'proposed' }),
      flags: [],
    },
    {
      name: 'does not flag a dependency on work without a unit, nor a rejected one, nor other proposed kinds',
      given: portfolio()
        .project('PRJ-1', { businessUnitId: 'net' })
        .project('PRJ-2')
        .asset('AST-1', { businessUnitId: 'retail' })
        .link('PRJ-1', 'PRJ-2', 'depends_on', { state: 'proposed' })
        .link('PRJ-1', 'AST-1', 'depends_on', { state: 'rejected' })
        .link('PRJ-1', 'AST-1', 'delivers', { state: 'proposed' }),
      flags: [],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));
});

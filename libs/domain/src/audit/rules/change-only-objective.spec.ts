import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'change-only-objective';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags an objective delivered only by projects and programmes; the path is it and its delivery',
      given: portfolio()
        .objective('OBJ-1')
        .keyResult('KR-1', { of: 'OBJ-1' })
        .programme('PRG-1', { contributesTo: 'KR-1' })
        .project('PRJ-1', { partOf: 'PRG-1' }),
      flags: [['OBJ-1']],
      paths: [['OBJ-1', 'PRG-1', 'PRJ-1']],
    },
    {
      name: 'flags it when its BAU is not active',
      given: portfolio()
        .objective('OBJ-1')
        .project('PRJ-1', { contributesTo: 'OBJ-1' })
        .bau('BAU-1', { contributesTo: 'OBJ-1', status: 'on_hold' }),
      flags: [['OBJ-1']],
    },
    {
      name: 'does not flag an objective that BAU also delivers',
      given: portfolio()
        .objective('OBJ-1')
        .project('PRJ-1', { contributesTo: 'OBJ-1' })
        .bau('BAU-1', { contributesTo: 'OBJ-1' }),
      flags: [],
    },
    {
      name: 'does not flag an objective that a value asset carries (built by a project)',
      given: portfolio()
        .objective('OBJ-1')
        .asset('AST-1', { contributesTo: 'OBJ-1' })
        .project('PRJ-1', { delivers: 'AST-1' }),
      flags: [],
    },
    {
      name: 'does not flag an objective with no delivery',
      given: portfolio().objective('OBJ-1'),
      flags: [],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));
});

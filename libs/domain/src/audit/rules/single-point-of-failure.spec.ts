import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'single-point-of-failure';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags an objective delivered by exactly one work item, with the chain down to it',
      given: portfolio()
        .objective('OBJ-1')
        .keyResult('KR-1', { of: 'OBJ-1' })
        .asset('AST-1', { contributesTo: 'KR-1', status: 'done' })
        .project('PRJ-1', { delivers: 'AST-1' }),
      flags: [['OBJ-1']],
      paths: [['OBJ-1', 'KR-1', 'AST-1', 'PRJ-1']],
    },
    {
      name: 'counts one item reached by two routes once',
      given: portfolio()
        .objective('OBJ-1')
        .keyResult('KR-1', { of: 'OBJ-1' })
        .keyResult('KR-2', { of: 'OBJ-1' })
        .bau('BAU-1', { contributesTo: ['KR-1', 'KR-2'] }),
      flags: [['OBJ-1']],
      paths: [['OBJ-1', 'KR-1', 'BAU-1']],
    },
    {
      name: 'does not flag an objective with two active work items',
      given: portfolio()
        .objective('OBJ-1')
        .project('PRJ-1', { contributesTo: 'OBJ-1' })
        .project('PRJ-2', { contributesTo: 'OBJ-1' }),
      flags: [],
    },
    {
      name: 'does not flag an objective with no delivery (that is objective-without-delivery)',
      given: portfolio().objective('OBJ-1'),
      flags: [],
    },
    {
      name: 'does not flag an objective that is not active',
      given: portfolio().objective('OBJ-1', { status: 'on_hold' }).project('PRJ-1', { contributesTo: 'OBJ-1' }),
      flags: [],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));
});

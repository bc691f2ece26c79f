import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'orphan-work';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags active work linked to nothing, alone on its path',
      given: portfolio().objective('OBJ-1').project('PRJ-1'),
      flags: [['PRJ-1']],
      paths: [['PRJ-1']],
    },
    {
      name: 'flags work that serves only an objective that is not active',
      given: portfolio()
        .objective('OBJ-1', { status: 'done' })
        .keyResult('KR-1', { of: 'OBJ-1' })
        .bau('BAU-1', { contributesTo: 'KR-1' }),
      flags: [['BAU-1']],
    },
    {
      name: 'flags work whose link to strategy is only proposed',
      given: portfolio().objective('OBJ-1').project('PRJ-1', { contributesTo: 'OBJ-1', state: 'proposed' }),
      flags: [['PRJ-1']],
    },
    {
      name: 'flags work that serves a key result of no objective',
      given: portfolio().keyResult('KR-1').asset('AST-1', { contributesTo: 'KR-1' }),
      flags: [['AST-1']],
    },
    {
      name: 'does not flag a project of a programme that serves an active objective',
      given: portfolio()
        .objective('OBJ-1')
        .programme('PRG-1', { contributesTo: 'OBJ-1' })
        .project('PRJ-1', { partOf: 'PRG-1' }),
      flags: [],
    },
    {
      name: 'does not flag work that is not active, nor strategy nodes',
      given: portfolio().objective('OBJ-1').project('PRJ-1', { status: 'done' }).bau('BAU-1', { status: 'proposed' }),
      flags: [],
    },
    {
      name: 'does not count a dependency as alignment (the dependent stays an orphan)',
      given: portfolio()
        .objective('OBJ-1')
        .project('PRJ-1', { contributesTo: 'OBJ-1' })
        .project('PRJ-2', { dependsOn: 'PRJ-1' }),
      flags: [['PRJ-2']],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));
});

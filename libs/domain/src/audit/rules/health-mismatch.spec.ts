import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'health-mismatch';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags a green objective when exactly half its delivery is red; the path is the red items',
      given: portfolio()
        .objective('OBJ-1', { health: 'green' })
        .keyResult('KR-1', { of: 'OBJ-1' })
        .project('PRJ-1', { contributesTo: 'KR-1', health: 'red' })
        .bau('BAU-1', { contributesTo: 'KR-1', health: 'green' }),
      flags: [['OBJ-1']],
      paths: [['PRJ-1']],
    },
    {
      name: 'flags every green strategy level above red work (theme, objective, key result)',
      given: portfolio()
        .theme('THM-1', { health: 'green' })
        .objective('OBJ-1', { of: 'THM-1', health: 'green' })
        .keyResult('KR-1', { of: 'OBJ-1', health: 'green' })
        .project('PRJ-1', { contributesTo: 'KR-1', health: 'red' })
        .project('PRJ-2', { contributesTo: 'KR-1', health: 'red' }),
      flags: [['KR-1'], ['OBJ-1'], ['THM-1']],
      paths: [
        ['PRJ-1', 'PRJ-2'],
        ['PRJ-1', 'PRJ-2'],
        ['PRJ-1', 'PRJ-2'],
      ],
    },
    {
      name: 'does not flag when fewer than half are red (1 of 3)',
      given: portfolio()
        .objective('OBJ-1', { health: 'green' })
        .project('PRJ-1', { contributesTo: 'OBJ-1', health: 'red' })
        .project('PRJ-2', { contributesTo: 'OBJ-1', health: 'amber' })
        .project('PRJ-3', { contributesTo: 'OBJ-1', health: 'unknown' }),
      flags: [],
    },
    {
      name: 'does not flag a node reported amber or red, nor one with no delivery',
      given: portfolio()
        .objective('OBJ-1', { health: 'amber' })
        .project('PRJ-1', { contributesTo: 'OBJ-1', health: 'red' })
        .objective('OBJ-2', { health: 'green' }),
      flags: [],
    },
    {
      name: 'does not count red work that is not active',
      given: portfolio()
        .objective('OBJ-1', { health: 'green' })
        .project('PRJ-1', { contributesTo: 'OBJ-1', health: 'red', status: 'on_hold' })
        .project('PRJ-2', { contributesTo: 'OBJ-1', health: 'green' }),
      flags: [],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));
});

import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'timeline-mismatch';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags each late work item with its objective, the path running down to it',
      given: portfolio()
        .objective('OBJ-1', { targetDate: '2027-03-31' })
        .keyResult('KR-1', { of: 'OBJ-1' })
        .project('PRJ-1', { contributesTo: 'KR-1', endDate: '2027-04-01' })
        .project('PRJ-2', { contributesTo: 'KR-1', endDate: '2027-03-31' })
        .bau('BAU-1', { contributesTo: 'OBJ-1', endDate: '2028-01-01' }),
      flags: [
        ['OBJ-1', 'BAU-1'],
        ['OBJ-1', 'PRJ-1'],
      ],
      paths: [
        ['OBJ-1', 'BAU-1'],
        ['OBJ-1', 'KR-1', 'PRJ-1'],
      ],
    },
    {
      name: 'does not flag work ending on the target date or without an end date',
      given: portfolio()
        .objective('OBJ-1', { targetDate: '2027-03-31' })
        .project('PRJ-1', { contributesTo: 'OBJ-1', endDate: '2027-03-31' })
        .project('PRJ-2', { contributesTo: 'OBJ-1' }),
      flags: [],
    },
    {
      name: 'does not flag an objective without a target date, nor one that is not active',
      given: portfolio()
        .objective('OBJ-1')
        .objective('OBJ-2', { targetDate: '2027-01-01', status: 'done' })
        .project('PRJ-1', { contributesTo: ['OBJ-1', 'OBJ-2'], endDate: '2029-01-01' }),
      flags: [],
    },
    {
      name: 'does not flag late work that is not active',
      given: portfolio()
        .objective('OBJ-1', { targetDate: '2027-01-01' })
        .project('PRJ-1', { contributesTo: 'OBJ-1', endDate: '2029-01-01', status: 'proposed' }),
      flags: [],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));
});

import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'missing-owner';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags every open node without an owner, strategy or work',
      given: portfolio()
        .theme('THM-1', { hasOwner: false })
        .objective('OBJ-1', { hasOwner: false, status: 'proposed' })
        .project('PRJ-1', { hasOwner: false, status: 'on_hold' }),
      flags: [['OBJ-1'], ['PRJ-1'], ['THM-1']],
    },
    {
      name: 'does not flag a node with an owner',
      given: portfolio().objective('OBJ-1').bau('BAU-1'),
      flags: [],
    },
    {
      name: 'does not flag done or cancelled nodes without an owner',
      given: portfolio().project('PRJ-1', { hasOwner: false, status: 'done' }).keyResult('KR-1', {
        hasOwner: false,
        status: 'cancelled',
      }),
      flags: [],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));
});

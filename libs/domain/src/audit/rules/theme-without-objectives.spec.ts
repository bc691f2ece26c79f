import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'theme-without-objectives';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags an active theme with no objective',
      given: portfolio().theme('THM-1').theme('THM-2').objective('OBJ-1', { of: 'THM-2' }),
      flags: [['THM-1']],
    },
    {
      name: 'flags a theme whose only objective is proposed for it, not approved',
      given: portfolio().theme('THM-1').objective('OBJ-1', { of: 'THM-1', state: 'proposed' }),
      flags: [['THM-1']],
    },
    {
      name: 'does not flag a theme with an objective, whatever that objective’s status',
      given: portfolio().theme('THM-1').objective('OBJ-1', { of: 'THM-1', status: 'done' }),
      flags: [],
    },
    {
      name: 'does not flag a theme that is not active',
      given: portfolio().theme('THM-1', { status: 'cancelled' }),
      flags: [],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));
});

import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, runRule, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'objective-without-key-results';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags an active objective measured by nothing',
      given: portfolio().objective('OBJ-1').project('PRJ-1', { contributesTo: 'OBJ-1' }),
      flags: [['OBJ-1']],
    },
    {
      name: 'flags an objective whose key results sit only under a child objective (not directly)',
      given: portfolio().objective('OBJ-1').objective('OBJ-2', { of: 'OBJ-1' }).keyResult('KR-2', { of: 'OBJ-2' }),
      flags: [['OBJ-1']],
    },
    {
      name: 'flags an objective whose key result link is only proposed',
      given: portfolio().objective('OBJ-1').keyResult('KR-1', { of: 'OBJ-1', state: 'proposed' }),
      flags: [['OBJ-1']],
    },
    {
      name: 'does not flag an objective with a key result',
      given: portfolio().objective('OBJ-1').keyResult('KR-1', { of: 'OBJ-1' }),
      flags: [],
    },
    {
      name: 'does not flag an objective that is not active',
      given: portfolio().objective('OBJ-1', { status: 'on_hold' }),
      flags: [],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));

  it('is information, not a warning', () => {
    expect(runRule(RULE, portfolio().objective('OBJ-1'))[0].severity).toBe('info');
  });
});

import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'key-result-without-work';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags an active key result nothing moves',
      given: portfolio().objective('OBJ-1').keyResult('KR-1', { of: 'OBJ-1' }),
      flags: [['KR-1']],
      paths: [['KR-1']],
    },
    {
      name: 'flags a key result whose only work is cancelled or linked by a proposal',
      given: portfolio()
        .keyResult('KR-1')
        .project('PRJ-1', { contributesTo: 'KR-1', status: 'cancelled' })
        .bau('BAU-1', { contributesTo: 'KR-1', state: 'proposed' }),
      flags: [['KR-1']],
    },
    {
      name: 'does not flag a key result moved by active BAU',
      given: portfolio().keyResult('KR-1').bau('BAU-1', { contributesTo: 'KR-1' }),
      flags: [],
    },
    {
      name: 'does not flag a key result moved by an asset that an active project builds',
      given: portfolio()
        .keyResult('KR-1')
        .asset('AST-1', { contributesTo: 'KR-1', status: 'on_hold' })
        .project('PRJ-1', { delivers: 'AST-1' }),
      flags: [],
    },
    {
      name: 'does not flag a key result that is not active',
      given: portfolio().keyResult('KR-1', { status: 'done' }),
      flags: [],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));
});

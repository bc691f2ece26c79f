import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, runRule, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'objective-without-delivery';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags an active objective with nothing below it',
      given: portfolio().objective('OBJ-1'),
      flags: [['OBJ-1']],
      paths: [['OBJ-1']],
    },
    {
      name: 'flags an objective whose only work is not active (done, on hold, proposed)',
      given: portfolio()
        .objective('OBJ-1')
        .keyResult('KR-1', { of: 'OBJ-1' })
        .project('PRJ-1', { contributesTo: 'KR-1', status: 'done' })
        .bau('BAU-1', { contributesTo: 'OBJ-1', status: 'on_hold' })
        .asset('AST-1', { contributesTo: 'OBJ-1', status: 'proposed' }),
      flags: [['OBJ-1']],
    },
    {
      name: 'flags an objective whose only link to work is proposed, not approved',
      given: portfolio().objective('OBJ-1').project('PRJ-1', { contributesTo: 'OBJ-1', state: 'proposed' }),
      flags: [['OBJ-1']],
    },
    {
      name: 'does not flag an objective delivered through a key result',
      given: portfolio()
        .objective('OBJ-1')
        .keyResult('KR-1', { of: 'OBJ-1' })
        .project('PRJ-1', { contributesTo: 'KR-1' }),
      flags: [],
    },
    {
      name: 'does not flag an objective delivered through a child objective, a programme and an asset',
      given: portfolio()
        .objective('OBJ-1')
        .objective('OBJ-2', { of: 'OBJ-1', status: 'on_hold' })
        .asset('AST-1', { contributesTo: 'OBJ-2', status: 'cancelled' })
        .programme('PRG-1', { delivers: 'AST-1', status: 'done' })
        .project('PRJ-1', { partOf: 'PRG-1' }),
      flags: [],
    },
    {
      name: 'does not flag an objective that is not active',
      given: portfolio().objective('OBJ-1', { status: 'proposed' }).objective('OBJ-2', { status: 'done' }),
      flags: [],
    },
    {
      name: 'does not follow depends_on into the chain',
      given: portfolio()
        .objective('OBJ-1')
        .project('PRJ-1', { contributesTo: 'OBJ-1', status: 'done' })
        .project('PRJ-2', { status: 'active' })
        .link('PRJ-1', 'PRJ-2', 'depends_on'),
      flags: [['OBJ-1']],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));

  it('is an error naming the objective', () => {
    const [f] = runRule(RULE, portfolio().objective('OBJ-9'));
    expect(f).toMatchObject({ severity: 'error', nodeIds: ['id:OBJ-9'], nodeKeys: ['OBJ-9'] });
    expect(f.message).toContain('Objective OBJ-9');
  });
});

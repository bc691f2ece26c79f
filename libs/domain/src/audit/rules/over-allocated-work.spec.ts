import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, runRule, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'over-allocated-work';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags weights adding up to more than 100, the path being the item then its targets',
      given: portfolio()
        .keyResult('KR-1')
        .keyResult('KR-2')
        .project('PRJ-1', { status: 'on_hold' })
        .link('PRJ-1', 'KR-2', 'contributes_to', { weight: 60 })
        .link('PRJ-1', 'KR-1', 'contributes_to', { weight: 40.5 }),
      flags: [['PRJ-1']],
      paths: [['PRJ-1', 'KR-1', 'KR-2']],
    },
    {
      name: 'does not flag exactly 100',
      given: portfolio()
        .keyResult('KR-1')
        .keyResult('KR-2')
        .bau('BAU-1')
        .link('BAU-1', 'KR-1', 'contributes_to', { weight: 60 })
        .link('BAU-1', 'KR-2', 'contributes_to', { weight: 40 }),
      flags: [],
    },
    {
      name: 'counts a missing weight as 0 and ignores proposed links',
      given: portfolio()
        .keyResult('KR-1')
        .keyResult('KR-2')
        .keyResult('KR-3')
        .asset('AST-1')
        .link('AST-1', 'KR-1', 'contributes_to', { weight: 100 })
        .link('AST-1', 'KR-2', 'contributes_to')
        .link('AST-1', 'KR-3', 'contributes_to', { weight: 50, state: 'proposed' }),
      flags: [],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));

  it('states the total', () => {
    const [f] = runRule(
      RULE,
      portfolio()
        .keyResult('KR-1')
        .objective('OBJ-1')
        .project('PRJ-1')
        .link('PRJ-1', 'KR-1', 'contributes_to', { weight: 70 })
        .link('PRJ-1', 'OBJ-1', 'contributes_to', { weight: 70 }),
    );
    expect(f.message).toContain('140%');
  });
});

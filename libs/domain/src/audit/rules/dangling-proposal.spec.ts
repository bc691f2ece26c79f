import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, runRule, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'dangling-proposal';
const NOW = '2026-11-01T12:00:00.000Z';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags a proposal older than 14 days, by both ends',
      given: portfolio(NOW)
        .keyResult('KR-1')
        .project('PRJ-1')
        .link('PRJ-1', 'KR-1', 'contributes_to', { state: 'proposed', createdAt: '2026-10-18T11:59:59.000Z' }),
      flags: [['PRJ-1', 'KR-1']],
      paths: [['PRJ-1', 'KR-1']],
    },
    {
      name: 'does not flag a proposal exactly 14 days old',
      given: portfolio(NOW)
        .keyResult('KR-1')
        .project('PRJ-1')
        .link('PRJ-1', 'KR-1', 'contributes_to', { state: 'proposed', createdAt: '2026-10-18T12:00:00.000Z' }),
      flags: [],
    },
    {
      name: 'does not flag old links that were approved or rejected',
      given: portfolio(NOW)
        .keyResult('KR-1')
        .project('PRJ-1')
        .bau('BAU-1')
        .link('PRJ-1', 'KR-1', 'contributes_to', { createdAt: '2025-01-01T00:00:00Z' })
        .link('BAU-1', 'KR-1', 'contributes_to', { state: 'rejected', createdAt: '2025-01-01T00:00:00Z' }),
      flags: [],
    },
    {
      name: "follows the organisation's limit and tells two proposals between one pair apart",
      given: portfolio(NOW)
        .withSettings({ danglingProposalDays: 3 })
        .project('PRJ-1')
        .asset('AST-1')
        .link('PRJ-1', 'AST-1', 'delivers', { state: 'proposed', createdAt: '2026-10-28T00:00:00Z' })
        .link('PRJ-1', 'AST-1', 'depends_on', { state: 'proposed', createdAt: '2026-10-28T00:00:00Z' }),
      flags: [
        ['PRJ-1', 'AST-1'],
        ['PRJ-1', 'AST-1'],
      ],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));

  it('gives the two proposals between one pair different ids', () => {
    const found = runRule(
      RULE,
      portfolio(NOW)
        .project('PRJ-1')
        .asset('AST-1')
        .link('PRJ-1', 'AST-1', 'delivers', { state: 'proposed', createdAt: '2026-01-01T00:00:00Z' })
        .link('PRJ-1', 'AST-1', 'depends_on', { state: 'proposed', createdAt: '2026-01-01T00:00:00Z' }),
    );
    expect(new Set(found.map((f) => f.id)).size).toBe(2);
    expect(found.map((f) => f.message)).toContain(
      'The proposal that Project PRJ-1 delivers Value asset AST-1 has waited 304 days for a decision.',
    );
  });
});

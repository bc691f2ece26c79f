import { portfolio } from '../testing/portfolio-builder.js';
import { expectRuleCase, runRule, type RuleCase } from '../testing/rule-cases.js';

const RULE = 'stale-key-result';
/** The audit's clock in these cases: 1 November 2026, noon UTC. */
const NOW = '2026-11-01T12:00:00.000Z';

describe(RULE, () => {
  it.each<RuleCase>([
    {
      name: 'flags a key result whose newest check-in is 31 days old',
      given: portfolio(NOW).keyResult('KR-1', { lastCheckInAt: '2026-10-01' }),
      flags: [['KR-1']],
    },
    {
      name: 'flags a key result never checked in, created 31 days ago',
      given: portfolio(NOW).keyResult('KR-1', { createdAt: '2026-10-01T23:59:00.000Z' }),
      flags: [['KR-1']],
    },
    {
      name: 'does not flag a check-in exactly 30 days old (the limit is "older than")',
      given: portfolio(NOW).keyResult('KR-1', { lastCheckInAt: '2026-10-02', createdAt: '2025-01-01T00:00:00Z' }),
      flags: [],
    },
    {
      name: 'does not flag a key result created exactly 30 days ago without check-ins',
      given: portfolio(NOW).keyResult('KR-1', { createdAt: '2026-10-02T00:00:00.000Z' }),
      flags: [],
    },
    {
      name: 'does not flag a stale key result that is not active',
      given: portfolio(NOW).keyResult('KR-1', { lastCheckInAt: '2026-01-01', status: 'done' }),
      flags: [],
    },
    {
      name: "follows the organisation's limit: 10 days",
      given: portfolio(NOW)
        .withSettings({ staleCheckInDays: 10 })
        .keyResult('KR-1', { lastCheckInAt: '2026-10-22' })
        .keyResult('KR-2', { lastCheckInAt: '2026-10-21' }),
      flags: [['KR-2']],
    },
  ])('$name', (c) => expectRuleCase(expect, RULE, c));

  it('says when the last check-in was', () => {
    const [f] = runRule(RULE, portfolio(NOW).keyResult('KR-1', { lastCheckInAt: '2026-09-01' }));
    expect(f.message).toBe('Key result KR-1 is stale: its last check-in was on 2026-09-01, 61 days ago (limit 30).');
  });
});

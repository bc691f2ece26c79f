import { annualisedCents } from './annualise.js';
import { isOptimistic } from './dashboard.js';

describe(annualisedCents.name, () => {
  it.each([
    // budget, start, end, cents a year
    [730_000, '2026-01-01', '2027-12-31', 36_500_000], // 730 days: half a year's share each year
    [365_000, '2026-01-01', '2026-12-31', 36_500_000], // exactly a year: in full
    [100_000, '2026-01-01', '2026-03-31', 10_000_000], // shorter than a year: in full, never inflated
    [100_000, null, '2027-12-31', 10_000_000], // no start: the whole budget as one year's
    [100_000, '2026-01-01', null, 10_000_000], // no end: the same
    [1_000, '2026-01-01', '2028-12-31', 33_303], // 1,096 days: 100,000 × 365 / 1,096 = 33,302.9… → 33,303 cents
    [null, '2026-01-01', '2028-12-31', 0],
  ])('annualises %p from %p to %p as %p cents', (budget, start, end, cents) => {
    expect(annualisedCents(budget, start, end)).toBe(cents);
  });
});

describe(isOptimistic.name, () => {
  it.each([
    ['green', 'amber', true],
    ['green', 'red', true],
    ['amber', 'red', true],
    ['amber', 'amber', false],
    ['amber', 'green', false],
    ['green', 'unknown', false],
    ['unknown', 'red', false],
  ] as const)('reported %s, derived %s: %p', (reported, derived, gap) => {
    expect(isOptimistic(reported, derived)).toBe(gap);
  });
});

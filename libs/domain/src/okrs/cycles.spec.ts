import { cycleContaining, cycleDatesProblem } from './cycles.js';

const q3 = { name: '2026 Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' };
const q4 = { name: '2026 Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' };
const h2 = { name: '2026 H2', startsOn: '2026-07-01', endsOn: '2026-12-31' };

describe('cycleContaining', () => {
  it('finds the cycle whose days include today, first and last day included', () => {
    expect(cycleContaining([q3, q4], '2026-11-30')).toBe(q4);
    expect(cycleContaining([q3, q4], '2026-10-01')).toBe(q4);
    expect(cycleContaining([q3, q4], '2026-09-30')).toBe(q3);
  });

  it('is none when no cycle contains today', () => {
    expect(cycleContaining([q3, q4], '2027-01-01')).toBeUndefined();
    expect(cycleContaining([], '2026-11-30')).toBeUndefined();
  });

  it('takes the latest-starting of overlapping cycles', () => {
    expect(cycleContaining([h2, q4], '2026-11-30')).toBe(q4);
    expect(cycleContaining([q4, h2], '2026-11-30')).toBe(q4);
  });
});

describe('cycleDatesProblem', () => {
  it('accepts a one-day cycle and refuses one ending before it starts', () => {
    expect(cycleDatesProblem('2026-10-01', '2026-10-01')).toBeUndefined();
    expect(cycleDatesProblem('2026-10-02', '2026-10-01')).toMatch(/on or after/);
  });
});

import { isOverdue, isRedRisk, riskMatrix, riskScore, type RaidItem } from './raid.js';

const risk = (id: string, likelihood: number, impact: number, status: RaidItem['status'] = 'open') => ({
  id,
  type: 'risk' as const,
  status,
  likelihood,
  impact,
});

describe('RAID rules', () => {
  it('scores risks only, and a risk is red from 15 while it is not closed', () => {
    expect(riskScore(risk('a', 3, 5))).toBe(15);
    expect(riskScore({ type: 'action', likelihood: null, impact: null })).toBeNull();
    expect(isRedRisk(risk('a', 3, 5))).toBe(true);
    expect(isRedRisk(risk('b', 2, 7))).toBe(false); // 14
    expect(isRedRisk(risk('c', 5, 5, 'closed'))).toBe(false);
    expect(isRedRisk(risk('d', 5, 5, 'in_progress'))).toBe(true);
  });

  it('flags an item overdue when it is not closed and its due date has passed', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-11-29' }, '2026-11-30')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ status: 'closed', dueDate: '2026-01-01' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: null }, '2026-11-30')).toBe(false);
  });

  it('places open risks on the 5×5 matrix by impact (rows) and likelihood (columns)', () => {
    const cells = riskMatrix([
      risk('a', 1, 5),
      risk('b', 1, 5),
      risk('c', 4, 2),
      risk('d', 5, 5, 'closed'),
      { id: 'e', type: 'issue', status: 'open', likelihood: null, impact: null },
    ]);
    expect(cells[4][0]).toEqual(['a', 'b']);
    expect(cells[1][3]).toEqual(['c']);
    expect(cells.flat(2)).toHaveLength(3);
  });
});

import type { OkrCycle } from '@throughline/domain';
import { ALL_CYCLES, inSelection, NO_CYCLE, selectedCycle } from './cycleFilter';

const cycle = (id: string, startsOn: string, endsOn: string): OkrCycle => ({
  id,
  name: id,
  startsOn,
  endsOn,
  keyResults: 0,
  createdAt: '2026-01-01T00:00:00Z',
});
const q3 = cycle('q3', '2026-07-01', '2026-09-30');
const q4 = cycle('q4', '2026-10-01', '2026-12-31');

describe('the OKRs page’s cycle filter', () => {
  it('opens on the cycle containing today when the URL names none', () => {
    expect(selectedCycle(null, [q4, q3], '2026-11-30')).toBe('q4');
    expect(selectedCycle(null, [q4, q3], '2026-08-15')).toBe('q3');
  });

  it('shows everything when no cycle contains today, or there is no cycle', () => {
    expect(selectedCycle(null, [q4, q3], '2027-02-01')).toBe(ALL_CYCLES);
    expect(selectedCycle(null, [], '2026-11-30')).toBe(ALL_CYCLES);
  });

  it('follows the URL: a cycle, all, or none; a cycle that no longer exists falls back to the default', () => {
    expect(selectedCycle('q3', [q4, q3], '2026-11-30')).toBe('q3');
    expect(selectedCycle('all', [q4, q3], '2026-11-30')).toBe(ALL_CYCLES);
    expect(selectedCycle('none', [q4, q3], '2026-11-30')).toBe(NO_CYCLE);
    expect(selectedCycle('deleted-id', [q4, q3], '2026-11-30')).toBe('q4');
  });

  it('keeps the key results of the chosen cycle', () => {
    expect(inSelection({ cycleId: 'q4' }, 'q4')).toBe(true);
    expect(inSelection({ cycleId: 'q3' }, 'q4')).toBe(false);
    expect(inSelection({ cycleId: null }, 'q4')).toBe(false);
    expect(inSelection({ cycleId: 'q3' }, ALL_CYCLES)).toBe(true);
    expect(inSelection({ cycleId: null }, NO_CYCLE)).toBe(true);
    expect(inSelection({}, NO_CYCLE)).toBe(true);
    expect(inSelection({ cycleId: 'q3' }, NO_CYCLE)).toBe(false);
  });
});

import type { InterchangeDocument } from '../interchange.js';
import { shiftDates } from './shift-dates.js';

const doc = (): InterchangeDocument => ({
  format: 'throughline/v1',
  businessUnits: [],
  nodes: [
    { key: 'OBJ-1', kind: 'objective', title: 'Smart homes', owner: 'CCO', targetDate: '2028-03-31' },
    { key: 'PRJ-1', kind: 'project', title: 'Roll-out', startDate: '2026-10-30', endDate: '2027-01-31' },
    { key: 'BAU-1', kind: 'bau', title: 'Billing' },
  ],
  links: [],
  checkIns: [{ node: 'KR-1', at: '2026-10-31', value: 51, confidence: 0.6, note: '' }],
  raid: [
    { type: 'risk', title: 'Attrition', dueDate: '2026-12-30' },
    { type: 'decision', title: 'Online first', decidedOn: '2026-10-14', status: 'closed' },
    { type: 'action', title: 'No date' },
  ],
});

describe('shiftDates', () => {
  it('moves every node date, check-in day and RAID due and decision day by the days given, across month and year ends', () => {
    const moved = shiftDates(doc(), 3);
    expect(moved.nodes.map((n) => [n.startDate, n.endDate, n.targetDate])).toEqual([
      [undefined, undefined, '2028-04-03'],
      ['2026-11-02', '2027-02-03', undefined],
      [undefined, undefined, undefined],
    ]);
    expect(moved.checkIns[0].at).toBe('2026-11-03');
    expect(moved.raid?.map((r) => [r.dueDate, r.decidedOn])).toEqual([
      ['2027-01-02', undefined],
      [undefined, '2026-10-17'],
      [undefined, undefined],
    ]);
  });

  it('adds no date a field did not have, leaves a document without a RAID section without one, and does not touch its input', () => {
    const input = doc();
    const before = JSON.stringify(input);
    const moved = shiftDates(input, -10);
    expect(JSON.stringify(input)).toBe(before);
    expect('startDate' in moved.nodes[2]).toBe(false);
    expect('dueDate' in moved.raid![2]).toBe(false);
    const { raid: _raid, ...withoutRaid } = input;
    expect('raid' in shiftDates(withoutRaid, 5)).toBe(false);
  });
});

import { render } from '@testing-library/react';
import type { ChangeLogEntry } from '@throughline/domain';
import { createFormat } from '../../../ui/format';
import { providers } from '../../../test/providers';
import { graphNode } from '../model/testGraph';
import { changesInWords, describeEntry } from './historyWords';

const format = createFormat('GBP', 'en-GB');
const units = new Map([['u1', 'NET — Networks']]);
const drawn = new Map([graphNode('PRJ-7', 'project'), graphNode('KR-3.1', 'key_result')].map((n) => [n.id, n]));
const entry = (e: Partial<ChangeLogEntry>): ChangeLogEntry => ({
  id: 1,
  at: '2026-11-30T10:00:00Z',
  actor: 'Pat',
  action: 'update',
  entityType: 'node',
  entityId: 'x',
  before: null,
  after: null,
  ...e,
});

describe('history in words', () => {
  it('says what an edit changed, old → new, with UK dates, money in pounds and unit names, not field names', () => {
    const words = changesInWords(
      {
        title: 'Old',
        owner: null,
        budget: 1000,
        endDate: '2027-03-31',
        businessUnitId: null,
        version: 2,
        updatedBy: 'a',
      },
      {
        title: 'New',
        owner: 'Ann',
        budget: 2500.5,
        endDate: '2027-09-30',
        businessUnitId: 'u1',
        version: 3,
        updatedBy: 'b',
      },
      { format, units },
    );
    expect(words).toEqual([
      'Title “Old” → “New”',
      'Owner — → “Ann”',
      'Budget £1,000 → £2,500.5',
      'End 31 Mar 2027 → 30 Sept 2027',
      'Business unit — → NET — Networks',
    ]);
  });

  it('names a link’s ends by key and says approved, not "changed state, decidedAt, decidedBy"', () => {
    const link = { fromId: 'PRJ-7', toId: 'KR-3.1', kind: 'contributes_to' };
    const approved = entry({
      entityType: 'link',
      before: { ...link, state: 'proposed', decidedAt: null, decidedBy: null },
      after: { ...link, state: 'approved', decidedAt: '2026-11-30', decidedBy: 'Pat' },
    });
    const { wrapper } = providers();
    const { container } = render(<>{describeEntry(approved, { format, units, drawn })}</>, { wrapper });
    expect(container.textContent).toBe('approved the link PRJ-7 contributes to KR-3.1');
  });

  it('says what happened to a RAID item attached to the node, and to an OKR cycle, in words', () => {
    const risk = { type: 'risk', title: 'Supplier delay', status: 'open' };
    const ctx = { format, units, drawn };
    const { wrapper } = providers();
    const said = (e: Partial<ChangeLogEntry>) =>
      render(<>{describeEntry(entry(e), ctx)}</>, { wrapper }).container.textContent;
    expect(said({ entityType: 'raid_item', action: 'create', after: risk })).toBe('logged the risk “Supplier delay”');
    expect(said({ entityType: 'raid_item', action: 'delete', before: risk })).toBe('deleted the risk “Supplier delay”');
    expect(said({ entityType: 'okr_cycle', action: 'create', after: { name: '2026 Q4' } })).toBe(
      'created the OKR cycle “2026 Q4”',
    );
  });
});

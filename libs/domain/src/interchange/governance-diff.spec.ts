import type { InterchangeDocument } from '../interchange.js';
import { diffGovernance, type StoredGovernance } from './governance-diff.js';

const base: InterchangeDocument = { format: 'throughline/v1', businessUnits: [], nodes: [], links: [], checkIns: [] };
const nothing: StoredGovernance = { okrCycles: new Map(), waivers: new Map(), raid: new Map() };

const storedRisk = {
  type: 'risk' as const,
  title: 'Supplier slips',
  description: '',
  owner: null,
  status: 'open' as const,
  dueDate: null,
  likelihood: 3,
  impact: 4,
  decidedOn: null,
  decidedBy: null,
  attachments: ['PRJ-1 → KR-1 (contributes to)', 'KR-1'],
};

describe(diffGovernance.name, () => {
  it('leaves out the sections the document does not have (an older document)', () => {
    expect(diffGovernance(base, nothing)).toEqual({});
  });

  it('counts an empty section the document has', () => {
    expect(diffGovernance({ ...base, raid: [] }, nothing)).toEqual({
      raid: { created: 0, updated: 0, unchanged: 0, creates: [], updates: [], truncated: false },
    });
  });

  it('matches cycles by name and changes their days', () => {
    const stored = {
      ...nothing,
      okrCycles: new Map([
        ['2026 Q4', { startsOn: '2026-10-01', endsOn: '2026-12-31' }],
        ['2027 Q1', { startsOn: '2027-01-01', endsOn: '2027-03-31' }],
      ]),
    };
    const diff = diffGovernance(
      {
        ...base,
        okrCycles: [
          { name: '2026 Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' },
          { name: '2027 Q1', startsOn: '2027-01-01', endsOn: '2027-03-30' },
          { name: '2027 Q2', startsOn: '2027-04-01', endsOn: '2027-06-30' },
        ],
      },
      stored,
    );
    expect(diff.okrCycles).toEqual({
      created: 1,
      updated: 1,
      unchanged: 1,
      creates: ['2027 Q2'],
      updates: [{ key: '2027 Q1', changes: [{ field: 'endsOn', before: '2027-03-31', after: '2027-03-30' }] }],
      truncated: false,
    });
  });

  it('matches waivers by rule, nodes and link kind and changes their reason, last day and path', () => {
    const stored = {
      ...nothing,
      waivers: new Map([
        ['missing-owner: PRJ-1', { path: ['PRJ-1'], reason: 'Joins in January', expiresOn: '2099-01-31' }],
      ]),
    };
    const waiver = { rule: 'missing-owner' as const, nodes: ['PRJ-1'], path: ['PRJ-1'], expiresOn: '2099-01-31' };
    const diff = diffGovernance(
      {
        ...base,
        waivers: [
          { ...waiver, reason: 'Joins in February' },
          { ...waiver, nodes: ['PRJ-2'], path: ['PRJ-2'], reason: 'Closing' },
        ],
      },
      stored,
    );
    expect(diff.waivers).toMatchObject({
      created: 1,
      updated: 1,
      unchanged: 0,
      creates: ['missing-owner: PRJ-2'],
      updates: [
        {
          key: 'missing-owner: PRJ-1',
          changes: [{ field: 'reason', before: 'Joins in January', after: 'Joins in February' }],
        },
      ],
    });
  });

  it.each([
    ['the same item, attachments in another order', {}, 'unchanged'],
    ['an omitted status (the default, open)', { status: undefined }, 'unchanged'],
    ['a title with spaces around it', { title: '  Supplier slips ' }, 'unchanged'],
    ['another status', { status: 'closed' }, 'updated'],
    ['an omitted score (a risk is replaced whole)', { impact: undefined }, 'updated'],
    ['an attachment fewer', { attachments: [{ node: 'KR-1' }] }, 'updated'],
    ['a deleted node’s label instead of the node', { attachments: [{ detached: 'KR-1' }] }, 'updated'],
    ['another type', { type: 'issue', likelihood: null, impact: null }, 'created'],
  ])('counts a RAID item matched by type and title: %s is %s', (_, change, outcome) => {
    const item = {
      type: 'risk' as const,
      title: 'Supplier slips',
      status: 'open' as const,
      likelihood: 3,
      impact: 4,
      attachments: [{ node: 'KR-1' }, { link: { from: 'PRJ-1', to: 'KR-1', kind: 'contributes_to' as const } }],
      ...change,
    };
    const diff = diffGovernance(
      { ...base, raid: [item as NonNullable<InterchangeDocument['raid']>[number]] },
      { ...nothing, raid: new Map([['risk: Supplier slips', storedRisk]]) },
    );
    expect(diff.raid).toMatchObject({
      created: outcome === 'created' ? 1 : 0,
      updated: outcome === 'updated' ? 1 : 0,
      unchanged: outcome === 'unchanged' ? 1 : 0,
    });
  });

  it('lists a RAID item’s changes field by field, attachments as the document names them', () => {
    const diff = diffGovernance(
      {
        ...base,
        raid: [{ type: 'risk', title: 'Supplier slips', likelihood: 5, impact: 4, attachments: [{ node: 'KR-1' }] }],
      },
      { ...nothing, raid: new Map([['risk: Supplier slips', storedRisk]]) },
    );
    expect(diff.raid?.updates).toEqual([
      {
        key: 'risk: Supplier slips',
        changes: [
          { field: 'likelihood', before: 3, after: 5 },
          { field: 'attachments', before: ['KR-1', 'PRJ-1 → KR-1 (contributes to)'], after: ['KR-1'] },
        ],
      },
    ]);
  });
});

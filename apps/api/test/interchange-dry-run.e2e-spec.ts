import type { InterchangeDocument } from '@throughline/domain';
import { startTestApp, type TestApp } from './harness.js';

/**
 * The JSON import's dry run covers the governance sections the import applies — OKR cycles, waivers and RAID items —
 * counted and listed as the other sections are, with nothing written, and its counts are the import's.
 */
describe('interchange dry run: cycles, waivers and RAID', () => {
  let t: TestApp;

  const stored: InterchangeDocument = {
    format: 'throughline/v1',
    businessUnits: [],
    okrCycles: [
      { name: '2026 Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' },
      { name: '2027 Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' },
    ],
    nodes: [
      { key: 'OBJ-1', kind: 'objective', title: 'Grow' },
      { key: 'KR-1', kind: 'key_result', title: 'Meters', target: 100, cycle: '2026 Q4' },
      { key: 'PRJ-1', kind: 'project', title: 'Smart meters' },
      { key: 'PRJ-2', kind: 'project', title: 'Cabling' },
    ],
    links: [
      { from: 'KR-1', to: 'OBJ-1', kind: 'contributes_to' },
      { from: 'PRJ-1', to: 'KR-1', kind: 'contributes_to' },
    ],
    checkIns: [],
    waivers: [
      {
        rule: 'missing-owner',
        nodes: ['PRJ-1'],
        path: ['PRJ-1'],
        reason: 'Owner joins in January',
        expiresOn: '2099-01-31',
      },
    ],
    raid: [
      {
        type: 'risk',
        title: 'Meters may not move the KR',
        likelihood: 3,
        impact: 5,
        attachments: [{ node: 'KR-1' }, { link: { from: 'PRJ-1', to: 'KR-1', kind: 'contributes_to' } }],
      },
      { type: 'action', title: 'Order the meters', owner: 'Head of Metering' },
      { type: 'decision', title: 'Go with supplier B', decidedOn: '2026-11-02', decidedBy: 'Board' },
    ],
  };

  /** The stored document with, per section, one entry the same, one changed and one new. */
  const incoming: InterchangeDocument = {
    ...stored,
    okrCycles: [
      stored.okrCycles![0],
      { name: '2027 Q1', startsOn: '2027-01-01', endsOn: '2027-03-30' },
      { name: '2027 Q2', startsOn: '2027-04-01', endsOn: '2027-06-30' },
    ],
    nodes: [...stored.nodes, { key: 'PRJ-3', kind: 'project', title: 'Substations' }],
    waivers: [
      { ...stored.waivers![0], reason: 'Owner joins in February' },
      { rule: 'missing-owner', nodes: ['PRJ-2'], path: ['PRJ-2'], reason: 'Closing', expiresOn: '2099-06-30' },
      // On a node the document adds: new, whatever the organisation holds.
      { rule: 'missing-owner', nodes: ['PRJ-3'], path: ['PRJ-3'], reason: 'Being hired', expiresOn: '2099-06-30' },
    ],
    raid: [
      // The same, its attachments in another order.
      { ...stored.raid![0], attachments: [...stored.raid![0].attachments!].reverse() },
      { ...stored.raid![1], status: 'closed' },
      stored.raid![2],
      { type: 'issue', title: 'Cable shortage', attachments: [{ node: 'PRJ-3' }] },
    ],
  };

  const exported = async () => (await t.http().get('/api/portfolio/export').expect(200)).text;
  const counts = (s: { created: number; updated: number; unchanged: number }) => ({
    created: s.created,
    updated: s.updated,
    unchanged: s.unchanged,
  });

  beforeAll(async () => {
    t = await startTestApp();
    await t.http().post('/api/portfolio/import').send(stored).expect(200);
  });

  afterAll(() => t.close());

  it('counts and lists what the import would create and change in each governance section, writing nothing', async () => {
    const before = await exported();
    const res = await t.http().post('/api/portfolio/import?dryRun=true').send(incoming).expect(200);
    expect(res.body.okrCycles).toEqual({
      created: 1,
      updated: 1,
      unchanged: 1,
      creates: ['2027 Q2'],
      updates: [{ key: '2027 Q1', changes: [{ field: 'endsOn', before: '2027-03-31', after: '2027-03-30' }] }],
      truncated: false,
    });
    expect(res.body.waivers).toEqual({
      created: 2,
      updated: 1,
      unchanged: 0,
      creates: ['missing-owner: PRJ-2', 'missing-owner: PRJ-3'],
      updates: [
        {
          key: 'missing-owner: PRJ-1',
          changes: [{ field: 'reason', before: 'Owner joins in January', after: 'Owner joins in February' }],
        },
      ],
      truncated: false,
    });
    expect(res.body.raid).toEqual({
      created: 1,
      updated: 1,
      unchanged: 2,
      creates: ['issue: Cable shortage'],
      updates: [{ key: 'action: Order the meters', changes: [{ field: 'status', before: 'open', after: 'closed' }] }],
      truncated: false,
    });
    expect(counts(res.body.nodes)).toEqual({ created: 1, updated: 0, unchanged: 4 });
    expect(await exported()).toBe(before);
  });

  it('gives the counts the import then reports', async () => {
    const dry = (await t.http().post('/api/portfolio/import?dryRun=true').send(incoming).expect(200)).body;
    const real = (await t.http().post('/api/portfolio/import').send(incoming).expect(200)).body;
    for (const section of ['okrCycles', 'waivers', 'raid', 'nodes', 'links']) {
      expect([section, counts(dry[section])]).toEqual([section, real[section]]);
    }
    const again = (await t.http().post('/api/portfolio/import?dryRun=true').send(incoming).expect(200)).body;
    expect(counts(again.okrCycles)).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(counts(again.waivers)).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(counts(again.raid)).toEqual({ created: 0, updated: 0, unchanged: 4 });
  });

  it('leaves the sections out for a document without them, as the import does', async () => {
    const { okrCycles: _c, waivers: _w, raid: _r, ...older } = incoming;
    const res = await t.http().post('/api/portfolio/import?dryRun=true').send(older).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['businessUnits', 'checkIns', 'links', 'nodes']);
  });
});

import type { InterchangeDocument, InterchangeRaidItem, RaidItem } from '@throughline/domain';
import { Db } from '../src/platform/database/db.js';
import { requestContext } from '../src/platform/request-context/request-context.js';
import { startTestApp, type TestApp } from './harness.js';

/** How many projects (each with a key result); the RAID section has a risk and an action about each. */
const N = 40;

/**
 * The import's RAID section read set-based: every stored item, node and link the section names is looked up in one
 * statement for the whole section. Across many items each must still be matched to its own stored item and attached
 * to its own nodes and links, and the statements the import sends must not grow with the number of items.
 */
describe('interchange import: a RAID section of many items', () => {
  let t: TestApp;
  let base: InterchangeDocument;

  const risk = (i: number, project = i): InterchangeRaidItem => ({
    type: 'risk',
    title: `Risk ${i}`,
    likelihood: 1 + (i % 5),
    impact: 3,
    attachments: [
      { node: `PRJ-${project}` },
      { link: { from: `PRJ-${project}`, to: `KR-${project}`, kind: 'contributes_to' } },
    ],
  });
  const action = (i: number, status: 'open' | 'closed' = 'open'): InterchangeRaidItem => ({
    type: 'action',
    title: `Action ${i}`,
    status,
    attachments: [{ link: { from: `KR-${i}`, to: 'OBJ-1', kind: 'contributes_to' } }, { detached: `Gone ${i}` }],
  });
  const oldest: InterchangeRaidItem = { type: 'issue', title: 'Supplier slips', owner: 'First owner' };
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  const withRaid = (raid: InterchangeRaidItem[]) => ({ ...base, raid });
  const allItems = () => [...range(N).flatMap((i) => [risk(i), action(i)]), oldest];

  /** The exported RAID section by identity, attachments in a stable order. */
  const exportedRaid = async () => {
    const doc = (await t.http().get('/api/portfolio/export').expect(200)).body as InterchangeDocument;
    return new Map(
      (doc.raid ?? []).map((item) => [
        `${item.type}: ${item.title}`,
        { ...item, attachments: sortAttachments(item.attachments ?? []) },
      ]),
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    base = {
      format: 'throughline/v1',
      businessUnits: [],
      nodes: [
        { key: 'OBJ-1', kind: 'objective', title: 'Grow' },
        ...range(N).flatMap((i) => [
          { key: `KR-${i}`, kind: 'key_result' as const, title: `Key result ${i}`, target: 100 },
          { key: `PRJ-${i}`, kind: 'project' as const, title: `Project ${i}` },
        ]),
      ],
      links: range(N).flatMap((i) => [
        { from: `KR-${i}`, to: 'OBJ-1', kind: 'contributes_to' as const },
        { from: `PRJ-${i}`, to: `KR-${i}`, kind: 'contributes_to' as const },
      ]),
      checkIns: [],
    };
    await t.http().post('/api/portfolio/import').send(base).expect(200);
    // Two stored items of one type and title: the import matches the older one.
    for (const owner of ['First owner', 'Second owner']) {
      await t.http().post('/api/raid').send({ type: 'issue', title: 'Supplier slips', owner }).expect(201);
    }
  });

  afterAll(() => t.close());

  it('creates every item attached to its own nodes and links, and matches a known one to the oldest stored', async () => {
    const res = await t.http().post('/api/portfolio/import').send(withRaid(allItems())).expect(200);
    expect(res.body.raid).toEqual({ created: 2 * N, updated: 0, unchanged: 1 });

    const raid = await exportedRaid();
    for (const i of range(N)) {
      expect(raid.get(`risk: Risk ${i}`)).toEqual({
        ...risk(i),
        status: 'open',
        attachments: sortAttachments(risk(i).attachments!),
      });
      expect(raid.get(`action: Action ${i}`)).toEqual({
        ...action(i),
        attachments: sortAttachments(action(i).attachments!),
      });
    }
    const stored = (await t.http().get('/api/raid?type=issue').expect(200)).body as RaidItem[];
    expect(stored.map((i) => [i.owner, i.version]).sort()).toEqual([
      ['First owner', 1],
      ['Second owner', 1],
    ]);
  });

  it('changes only the items whose fields or attachments differ, each to its own', async () => {
    const same = await t.http().post('/api/portfolio/import').send(withRaid(allItems())).expect(200);
    expect(same.body.raid).toEqual({ created: 0, updated: 0, unchanged: 2 * N + 1 });

    // Risks 1–10 move to the next project (its node and its link); actions 21–25 are closed.
    const changed = [
      ...range(N).flatMap((i) => [risk(i, i <= 10 ? i + 1 : i), action(i, i > 20 && i <= 25 ? 'closed' : 'open')]),
      oldest,
    ];
    const res = await t.http().post('/api/portfolio/import').send(withRaid(changed)).expect(200);
    expect(res.body.raid).toEqual({ created: 0, updated: 15, unchanged: 2 * N + 1 - 15 });

    const raid = await exportedRaid();
    for (const i of range(N)) {
      const wanted = risk(i, i <= 10 ? i + 1 : i);
      expect(raid.get(`risk: Risk ${i}`)?.attachments).toEqual(sortAttachments(wanted.attachments!));
      expect(raid.get(`action: Action ${i}`)?.status).toBe(i > 20 && i <= 25 ? 'closed' : 'open');
    }
    const log = (await t.http().get('/api/change-log?entityType=raid_item&limit=100').expect(200)).body.entries as {
      action: string;
    }[];
    // Two items made by REST, 2N by the first import, 15 changed by this one.
    expect(log.filter((e) => e.action === 'update')).toHaveLength(15);
  });

  it('sends as many statements for a section of 81 unchanged items as for one of 3 (no statement per item)', async () => {
    const db = t.app.get(Db);
    const query = db.query.bind(db);
    /** The statements sent inside the import's transaction (not, say, a session's lookup, which a cache may skip). */
    const statements = async (raid: InterchangeRaidItem[]) => {
      let sent = 0;
      const spy = jest.spyOn(db, 'query').mockImplementation((sql, parameters) => {
        if (requestContext.get()?.manager) sent++;
        return query(sql, parameters);
      });
      try {
        await t.http().post('/api/portfolio/import').send(withRaid(raid)).expect(200);
        return sent;
      } finally {
        spy.mockRestore();
      }
    };
    const items = allItems();
    await t.http().post('/api/portfolio/import').send(withRaid(items)).expect(200);
    const many = await statements(items);
    const few = await statements(items.slice(0, 3));
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });
});

function sortAttachments<T>(attachments: T[]): T[] {
  return [...attachments].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

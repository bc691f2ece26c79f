import type { ChangeLogEntry, NodeRecord, RaidItem } from '@throughline/domain';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

/** The RAID log as CSV, and RAID changes in the change log (issue 13). */
describe('RAID log: CSV export and change log', () => {
  let t: TestApp;
  let prj: NodeRecord;

  beforeAll(async () => {
    t = await startTestApp();
    prj = await portfolio(t).node('project', 'PRJ-1', { title: 'Smart meters' });
    await t
      .http()
      .post('/api/raid')
      .send({
        type: 'risk',
        title: '=HYPERLINK("http://evil.example","click")',
        description: 'Line one\nline two, with a "quote"',
        owner: '@Head of Metering',
        likelihood: 4,
        impact: 4,
        dueDate: '2020-01-31',
        attachments: [{ nodeId: prj.id }],
      })
      .expect(201);
    await t.http().post('/api/raid').send({ type: 'action', title: 'Chase the supplier', owner: 'PMO' }).expect(201);
  });

  afterAll(() => t.close());

  it('exports the list as CSV with the list’s filters, escaping cells a spreadsheet would run as formulas', async () => {
    const res = await t.http().get('/api/raid/export.csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="raid-log.csv"');
    const text = res.text.replace(/^\uFEFF/, '');
    const [header] = text.split('\r\n');
    expect(header).toBe(
      'type,title,description,owner,status,dueDate,likelihood,impact,score,red,overdue,decidedOn,decidedBy,attachedTo,detached,createdBy,createdAt,updatedBy,updatedAt',
    );
    expect(text).toContain(
      `risk,"'=HYPERLINK(""http://evil.example"",""click"")","Line one\nline two, with a ""quote""",'@Head of Metering,open,2020-01-31,4,4,16,yes,yes,,,PRJ-1 Smart meters,no,`,
    );
    expect(text).toContain('action,Chase the supplier,,PMO,open,,,,,no,no,,,,no,');

    const risks = (await t.http().get('/api/raid/export.csv?type=risk').expect(200)).text;
    expect(risks).not.toContain('Chase the supplier');
    expect(risks.trim().split('\r\n')).toHaveLength(2); // the header and the risk (its line break is quoted)
    await t.http().get('/api/raid/export.csv?type=nonsense').expect(400);
  });

  it('every member may download it', async () => {
    const executive = await t.as('executive');
    await executive.http().get('/api/raid/export.csv').expect(200);
    await t.anonymous().get('/api/raid/export.csv').expect(401);
  });

  it('records creating, changing and deleting an item in the change log, and in its node’s history', async () => {
    const created = (
      await t
        .http()
        .post('/api/raid')
        .send({ type: 'issue', title: 'Meters late', owner: 'Ops', attachments: [{ nodeId: prj.id }] })
        .expect(201)
    ).body as RaidItem;
    await t.http().patch(`/api/raid/${created.id}`).send({ status: 'in_progress', version: 1 }).expect(200);
    await t.http().delete(`/api/raid/${created.id}`).expect(204);

    const log = (await t.http().get('/api/change-log?entityType=raid_item').expect(200)).body
      .entries as ChangeLogEntry[];
    const mine = log.filter((e) => e.entityId === created.id);
    expect(mine.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(mine[2]).toMatchObject({ before: null, after: { title: 'Meters late', status: 'open', type: 'issue' } });
    expect(mine[1]).toMatchObject({
      before: { status: 'open', version: 1 },
      after: { status: 'in_progress', version: 2 },
    });
    expect(mine[0]).toMatchObject({ before: { title: 'Meters late', status: 'in_progress' }, after: null });
    // What is derived from the day it is read is not recorded as if it had changed.
    expect(mine[2].after).not.toHaveProperty('overdue');
    expect((mine[2].after as { attachments: unknown[] }).attachments).toEqual([
      { nodeId: prj.id, linkId: null, label: 'PRJ-1 Smart meters' },
    ]);

    const history = (await t.http().get(`/api/nodes/${prj.id}/history`).expect(200)).body as ChangeLogEntry[];
    expect(history.filter((e) => e.entityType === 'raid_item' && e.entityId === created.id)).toHaveLength(3);
  });

  it('a refused change writes no entry', async () => {
    const before = (await t.http().get('/api/change-log?entityType=raid_item').expect(200)).body.entries.length;
    await t.http().post('/api/raid').send({ type: 'risk', title: 'Unscored' }).expect(422);
    const item = ((await t.http().get('/api/raid?type=action').expect(200)).body as RaidItem[])[0];
    await t.http().patch(`/api/raid/${item.id}`).send({ status: 'closed', version: 99 }).expect(409);
    const after = (await t.http().get('/api/change-log?entityType=raid_item').expect(200)).body.entries.length;
    expect(after).toBe(before);
  });
});

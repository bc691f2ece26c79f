import type { AuditFinding, AuditReport, ChangeLogEntry, OkrCycle, RaidItem } from '@throughline/domain';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

type Doc = Record<string, unknown> & {
  okrCycles: unknown[];
  nodes: Record<string, unknown>[];
  waivers: unknown[];
  raid: unknown[];
};

/**
 * The interchange document carries issue 13's governance: OKR cycles (and each key result's), waivers and the RAID log
 * — exported, imported into another organisation by key, and exported again unchanged.
 */
describe('interchange: cycles, waivers and RAID', () => {
  let t: TestApp;
  let exported: Doc;

  beforeAll(async () => {
    t = await startTestApp();
    const p = portfolio(t);
    const q4 = (
      await t
        .http()
        .post('/api/okr-cycles')
        .send({ name: '2026 Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' })
        .expect(201)
    ).body as OkrCycle;
    await t
      .http()
      .post('/api/okr-cycles')
      .send({ name: '2027 Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' })
      .expect(201);
    const obj = await p.node('objective', 'OBJ-1', { title: 'Grow' });
    const kr = await p.node('key_result', 'KR-1', { title: 'Meters', cycleId: q4.id });
    await p.node('key_result', 'KR-2', { title: 'Unplanned' });
    const prj = await p.node('project', 'PRJ-1', { title: 'Smart meters', owner: null });
    const gone = await p.node('project', 'PRJ-9', { title: 'Cancelled' });
    await p.link(kr, obj);
    const link = await p.link(prj, kr);

    const audit = (await t.http().get('/api/audit').expect(200)).body as AuditReport;
    const missingOwner = audit.findings.find((f) => f.rule === 'missing-owner' && f.nodeKeys[0] === 'PRJ-1')!;
    await t
      .http()
      .post('/api/audit/waivers')
      .send({ findingId: missingOwner.id, reason: 'Owner joins in January', expiresOn: '2099-01-31' })
      .expect(201);

    await t
      .http()
      .post('/api/raid')
      .send({
        type: 'risk',
        title: 'Meters may not move the KR',
        likelihood: 3,
        impact: 5,
        owner: '=HYPERLINK("x")',
        attachments: [{ linkId: link.id }, { nodeId: kr.id }],
      })
      .expect(201);
    await t
      .http()
      .post('/api/raid')
      .send({
        type: 'decision',
        title: 'Go with supplier B',
        decidedOn: '2026-11-02',
        decidedBy: 'Board',
        attachments: [{ nodeId: gone.id }],
      })
      .expect(201);
    await t.http().delete(`/api/nodes/${gone.id}`).send({ version: gone.version }).expect(204);

    exported = (await t.http().get('/api/portfolio/export').expect(200)).body as Doc;
  });

  afterAll(() => t.close());

  it('exports the cycles, each key result’s cycle by name, waivers by rule and node keys, and the RAID log', () => {
    expect(exported.okrCycles).toEqual([
      { name: '2026 Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' },
      { name: '2027 Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' },
    ]);
    expect(exported.nodes.find((n) => n.key === 'KR-1')).toMatchObject({ cycle: '2026 Q4' });
    expect(exported.nodes.find((n) => n.key === 'KR-2')).not.toHaveProperty('cycle');
    expect(exported.waivers).toEqual([
      {
        rule: 'missing-owner',
        nodes: ['PRJ-1'],
        path: ['PRJ-1'],
        reason: 'Owner joins in January',
        expiresOn: '2099-01-31',
      },
    ]);
    expect(exported.raid).toEqual([
      {
        type: 'decision',
        title: 'Go with supplier B',
        status: 'open',
        decidedOn: '2026-11-02',
        decidedBy: 'Board',
        attachments: [{ detached: 'PRJ-9 Cancelled' }],
      },
      {
        type: 'risk',
        title: 'Meters may not move the KR',
        owner: '=HYPERLINK("x")',
        status: 'open',
        likelihood: 3,
        impact: 5,
        attachments: [{ link: { from: 'PRJ-1', to: 'KR-1', kind: 'contributes_to' } }, { node: 'KR-1' }],
      },
    ]);
  });

  it('imports into an empty organisation, attached to its own nodes and links, and exports the same bytes', async () => {
    const fresh = await startTestApp();
    try {
      const res = await fresh.http().post('/api/portfolio/import').send(exported).expect(200);
      expect(res.body).toMatchObject({
        okrCycles: { created: 2, updated: 0, unchanged: 0 },
        waivers: { created: 1, updated: 0, unchanged: 0 },
        raid: { created: 2, updated: 0, unchanged: 0 },
      });
      const again = (await fresh.http().get('/api/portfolio/export').expect(200)).body;
      expect(JSON.stringify(again)).toBe(JSON.stringify(exported));

      // The waiver's finding id is computed from the new organisation's node ids: it waives the finding there.
      const audit = (await fresh.http().get('/api/audit').expect(200)).body as AuditReport & { waived: AuditFinding[] };
      expect(audit.waived.map((f) => f.nodeKeys)).toEqual([['PRJ-1']]);
      expect(audit.findings.some((f) => f.rule === 'missing-owner' && f.nodeKeys[0] === 'PRJ-1')).toBe(false);

      const nodes = (await fresh.http().get('/api/nodes?kind=key_result,project').expect(200)).body.items as {
        id: string;
        key: string;
        cycleId?: string | null;
      }[];
      const kr = nodes.find((n) => n.key === 'KR-1')!;
      const cycles = (await fresh.http().get('/api/okr-cycles').expect(200)).body as OkrCycle[];
      expect(kr.cycleId).toBe(cycles.find((c) => c.name === '2026 Q4')!.id);
      const raid = (await fresh.http().get('/api/raid').expect(200)).body as RaidItem[];
      const risk = raid.find((i) => i.type === 'risk')!;
      expect(risk.attachments.find((a) => a.nodeId)?.nodeId).toBe(kr.id);
      const links = (
        await fresh
          .http()
          .get(`/api/raid?linkId=${risk.attachments.find((a) => a.linkId)!.linkId}`)
          .expect(200)
      ).body as RaidItem[];
      expect(links.map((i) => i.id)).toEqual([risk.id]);
      const decision = raid.find((i) => i.type === 'decision')!;
      expect(decision).toMatchObject({
        detached: true,
        attachments: [expect.objectContaining({ label: 'PRJ-9 Cancelled' })],
      });

      const log = (await fresh.http().get('/api/change-log?entityType=raid_item').expect(200)).body
        .entries as ChangeLogEntry[];
      expect(log.map((e) => e.action)).toEqual(['create', 'create']);
    } finally {
      await fresh.close();
    }
  });

  it('imports the same document again without changing anything; a changed item is updated', async () => {
    const same = await t.http().post('/api/portfolio/import').send(exported).expect(200);
    expect(same.body).toMatchObject({
      okrCycles: { created: 0, updated: 0, unchanged: 2 },
      waivers: { created: 0, updated: 0, unchanged: 1 },
      raid: { created: 0, updated: 0, unchanged: 2 },
    });
    const changed = structuredClone(exported);
    (changed.raid[1] as { status: string }).status = 'closed';
    (changed.okrCycles[1] as { endsOn: string }).endsOn = '2027-03-30';
    const node = changed.nodes.find((n) => n.key === 'KR-1')!;
    node.cycle = '2027 Q1';
    const res = await t.http().post('/api/portfolio/import').send(changed).expect(200);
    expect(res.body).toMatchObject({
      okrCycles: { created: 0, updated: 1, unchanged: 1 },
      raid: { created: 0, updated: 1, unchanged: 1 },
    });
    const risk = ((await t.http().get('/api/raid?type=risk').expect(200)).body as RaidItem[])[0];
    expect(risk).toMatchObject({ status: 'closed', version: 2 });
    const after = (await t.http().get('/api/portfolio/export').expect(200)).body as Doc;
    expect(after.nodes.find((n) => n.key === 'KR-1')).toMatchObject({ cycle: '2027 Q1' });
  });

  it('an older document without the sections still imports, and changes none of them', async () => {
    const { okrCycles: _c, waivers: _w, raid: _r, ...older } = exported;
    const res = await t.http().post('/api/portfolio/import').send(older).expect(200);
    expect(res.body).not.toHaveProperty('raid');
    expect(((await t.http().get('/api/raid').expect(200)).body as RaidItem[]).length).toBe(2);
  });

  it('refuses unknown cycles, a cycle on a project, an unscored risk and an attachment to no link, with their paths', async () => {
    const bad = {
      format: 'throughline/v1',
      businessUnits: [],
      okrCycles: [{ name: 'Backwards', startsOn: '2027-02-01', endsOn: '2027-01-01' }],
      nodes: [
        { key: 'KR-7', kind: 'key_result', title: 'X', target: 1, cycle: 'Nowhere' },
        { key: 'PRJ-7', kind: 'project', title: 'Y', cycle: '2026 Q4' },
      ],
      links: [],
      checkIns: [],
      waivers: [{ rule: 'missing-owner', nodes: ['NOPE-1'], path: ['NOPE-1'], reason: 'x', expiresOn: '2099-01-01' }],
      raid: [
        { type: 'risk', title: 'Unscored' },
        {
          type: 'action',
          title: 'Orphan',
          attachments: [{ link: { from: 'KR-7', to: 'PRJ-7', kind: 'contributes_to' } }],
        },
      ],
    };
    const res = await t.http().post('/api/portfolio/import').send(bad).expect(422);
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        { path: '$.okrCycles[0].endsOn', message: 'must be on or after startsOn' },
        { path: '$.nodes[0].cycle', message: 'no OKR cycle named "Nowhere" in the document or the organisation' },
        { path: '$.nodes[1].cycle', message: 'applies to key results only' },
        { path: '$.waivers[0].nodes[0]', message: 'no node with key "NOPE-1" in the document or the organisation' },
        { path: '$.raid[0].likelihood', message: 'a risk needs a score 1–5' },
        {
          path: '$.raid[1].attachments[0].link',
          message: 'no link KR-7 contributes_to PRJ-7 in the document or the organisation',
        },
      ]),
    );
  });
});

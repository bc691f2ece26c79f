import type { LinkRecord, NodeRecord, RaidItem } from '@throughline/domain';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';
import type { TestMember } from './principals.js';

/** The RAID log (issue 13): items on nodes and on links, kept detached when those are deleted. */
describe('RAID log', () => {
  let t: TestApp;
  let n: Record<string, NodeRecord>;
  let link: LinkRecord;
  let net: { id: string };
  let contributor: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    const p = portfolio(t);
    net = await p.unit('NET');
    const ret = await p.unit('RET');
    n = {
      OBJ1: await p.node('objective', 'OBJ-1', { title: 'Grow' }),
      KR1: await p.node('key_result', 'KR-1', { title: 'Meters installed' }),
      PRJ1: await p.node('project', 'PRJ-1', { title: 'Smart meters', businessUnitId: net.id }),
      PRJ2: await p.node('project', 'PRJ-2', { title: 'Retail app', businessUnitId: ret.id }),
    };
    await p.link(n.KR1, n.OBJ1);
    link = await p.link(n.PRJ1, n.KR1);
    contributor = await t.as('contributor', { name: 'Nora Net', unitIds: [net.id] });
  });

  afterAll(() => t.close());

  const create = (body: Record<string, unknown>, as = t.http()) => as.post('/api/raid').send(body);
  /** The open red risks `GET /api/raid/red-risks` puts on `node` (its badge), or undefined. */
  const redRisksOn = async (node: NodeRecord) =>
    ((await t.http().get('/api/raid/red-risks').expect(200)).body as { nodeId: string; itemIds: string[] }[]).find(
      (b) => b.nodeId === node.id,
    );

  it('logs a risk on a link — doubt that this project moves that key result — scored and red from 15', async () => {
    const res = await create({
      type: 'risk',
      title: 'Meters may not move the KR',
      likelihood: 3,
      impact: 5,
      owner: 'Head of Metering',
      attachments: [{ linkId: link.id }],
    }).expect(201);
    const item = res.body as RaidItem;
    expect(item).toMatchObject({ type: 'risk', status: 'open', score: 15, red: true, detached: false, version: 1 });
    expect(item.attachments).toEqual([
      expect.objectContaining({
        linkId: link.id,
        nodeId: null,
        label: 'PRJ-1 → KR-1 (contributes to)',
        detachedAt: null,
      }),
    ]);
    const byLink = await t.http().get(`/api/raid?linkId=${link.id}`).expect(200);
    expect(byLink.body.map((i: RaidItem) => i.id)).toEqual([item.id]);
  });

  it('deleting the link keeps the item, detached and flagged with what it was attached to', async () => {
    const doomed = await portfolio(t).link(n.PRJ2, n.OBJ1);
    const item = (
      await create({
        type: 'risk',
        title: 'Retail app off-strategy',
        likelihood: 2,
        impact: 2,
        attachments: [{ linkId: doomed.id }],
      }).expect(201)
    ).body as RaidItem;
    await t.http().delete(`/api/links/${doomed.id}`).expect(204);
    const after = (await t.http().get(`/api/raid/${item.id}`).expect(200)).body as RaidItem;
    expect(after.detached).toBe(true);
    expect(after.attachments).toEqual([
      expect.objectContaining({
        linkId: null,
        nodeId: null,
        label: 'PRJ-2 → OBJ-1 (contributes to)',
        detachedAt: expect.any(String),
      }),
    ]);
    const detached = await t.http().get('/api/raid?detached=true').expect(200);
    expect(detached.body.map((i: RaidItem) => i.id)).toContain(item.id);
  });

  it('deleting a node keeps its items too, detached', async () => {
    const temp = await portfolio(t).node('bau', 'BAU-9', { businessUnitId: net.id });
    const item = (
      await create({
        type: 'issue',
        title: 'Backlog',
        attachments: [{ nodeId: temp.id }, { nodeId: n.OBJ1.id }],
      }).expect(201)
    ).body as RaidItem;
    await t.http().delete(`/api/nodes/${temp.id}`).expect(204);
    const after = (await t.http().get(`/api/raid/${item.id}`).expect(200)).body as RaidItem;
    expect(after.detached).toBe(true);
    const gone = after.attachments.find((a) => a.label.startsWith('BAU-9'))!;
    expect(gone).toMatchObject({ nodeId: null, detachedAt: expect.any(String) });
    expect(after.attachments.find((a) => a.label.startsWith('OBJ-1'))).toMatchObject({
      nodeId: n.OBJ1.id,
      detachedAt: null,
    });
  });

  it('counts open red risks per node for the badges; a closed one no longer counts', async () => {
    const red = (
      await create({
        type: 'risk',
        title: 'Supplier',
        likelihood: 5,
        impact: 4,
        attachments: [{ nodeId: n.PRJ1.id }],
      }).expect(201)
    ).body as RaidItem;
    await create({
      type: 'risk',
      title: 'Minor',
      likelihood: 2,
      impact: 3,
      attachments: [{ nodeId: n.PRJ1.id }],
    }).expect(201);
    // PRJ-1 also carries the first test's red risk on its link PRJ-1 → KR-1 (a link's risk is on both ends).
    const onPrj1 = async () => (await redRisksOn(n.PRJ1))?.itemIds ?? [];
    const before = await onPrj1();
    expect(before).toContain(red.id);
    expect(before).toHaveLength(2); // the minor one is not red
    await t.http().patch(`/api/raid/${red.id}`).send({ version: 1, status: 'closed' }).expect(200);
    expect(await onPrj1()).toEqual(before.filter((id) => id !== red.id));
  });

  it('counts a red risk on a link on both of its ends, once each, and not once the link is gone', async () => {
    const doubted = await portfolio(t).link(n.PRJ2, n.OBJ1);
    const red = (
      await create({
        type: 'risk',
        title: 'Retail app may not move growth',
        likelihood: 4,
        impact: 4,
        attachments: [{ linkId: doubted.id }, { nodeId: n.PRJ2.id }], // also on one end: still one risk there
      }).expect(201)
    ).body as RaidItem;
    expect(await redRisksOn(n.PRJ2)).toMatchObject({ count: 1, itemIds: [red.id] });
    expect((await redRisksOn(n.OBJ1))?.itemIds).toContain(red.id);
    await t.http().delete(`/api/links/${doubted.id}`).expect(204);
    expect((await redRisksOn(n.OBJ1))?.itemIds ?? []).not.toContain(red.id); // detached from the link: only PRJ-2 carries it
    expect(await redRisksOn(n.PRJ2)).toMatchObject({ count: 1, itemIds: [red.id] });
    await t.http().delete(`/api/raid/${red.id}`).expect(204);
  });

  it('flags overdue actions, filters by type and status, and records who decided what and when', async () => {
    const late = (
      await create({
        type: 'action',
        title: 'Chase supplier',
        dueDate: '2020-01-01',
        attachments: [{ nodeId: n.PRJ1.id }],
      }).expect(201)
    ).body as RaidItem;
    expect(late.overdue).toBe(true);
    const decision = (
      await create({
        type: 'decision',
        title: 'Go with vendor B',
        decidedOn: '2026-11-02',
        decidedBy: 'Steering board',
        likelihood: 4,
      }).expect(422)
    ).body;
    expect(decision).toMatchObject({ code: 'INVALID_FIELD', details: [{ field: 'likelihood' }] });
    const made = (
      await create({
        type: 'decision',
        title: 'Go with vendor B',
        decidedOn: '2026-11-02',
        decidedBy: 'Steering board',
      }).expect(201)
    ).body as RaidItem;
    expect(made).toMatchObject({ decidedOn: '2026-11-02', decidedBy: 'Steering board', likelihood: null, score: null });
    const overdue = await t.http().get('/api/raid?overdue=true').expect(200);
    expect(overdue.body.map((i: RaidItem) => i.id)).toEqual([late.id]);
    const decisions = await t.http().get('/api/raid?type=decision&status=open').expect(200);
    expect(decisions.body.map((i: RaidItem) => i.id)).toEqual([made.id]);
    await create({ type: 'risk', title: 'No scores' }).expect(422);
    await create({ type: 'risk', title: 'Bad score', likelihood: 6, impact: 1 }).expect(400);
    // Fields the server owns cannot be sent (mass assignment).
    for (const field of ['createdBy', 'version', 'detached', 'id'])
      await create({ type: 'action', title: 'Sneaky', [field]: field === 'version' ? 7 : 'x' }).expect(400);
    await create({
      type: 'action',
      title: 'Unknown node',
      attachments: [{ nodeId: '00000000-0000-4000-8000-000000000000' }],
    }).expect(422);
  });

  it('refuses a stale version and replaces attachments when they are given', async () => {
    const item = (
      await create({ type: 'issue', title: 'Data quality', attachments: [{ nodeId: n.PRJ1.id }] }).expect(201)
    ).body as RaidItem;
    const moved = await t
      .http()
      .patch(`/api/raid/${item.id}`)
      .send({ version: 1, attachments: [{ nodeId: n.KR1.id }] })
      .expect(200);
    expect(moved.body.attachments.map((a: { nodeId: string }) => a.nodeId)).toEqual([n.KR1.id]);
    await t.http().patch(`/api/raid/${item.id}`).send({ version: 1, title: 'Stale' }).expect(409);
  });

  it('lets a contributor log items about its own units’ work only; executives read; only a pmo/admin deletes', async () => {
    const own = await create(
      { type: 'risk', title: 'Mine', likelihood: 1, impact: 1, attachments: [{ nodeId: n.PRJ1.id }] },
      contributor.http(),
    ).expect(201);
    await create(
      { type: 'risk', title: 'Theirs', likelihood: 1, impact: 1, attachments: [{ nodeId: n.PRJ2.id }] },
      contributor.http(),
    ).expect(403);
    await create({ type: 'issue', title: 'Strategy', attachments: [{ nodeId: n.OBJ1.id }] }, contributor.http()).expect(
      403,
    );
    await create({ type: 'issue', title: 'Nowhere' }, contributor.http()).expect(403);
    await contributor.http().delete(`/api/raid/${own.body.id}`).expect(403);
    const executive = await t.as('executive');
    await executive.http().get('/api/raid').expect(200);
    await create({ type: 'issue', title: 'Exec' }, executive.http()).expect(403);
    await t.http().delete(`/api/raid/${own.body.id}`).expect(204);
    await t.http().get(`/api/raid/${own.body.id}`).expect(404);
  });
});

import type { LinkRecord, NodeRecord } from '@throughline/domain';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';
import type { TestMember } from './principals.js';

interface Notification {
  id: string;
  kind: string;
  message: string;
  comment: string | null;
  linkId: string | null;
  readAt: string | null;
}

/**
 * Proposals, decisions, cross-unit dependencies and notifications (docs/domain.md, "States and approval",
 * "Cross-unit dependencies", "Notifications"): NET's contributor Cara proposes; the PMO lead Pat decides.
 */
describe('governance: proposals, decisions, dependencies, notifications', () => {
  let t: TestApp;
  let net: { id: string };
  let ret: { id: string };
  let cara: TestMember; // contributor of NET
  let rita: TestMember; // contributor of RET, owner of RET
  let pat: TestMember; // pmo
  let exec: TestMember;
  let n: Record<string, NodeRecord>;
  let next = 0;

  const work = async (unit: { id: string }) =>
    portfolio(t).node('bau', `BAU-${++next}`, { businessUnitId: unit.id, annualCost: 1000 });
  const propose = (as: TestMember, from: NodeRecord, to: NodeRecord, extra: Record<string, unknown> = {}) =>
    as
      .http()
      .post('/api/links')
      .send({ fromId: from.id, toId: to.id, kind: 'contributes_to', rationale: 'It serves it.', ...extra });
  const inbox = async (as: TestMember) =>
    (await as.http().get('/api/notifications').expect(200)).body as { items: Notification[]; unread: number };

  beforeAll(async () => {
    t = await startTestApp();
    const p = portfolio(t);
    net = await p.unit('NET');
    ret = await p.unit('RET');
    cara = await t.as('contributor', { name: 'Cara', unitIds: [net.id] });
    rita = await t.as('contributor', { name: 'Rita', unitIds: [ret.id] });
    pat = await t.as('pmo', { name: 'Pat' });
    exec = await t.as('executive', { name: 'Eve' });
    await t.http().patch(`/api/business-units/${ret.id}`).send({ ownerId: rita.userId }).expect(200);
    n = {
      OBJ: await p.node('objective', 'OBJ-1'),
      KR: await p.node('key_result', 'KR-1'),
      RETWORK: await p.node('asset', 'AST-1', { businessUnitId: ret.id }),
    };
  });
  afterAll(() => t.close());

  describe('proposing', () => {
    it('needs an interpretation note: a contributor link without one is refused', async () => {
      const from = await work(net);
      const res = await propose(cara, from, n.KR, { rationale: '   ' }).expect(422);
      expect(res.body).toMatchObject({ code: 'INVALID_FIELD', details: [{ field: 'rationale' }] });
      await propose(cara, from, n.KR, { rationale: undefined }).expect(422);
    });

    it('stores a contributor link as a proposal with its note, weight and proposer, listed oldest first', async () => {
      const a = (
        await propose(cara, await work(net), n.KR, { weight: 40, rationale: 'Installs move KR-1.' }).expect(201)
      ).body as LinkRecord;
      const b = (await propose(cara, await work(net), n.OBJ, { state: undefined }).expect(201)).body as LinkRecord;
      expect(a).toMatchObject({
        state: 'proposed',
        weight: 40,
        rationale: 'Installs move KR-1.',
        proposedBy: 'Cara',
        proposedById: cara.userId,
        decidedBy: null,
        decisionComment: null,
      });
      const queue = (await pat.http().get('/api/links/proposals').expect(200)).body as (LinkRecord & {
        from: { key: string; businessUnitKey: string | null };
        to: { key: string };
        crossUnit: boolean;
      })[];
      const ids = queue.map((l) => l.id);
      expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
      expect(queue.find((l) => l.id === a.id)).toMatchObject({
        rationale: 'Installs move KR-1.',
        proposedBy: 'Cara',
        from: { businessUnitKey: 'NET' },
        to: { key: 'KR-1' },
        crossUnit: false,
      });
    });

    it("refuses a contributor's proposal from another unit's work", async () => {
      const res = await propose(cara, await work(ret), n.KR).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });
  });

  describe('deciding', () => {
    it('lets a pmo approve with a comment, recorded on the link, in the change log and told to the proposer', async () => {
      const from = await work(net);
      const link = (await propose(cara, from, n.KR).expect(201)).body as LinkRecord;
      const res = await pat
        .http()
        .post(`/api/links/${link.id}/approve`)
        .send({ comment: 'Agreed at the board.', version: 1 })
        .expect(200);
      expect(res.body).toMatchObject({ state: 'approved', decidedBy: 'Pat', decisionComment: 'Agreed at the board.' });
      const history = (await t.http().get(`/api/nodes/${link.fromId}/history`).expect(200)).body as {
        entityType: string;
        action: string;
        actor: string;
        after: { state?: string; decisionComment?: string } | null;
      }[];
      expect(history).toContainEqual(
        expect.objectContaining({
          entityType: 'link',
          action: 'update',
          actor: 'Pat',
          after: expect.objectContaining({ state: 'approved', decisionComment: 'Agreed at the board.' }),
        }),
      );
      const told = (await inbox(cara)).items.find((x) => x.linkId === link.id);
      expect(told).toMatchObject({ kind: 'proposal_approved', comment: 'Agreed at the board.', readAt: null });
      expect(told!.message).toBe(`Pat approved your proposal: ${from.key} contributes to KR-1.`); // words, not `contributes_to`
    });

    it('requires a comment to reject, and tells the proposer why', async () => {
      const link = (await propose(cara, await work(net), n.KR).expect(201)).body as LinkRecord;
      await pat.http().post(`/api/links/${link.id}/reject`).send({}).expect(400);
      await pat.http().post(`/api/links/${link.id}/reject`).send({ comment: '  ' }).expect(422);
      const res = await pat
        .http()
        .post(`/api/links/${link.id}/reject`)
        .send({ comment: 'This serves KR-2, not KR-1.' })
        .expect(200);
      expect(res.body).toMatchObject({ state: 'rejected', decisionComment: 'This serves KR-2, not KR-1.' });
      expect((await inbox(cara)).items.find((x) => x.linkId === link.id)).toMatchObject({
        kind: 'proposal_rejected',
        comment: 'This serves KR-2, not KR-1.',
      });
    });

    it('lets neither a contributor nor an executive decide, and nobody decide their own proposal', async () => {
      const link = (await propose(cara, await work(net), n.KR).expect(201)).body as LinkRecord;
      await cara.http().post(`/api/links/${link.id}/approve`).send({}).expect(403);
      await exec.http().post(`/api/links/${link.id}/approve`).send({}).expect(403);
      const own = (await propose(pat, await work(net), n.KR, { state: 'proposed' }).expect(201)).body as LinkRecord;
      const res = await pat.http().post(`/api/links/${own.id}/approve`).send({}).expect(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN' });
      expect(res.body.message).toContain('Nobody decides their own proposal');
      await pat.http().post(`/api/links/${own.id}/reject`).send({ comment: 'No.' }).expect(403);
      expect((await t.http().get(`/api/links/${own.id}`).expect(200)).body.state).toBe('proposed');
      await t.http().post(`/api/links/${own.id}/approve`).send({}).expect(200); // another admin may
    });

    it('refuses a decision on a stale version or on a link already decided', async () => {
      const link = (await propose(cara, await work(net), n.KR).expect(201)).body as LinkRecord;
      await cara.http().patch(`/api/links/${link.id}`).send({ weight: 10 }).expect(200); // now version 2
      const stale = await pat.http().post(`/api/links/${link.id}/approve`).send({ version: 1 }).expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      await pat.http().post(`/api/links/${link.id}/approve`).send({ version: 2 }).expect(200);
      const again = await pat.http().post(`/api/links/${link.id}/reject`).send({ comment: 'Too late' }).expect(422);
      expect(again.body.code).toBe('INVALID_STATE');
    });
  });

  describe('bulk decisions', () => {
    it('decides each link on its own and reports each: one refusal undoes nothing else', async () => {
      const ok1 = (await propose(cara, await work(net), n.KR).expect(201)).body as LinkRecord;
      const own = (await propose(pat, await work(net), n.KR, { state: 'proposed' }).expect(201)).body as LinkRecord;
      const ok2 = (await propose(cara, await work(net), n.OBJ).expect(201)).body as LinkRecord;
      const stale = (await propose(cara, await work(net), n.OBJ).expect(201)).body as LinkRecord;
      const gone = '00000000-0000-4000-8000-000000000000';
      const res = await pat
        .http()
        .post('/api/links/decisions')
        .send({
          ids: [ok1.id, own.id, ok2.id, stale.id, gone],
          decision: 'approve',
          comment: 'Batch of the week',
          versions: { [stale.id]: 7 },
        })
        .expect(200);
      expect(res.body).toMatchObject({ decision: 'approve', decided: 2, failed: 3 });
      expect(res.body.results.map((r: { id: string; ok: boolean; code?: string }) => [r.id, r.ok, r.code])).toEqual([
        [ok1.id, true, undefined],
        [own.id, false, 'FORBIDDEN'],
        [ok2.id, true, undefined],
        [stale.id, false, 'VERSION_CONFLICT'],
        [gone, false, 'NOT_FOUND'],
      ]);
      expect(res.body.results[0].link).toMatchObject({ state: 'approved', decisionComment: 'Batch of the week' });
      const states = async (id: string) => (await t.http().get(`/api/links/${id}`).expect(200)).body.state as string;
      expect([await states(ok1.id), await states(own.id), await states(ok2.id), await states(stale.id)]).toEqual([
        'approved',
        'proposed',
        'approved',
        'proposed',
      ]);
    });

    it('needs a comment to reject in bulk, and is for pmo and admin only', async () => {
      const link = (await propose(cara, await work(net), n.KR).expect(201)).body as LinkRecord;
      await pat
        .http()
        .post('/api/links/decisions')
        .send({ ids: [link.id], decision: 'reject' })
        .expect(422);
      await cara
        .http()
        .post('/api/links/decisions')
        .send({ ids: [link.id], decision: 'approve' })
        .expect(403);
      const res = await pat
        .http()
        .post('/api/links/decisions')
        .send({ ids: [link.id], decision: 'reject', comment: 'Out of scope' })
        .expect(200);
      expect(res.body.results[0]).toMatchObject({
        ok: true,
        link: { state: 'rejected', decisionComment: 'Out of scope' },
      });
    });
  });

  describe('cross-unit dependencies', () => {
    it("asks the depended-on unit's owner to acknowledge, and the owner's acknowledgement approves it", async () => {
      const from = await work(net);
      const link = (
        await propose(cara, from, n.RETWORK, { kind: 'depends_on', rationale: 'We need the fleet data.' }).expect(201)
      ).body as LinkRecord;
      const ask = (await inbox(rita)).items.find((x) => x.linkId === link.id);
      expect(ask).toMatchObject({ kind: 'dependency_to_acknowledge', comment: 'We need the fleet data.' });
      expect(ask!.message).toContain('depends on AST-1 (RET)');
      const audit = async () =>
        (
          (await t.http().get(`/api/audit?rule=unapproved-cross-unit-dependency&nodeId=${from.id}`).expect(200)).body
            .findings as unknown[]
        ).length;
      expect(await audit()).toBe(1);
      // Not the owner of RET: Cara (its proposer) and an executive may not; a NET contributor who is not the owner neither.
      await cara.http().post(`/api/links/${link.id}/acknowledge`).send({}).expect(403);
      await exec.http().post(`/api/links/${link.id}/acknowledge`).send({}).expect(403);
      const res = await rita
        .http()
        .post(`/api/links/${link.id}/acknowledge`)
        .send({ comment: 'Fine by us' })
        .expect(200);
      expect(res.body).toMatchObject({ state: 'approved', decidedBy: 'Rita', decisionComment: 'Fine by us' });
      expect(await audit()).toBe(0);
      expect((await inbox(cara)).items.find((x) => x.linkId === link.id)).toMatchObject({
        kind: 'dependency_acknowledged',
        comment: 'Fine by us',
        message: `Rita acknowledged that ${from.key} depends on AST-1.`,
      });
    });

    it('lets a pmo acknowledge too, and refuses to acknowledge a link that is no cross-unit dependency', async () => {
      const link = (await propose(cara, await work(net), n.RETWORK, { kind: 'depends_on' }).expect(201))
        .body as LinkRecord;
      await pat.http().post(`/api/links/${link.id}/acknowledge`).send({}).expect(200);
      const same = (await propose(cara, await work(net), await work(net), { kind: 'depends_on' }).expect(201))
        .body as LinkRecord;
      const res = await pat.http().post(`/api/links/${same.id}/acknowledge`).send({}).expect(422);
      expect(res.body.code).toBe('INVALID_STATE');
      expect(res.body.message).toMatch(/; BAU-\d+ depends on BAU-\d+ is not one\.$/);
    });

    it('asks every pmo when the depended-on unit has no owner', async () => {
      const link = (await propose(rita, await work(ret), await work(net), { kind: 'depends_on' }).expect(201))
        .body as LinkRecord;
      expect((await inbox(pat)).items.some((x) => x.linkId === link.id && x.kind === 'dependency_to_acknowledge')).toBe(
        true,
      );
      expect((await inbox(cara)).items.some((x) => x.linkId === link.id)).toBe(false);
    });
  });

  describe('notifications', () => {
    it('shows each member only its own, newest first, and marks them read by id or all', async () => {
      const mine = await inbox(cara);
      expect(mine.items.length).toBeGreaterThanOrEqual(3);
      expect(mine.unread).toBe(mine.items.length);
      const times = mine.items.map((x) => (x as unknown as { createdAt: string }).createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      // Pat's and Rita's notifications are not Cara's, and marking someone else's ids read changes nothing.
      const ritas = await inbox(rita);
      expect(ritas.items.map((x) => x.id).some((id) => mine.items.some((m) => m.id === id))).toBe(false);
      await cara
        .http()
        .post('/api/notifications/read')
        .send({ ids: [ritas.items[0].id] })
        .expect(200);
      expect((await inbox(rita)).unread).toBe(ritas.unread);
      const one = await cara
        .http()
        .post('/api/notifications/read')
        .send({ ids: [mine.items[0].id] })
        .expect(200);
      expect(one.body).toEqual({ unread: mine.unread - 1 });
      expect((await inbox(cara)).items[0].readAt).not.toBeNull();
      await cara.http().post('/api/notifications/read').send({ all: true }).expect(200, { unread: 0 });
      await cara.http().post('/api/notifications/read').send({}).expect(422);
      await t.anonymous().get('/api/notifications').expect(401);
    });

    it("keeps another organisation's notifications out of sight", async () => {
      const other = await t.newOrganisation('Elsewhere');
      expect(await inbox(other)).toEqual({ items: [], unread: 0 });
    });
  });
});

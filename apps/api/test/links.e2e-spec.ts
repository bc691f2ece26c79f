import { isLinkAllowed, LINK_KINDS, NODE_KINDS } from '@throughline/domain';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

describe('links', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('creates an approved link with weight and rationale, and lists it by node', async () => {
    const p = portfolio(t);
    const kr = await p.node('key_result', 'KR-H');
    const project = await p.node('project', 'PRJ-H');
    const patPmo = await t.as('pmo', { name: 'Pat PMO' });
    const res = await patPmo
      .http()
      .post('/api/links')
      .send({ fromId: project.id, toId: kr.id, kind: 'contributes_to', weight: 40, rationale: 'Installs meters' })
      .expect(201);
    expect(res.body).toMatchObject({
      fromId: project.id,
      toId: kr.id,
      kind: 'contributes_to',
      weight: 40,
      state: 'approved',
      decidedBy: 'Pat PMO',
    });
    const listed = await t.http().get(`/api/links?nodeId=${kr.id}`).expect(200);
    expect(listed.body.map((l: { id: string }) => l.id)).toEqual([res.body.id]);
  });

  it('updates weight and rationale, and deletes', async () => {
    const p = portfolio(t);
    const link = await p.link(await p.node('bau', 'BAU-U'), await p.node('objective', 'OBJ-U'));
    const updated = await t
      .http()
      .patch(`/api/links/${link.id}`)
      .send({ weight: 25, rationale: 'Half of it' })
      .expect(200);
    expect(updated.body).toMatchObject({ weight: 25, rationale: 'Half of it', version: 2 });
    await t.http().patch(`/api/links/${link.id}`).send({ version: 1, weight: 30 }).expect(409);
    await t.http().delete(`/api/links/${link.id}`).expect(204);
    await t.http().get(`/api/links/${link.id}`).expect(404);
  });

  it('approves and rejects proposals, once', async () => {
    const p = portfolio(t);
    const obj = await p.node('objective', 'OBJ-P');
    const a = await p.link(await p.node('asset', 'AST-P'), obj, 'contributes_to', { state: 'proposed' });
    const b = await p.link(await p.node('bau', 'BAU-P'), obj, 'contributes_to', { state: 'proposed' });
    expect(a).toMatchObject({ state: 'proposed', decidedAt: null });
    const lead = await t.as('pmo', { name: 'Lead' });
    const approved = await lead.http().post(`/api/links/${a.id}/approve`).expect(200);
    expect(approved.body).toMatchObject({ state: 'approved', decidedBy: 'Lead' });
    await lead.http().post(`/api/links/${b.id}/reject`).send({ comment: 'Not this one.' }).expect(200);
    const again = await lead.http().post(`/api/links/${b.id}/approve`).expect(422);
    expect(again.body).toMatchObject({
      code: 'INVALID_STATE',
      message: 'Only a proposed link can be approved; this one is already rejected.',
    });
  });

  describe('refusals', () => {
    it('refuses a kind pair outside the matrix (422) and says what fits', async () => {
      const p = portfolio(t);
      const project = await p.node('project', 'PRJ-R1');
      const programme = await p.node('programme', 'PRG-R1');
      const res = await t
        .http()
        .post('/api/links')
        .send({ fromId: project.id, toId: programme.id, kind: 'contributes_to' })
        .expect(422);
      expect(res.body.code).toBe('LINK_NOT_ALLOWED');
      expect(res.body.message).toContain('cannot go from a project to a programme');
      expect(res.body.message).toContain('part_of, depends_on');
    });

    it('refuses a self-link (422)', async () => {
      const obj = await portfolio(t).node('objective', 'OBJ-SELF');
      const res = await t
        .http()
        .post('/api/links')
        .send({ fromId: obj.id, toId: obj.id, kind: 'contributes_to' })
        .expect(422);
      expect(res.body).toMatchObject({ code: 'LINK_SELF', message: 'A node cannot link to itself.' });
    });

    it('refuses a duplicate of the same kind (409) but allows another kind', async () => {
      const p = portfolio(t);
      const a = await p.node('project', 'PRJ-D1');
      const b = await p.node('asset', 'AST-D1');
      await p.link(a, b, 'delivers');
      const res = await t.http().post('/api/links').send({ fromId: a.id, toId: b.id, kind: 'delivers' }).expect(409);
      expect(res.body).toMatchObject({ code: 'LINK_DUPLICATE', message: 'PRJ-D1 already delivers AST-D1.' });
      await p.link(a, b, 'depends_on');
    });

    it('refuses a link that would close a contributes_to cycle (409) and names it', async () => {
      const p = portfolio(t);
      const o1 = await p.node('objective', 'OBJ-C1');
      const o2 = await p.node('objective', 'OBJ-C2');
      const o3 = await p.node('objective', 'OBJ-C3');
      await p.link(o1, o2);
      await p.link(o2, o3);
      const res = await t
        .http()
        .post('/api/links')
        .send({ fromId: o3.id, toId: o1.id, kind: 'contributes_to' })
        .expect(409);
      expect(res.body.code).toBe('LINK_CYCLE');
      expect(res.body.details.cycle).toEqual(['OBJ-C1', 'OBJ-C2', 'OBJ-C3', 'OBJ-C1']);
      expect(res.body.message).toContain('OBJ-C3 → OBJ-C1 would close a cycle');
    });

    it('counts a proposal in the cycle check, so approving can never close a cycle', async () => {
      const p = portfolio(t);
      const o1 = await p.node('objective', 'OBJ-PC1');
      const o2 = await p.node('objective', 'OBJ-PC2');
      await p.link(o1, o2, 'contributes_to', { state: 'proposed' });
      await t.http().post('/api/links').send({ fromId: o2.id, toId: o1.id, kind: 'contributes_to' }).expect(409);
    });

    it('allows depends_on cycles (the audit flags them instead)', async () => {
      const p = portfolio(t);
      const a = await p.node('project', 'PRJ-DC1');
      const b = await p.node('bau', 'BAU-DC1');
      await p.link(a, b, 'depends_on');
      await p.link(b, a, 'depends_on');
    });

    it('refuses ends of no node (422) and malformed bodies (400)', async () => {
      const obj = await portfolio(t).node('objective', 'OBJ-E');
      const nobody = '00000000-0000-4000-8000-000000000000';
      const res = await t
        .http()
        .post('/api/links')
        .send({ fromId: nobody, toId: obj.id, kind: 'contributes_to' })
        .expect(422);
      expect(res.body.details).toEqual([{ field: 'fromId', problems: ['refers to no node of this organisation'] }]);
      const bad = await t
        .http()
        .post('/api/links')
        .send({ fromId: 'x', toId: obj.id, kind: 'loves', weight: 101 })
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['fromId', 'kind', 'weight']);
    });
  });

  it('refuses concurrent opposite links: exactly one wins, the other gets 409, never a 500 (50 runs)', async () => {
    const p = portfolio(t);
    for (let run = 0; run < 50; run++) {
      const a = await p.node('objective', `OBJ-RACE-A${run}`);
      const b = await p.node('objective', `OBJ-RACE-B${run}`);
      const [ab, ba] = await Promise.all([
        t.http().post('/api/links').send({ fromId: a.id, toId: b.id, kind: 'contributes_to' }),
        t.http().post('/api/links').send({ fromId: b.id, toId: a.id, kind: 'contributes_to' }),
      ]);
      expect([ab.status, ba.status].sort()).toEqual([201, 409]);
      expect([ab, ba].find((r) => r.status === 409)!.body.code).toBe('LINK_CYCLE');
    }
    // 200 requests, each now also authenticated against its session row: room on a loaded machine.
  }, 90_000);

  it('is backed by the database: the matrix CHECK agrees with libs/domain for every triple', async () => {
    // Straight SQL past the API: the database must refuse exactly what the matrix refuses.
    const org = (await t.dataSource.query(`SELECT id FROM organisations WHERE slug = 'default'`))[0].id;
    const ids: Record<string, [string, string]> = {};
    for (const kind of NODE_KINDS) {
      const pair: string[] = [];
      for (const n of [1, 2]) {
        const [row] = await t.dataSource.query(
          `INSERT INTO nodes (org_id, key, kind, title, target, direction) VALUES ($1, $2, $3, 'x', $4, $5) RETURNING id`,
          [org, `DB-${kind}-${n}`, kind, kind === 'key_result' ? 1 : null, kind === 'key_result' ? 'increase' : null],
        );
        pair.push(row.id);
      }
      ids[kind] = pair as [string, string];
    }
    const verdicts: string[] = [];
    const expected: string[] = [];
    for (const kind of LINK_KINDS) {
      for (const from of NODE_KINDS) {
        for (const to of NODE_KINDS) {
          const accepted = await t.dataSource
            .query(
              `INSERT INTO links (org_id, from_id, from_kind, to_id, to_kind, kind, state, decided_at)
               VALUES ($1, $2, $3, $4, $5, $6, 'approved', now())`,
              [org, ids[from][0], from, ids[to][1], to, kind],
            )
            .then(
              () => true,
              (error: { code?: string; constraint?: string }) => {
                if (error.constraint !== 'links_kind_matrix_chk') throw error;
                return false;
              },
            );
          verdicts.push(`${kind} ${from}→${to} ${accepted}`);
          expected.push(`${kind} ${from}→${to} ${isLinkAllowed(kind, from, to)}`);
        }
      }
    }
    expect(verdicts).toEqual(expected);
  });
});

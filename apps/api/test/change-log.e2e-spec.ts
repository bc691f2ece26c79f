import request from 'supertest';
import { asOwner, createMember, createOrganisation, type TestMember } from './accounts.js';
import { startTestApp, type TestApp } from './harness.js';

const tokenOf = (link: string) => link.split('/').pop()!;

/** The organisation's change log for admins: who changed what, when (docs/security.md). */
describe('GET /api/change-log', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());
  let orgId: string;
  let admin: TestMember;
  let pmo: TestMember;
  let unitId: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgId = await createOrganisation(t, 'Logged Org');
    admin = await createMember(t, { role: 'admin', orgId, name: 'Ada Admin' });
    pmo = await createMember(t, { role: 'pmo', orgId, name: 'Pat PMO' });
    unitId = (
      await http().post('/api/business-units').set(admin.auth).send({ key: 'NET', name: 'Networks' }).expect(201)
    ).body.id;
    const node = (
      await http().post('/api/nodes').set(pmo.auth).send({ kind: 'objective', key: 'OBJ-1', title: 'Grow' }).expect(201)
    ).body;
    await http()
      .patch(`/api/nodes/${node.id}`)
      .set(pmo.auth)
      .send({ version: node.version, title: 'Grow more' })
      .expect(200);
    await http().delete(`/api/nodes/${node.id}`).set(pmo.auth).expect(204);
    // Another organisation's changes never show.
    const stranger = await createMember(t, {
      role: 'admin',
      orgId: await createOrganisation(t, 'Elsewhere'),
      name: 'Ada Elsewhere',
    });
    await http().post('/api/business-units').set(stranger.auth).send({ key: 'FAR', name: 'Far away' }).expect(201);
  });
  afterAll(() => t.close());

  const list = (query: Record<string, string | number> = {}) =>
    http().get('/api/change-log').set(admin.auth).query(query);

  it('lists every change of the organisation, newest first, with the signed-in user as the actor', async () => {
    const { entries, nextBefore } = (await list().expect(200)).body;
    expect(
      entries.map((e: { actor: string; action: string; entityType: string }) => [e.actor, e.action, e.entityType]),
    ).toEqual([
      ['Pat PMO', 'delete', 'node'],
      ['Pat PMO', 'update', 'node'],
      ['Pat PMO', 'create', 'node'],
      ['Ada Admin', 'create', 'business_unit'],
    ]);
    expect(entries[3]).toMatchObject({
      entityId: unitId,
      before: null,
      after: expect.objectContaining({ key: 'NET' }),
    });
    expect(nextBefore).toBeNull();
  });

  it('filters by who, what and when, and pages with a cursor', async () => {
    const actors = async (query: Record<string, string | number>) =>
      (await list(query).expect(200)).body.entries.map(
        (e: { actor: string; action: string }) => `${e.actor}:${e.action}`,
      );
    expect(await actors({ actor: 'ada' })).toEqual(['Ada Admin:create']);
    expect(await actors({ actor: '%' })).toEqual([]);
    expect(await actors({ entityType: 'node', action: 'update' })).toEqual(['Pat PMO:update']);
    expect(await actors({ entityType: 'business_unit' })).toEqual(['Ada Admin:create']);
    expect(await actors({ from: '2999-01-01T00:00:00Z' })).toEqual([]);
    expect(await actors({ to: '2000-01-01T00:00:00Z' })).toEqual([]);
    await asOwner(t, (db) =>
      db.query(
        `UPDATE change_log SET at = '2026-01-15T12:00:00Z' WHERE org_id = $1 AND entity_type = 'business_unit'`,
        [orgId],
      ),
    );
    expect(await actors({ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })).toEqual(['Ada Admin:create']);

    const first = (await list({ limit: 2 }).expect(200)).body;
    expect(first.entries).toHaveLength(2);
    expect(first.nextBefore).toBe(first.entries[1].id);
    const second = (await list({ limit: 2, before: first.nextBefore }).expect(200)).body;
    expect(second.entries.map((e: { id: number }) => e.id).every((id: number) => id < first.nextBefore)).toBe(true);
    expect([...first.entries, ...second.entries]).toHaveLength(4);
  });

  it('refuses bad filters, and anyone but an admin', async () => {
    const bad: Record<string, string | number>[] = [
      { entityType: 'user' },
      { action: 'read' },
      { limit: 0 },
      { limit: 201 },
      { from: 'yesterday' },
      { before: 'x' },
    ];
    for (const query of bad) {
      expect([query, (await list(query)).status]).toEqual([query, 400]);
    }
    await http().get('/api/change-log').set(pmo.auth).expect(403);
    await http().get('/api/change-log').expect(401);
  });

  it('records what admins do to accounts and settings: roles, removals, invites, reset links, the organisation', async () => {
    const member = await createMember(t, { role: 'pmo', orgId, name: 'Mo Member' });
    await http().patch(`/api/members/${member.userId}`).set(admin.auth).send({ role: 'executive' }).expect(200);
    await http().post(`/api/members/${member.userId}/password-reset`).set(admin.auth).expect(201);
    await http().delete(`/api/members/${member.userId}`).set(admin.auth).expect(204);
    const invite = (
      await http()
        .post('/api/members/invites')
        .set(admin.auth)
        .send({ email: 'ivy@example.com', role: 'pmo' })
        .expect(201)
    ).body;
    await http().delete(`/api/members/invites/${invite.id}`).set(admin.auth).expect(204);
    await http().patch('/api/organisation').set(admin.auth).send({ currency: 'EUR' }).expect(200);

    const { entries } = (await list({ limit: 6 }).expect(200)).body;
    const summary = entries.map(
      (e: { actor: string; action: string; entityType: string }) => `${e.actor} ${e.action} ${e.entityType}`,
    );
    expect(summary).toEqual([
      'Ada Admin update organisation',
      'Ada Admin delete invite',
      'Ada Admin create invite',
      'Ada Admin delete membership',
      'Ada Admin update membership',
      'Ada Admin update membership',
    ]);
    expect(entries[0]).toMatchObject({ before: { currency: 'GBP' }, after: { currency: 'EUR' } });
    expect(entries[5]).toMatchObject({
      entityId: member.userId,
      before: { role: 'pmo' },
      after: { role: 'executive' },
    });
    expect(JSON.stringify(entries)).not.toContain(tokenOf(invite.link));
    expect((await list({ entityType: 'membership' }).expect(200)).body.entries).toHaveLength(3);
  });
});

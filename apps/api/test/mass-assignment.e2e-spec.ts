import fc from 'fast-check';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';
import { orgDigest } from './org-digest.js';
import type { TestMember } from './principals.js';

/**
 * Mass assignment: a write body that carries a field the client may not set — the organisation, an id, a version
 * where the route has none, a state, who created or decided — is refused with 400 and changes nothing, whatever the
 * field's value and whoever asks. The global ValidationPipe refuses unknown fields (forbidNonWhitelisted); a link's
 * `state` is a field, but only `'proposed'` may be asked for. fast-check, ≥ 500 runs, seed logged.
 */
const RUNS = 500;

/** Fields no write body may carry, unless the route documents it (see `documented`). */
const FORBIDDEN = [
  'orgId',
  'organisationId',
  'org_id',
  'id',
  'version',
  'state',
  'createdBy',
  'updatedBy',
  'proposedBy',
  'decidedBy',
  'createdAt',
  'updatedAt',
  'proposedAt',
  'decidedAt',
] as const;

interface Endpoint {
  name: string;
  /** Who may call it (the property asks as one of them, so the refusal is the body's, not the role's). */
  roles: ('admin' | 'contributor')[];
  send: (as: TestMember, body: Record<string, unknown>) => ReturnType<ReturnType<TestMember['http']>['post']>;
  /** A body the route would accept as it is. */
  body: () => Record<string, unknown>;
  /** Forbidden-looking fields that are this route's own (with the values it refuses, if any). */
  documented?: Partial<Record<(typeof FORBIDDEN)[number], (value: unknown) => boolean>>;
}

describe('mass assignment', () => {
  let t: TestApp;
  let admin: TestMember;
  let contributor: TestMember;
  let other: { orgId: string; unitId: string; nodeId: string };
  let ids: {
    own: string;
    otherUnit: string;
    project: string;
    asset: string;
    kr: string;
    link: string;
    proposal: string;
    finding: string;
  };
  let endpoints: Endpoint[];
  let baseline: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.admin;
    const p = portfolio(t);
    const own = await p.unit('OWN');
    const otherUnit = await p.unit('OTHER');
    contributor = await t.as('contributor', { unitIds: [own.id], name: 'Cara Contributor' });
    const obj = await p.node('objective', 'OBJ-1');
    const kr = await p.node('key_result', 'KR-1', { owner: 'Cara Contributor' });
    const project = await p.node('project', 'PRJ-1', { businessUnitId: own.id });
    const asset = await p.node('asset', 'AST-1', { businessUnitId: own.id });
    await p.link(kr, obj);
    const link = await p.link(project, kr);
    const proposal = await p.link(asset, obj, 'contributes_to', { state: 'proposed', rationale: 'Serves it' });
    const audit = await t.http().get('/api/audit?rule=orphan-work').expect(200);
    const finding = (audit.body as { findings: { id: string }[] }).findings[0].id;
    ids = {
      own: own.id,
      otherUnit: otherUnit.id,
      project: project.id,
      asset: asset.id,
      kr: kr.id,
      link: link.id,
      proposal: proposal.id,
      finding,
    };

    const b = await t.newOrganisation('Other Org');
    const bUnit = await b.http().post('/api/business-units').send({ key: 'B', name: 'B unit' }).expect(201);
    const bNode = await b.http().post('/api/nodes').send({ kind: 'project', title: 'B work' }).expect(201);
    other = { orgId: b.orgId, unitId: bUnit.body.id, nodeId: bNode.body.id };

    const version = (value: unknown) => value !== undefined; // the route's own optimistic-concurrency field
    endpoints = [
      {
        name: 'POST /api/nodes',
        roles: ['admin', 'contributor'],
        send: (as, body) => as.http().post('/api/nodes').send(body),
        body: () => ({ kind: 'project', title: 'Mass', businessUnitId: ids.own }),
      },
      {
        name: 'PATCH /api/nodes/:id',
        roles: ['admin', 'contributor'],
        send: (as, body) => as.http().patch(`/api/nodes/${ids.project}`).set('If-Match', '"1"').send(body),
        body: () => ({ title: 'Renamed' }),
        documented: { version },
      },
      {
        name: 'POST /api/links',
        roles: ['admin', 'contributor'],
        send: (as, body) => as.http().post('/api/links').send(body),
        body: () => ({ fromId: ids.project, toId: ids.asset, kind: 'delivers' }),
        // Only a proposal may be asked for; `approved` (or anything else) is a decision, not a field.
        documented: { state: (value) => value === 'proposed' },
      },
      {
        name: 'PATCH /api/links/:id',
        roles: ['admin'],
        send: (as, body) => as.http().patch(`/api/links/${ids.link}`).send(body),
        body: () => ({ weight: 55 }),
        documented: { version },
      },
      {
        name: 'POST /api/links/:id/approve',
        roles: ['admin'],
        send: (as, body) => as.http().post(`/api/links/${ids.proposal}/approve`).send(body),
        body: () => ({ comment: 'Agreed' }),
        documented: { version },
      },
      {
        name: 'POST /api/links/:id/reject',
        roles: ['admin'],
        send: (as, body) => as.http().post(`/api/links/${ids.proposal}/reject`).send(body),
        body: () => ({ comment: 'Not this quarter' }),
        documented: { version },
      },
      {
        name: 'POST /api/links/decisions',
        roles: ['admin'],
        send: (as, body) => as.http().post('/api/links/decisions').send(body),
        body: () => ({ ids: [ids.proposal], decision: 'approve' }),
      },
      {
        name: 'POST /api/nodes/:id/check-ins',
        roles: ['admin', 'contributor'],
        send: (as, body) => as.http().post(`/api/nodes/${ids.kr}/check-ins`).send(body),
        body: () => ({ value: 42, at: '2026-01-15' }),
      },
      {
        name: 'POST /api/business-units',
        roles: ['admin'],
        send: (as, body) => as.http().post('/api/business-units').send(body),
        body: () => ({ key: 'NEW', name: 'New unit' }),
      },
      {
        name: 'PATCH /api/business-units/:id',
        roles: ['admin'],
        send: (as, body) => as.http().patch(`/api/business-units/${ids.otherUnit}`).send(body),
        body: () => ({ name: 'Renamed unit' }),
        documented: { version },
      },
      {
        name: 'POST /api/audit/waivers',
        roles: ['admin'],
        send: (as, body) => as.http().post('/api/audit/waivers').send(body),
        body: () => ({ findingId: ids.finding, reason: 'Accepted', expiresOn: '2099-12-31' }),
      },
      {
        name: 'PATCH /api/audit/settings',
        roles: ['admin'],
        send: (as, body) => as.http().patch('/api/audit/settings').send(body),
        body: () => ({ staleCheckInDays: 3650 }),
      },
    ];
    baseline = await orgDigest(t.dataSource, [t.orgId, other.orgId]);
  });
  afterAll(() => t?.close());

  it(`refuses every write body with a field the client may not set, and changes nothing (${RUNS} runs)`, async () => {
    const value = fc.oneof(
      fc.constantFrom<unknown>(
        'approved',
        'rejected',
        'proposed',
        'Chief Executive Officer',
        1,
        2,
        999,
        true,
        null,
        {},
        [],
      ),
      fc
        .constantFrom(
          () => other.orgId,
          () => other.unitId,
          () => other.nodeId,
          () => t.orgId,
        )
        .map((f) => f()),
      fc.uuid(),
      fc.string({ maxLength: 20 }),
      fc.integer(),
    );
    const counts: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.constantFrom(...FORBIDDEN),
        value,
        fc.boolean(),
        async (pick, field, extra, asContributor) => {
          const endpoint = endpoints[pick % endpoints.length];
          const allowed = endpoint.documented?.[field];
          fc.pre(!allowed || !allowed(extra));
          const as = asContributor && endpoint.roles.includes('contributor') ? contributor : admin;
          const res = await endpoint.send(as, { ...endpoint.body(), [field]: extra });
          counts[endpoint.name] = (counts[endpoint.name] ?? 0) + 1;
          expect({ endpoint: endpoint.name, field, status: res.status, code: res.body?.code }).toEqual({
            endpoint: endpoint.name,
            field,
            status: 400,
            code: 'VALIDATION_FAILED',
          });
          expect(JSON.stringify(res.body.details)).toContain(field);
          expect(await orgDigest(t.dataSource, [t.orgId, other.orgId])).toEqual(baseline);
        },
      ),
      { numRuns: RUNS },
    );
    console.log(`mass assignment: ${JSON.stringify(counts)}`);
  }, 120_000);

  it('refuses a reference to another organisation’s unit (422) or, for a contributor, to another unit (403)', async () => {
    const cases: [TestMember, Record<string, unknown>, number][] = [
      [admin, { kind: 'project', title: 'Theirs', businessUnitId: other.unitId }, 422],
      [contributor, { kind: 'project', title: 'Theirs', businessUnitId: other.unitId }, 403],
      [contributor, { kind: 'project', title: 'Not mine', businessUnitId: ids.otherUnit }, 403],
    ];
    for (const [as, body, status] of cases) {
      await as.http().post('/api/nodes').send(body).expect(status);
    }
    await admin
      .http()
      .post('/api/links')
      .send({ fromId: other.nodeId, toId: ids.kr, kind: 'contributes_to' })
      .expect(422);
    await admin
      .http()
      .patch(`/api/nodes/${ids.project}`)
      .send({ version: 1, businessUnitId: other.unitId })
      .expect(422);
    await contributor
      .http()
      .patch(`/api/nodes/${ids.project}`)
      .send({ version: 1, businessUnitId: ids.otherUnit })
      .expect(403);
    expect(await orgDigest(t.dataSource, [t.orgId, other.orgId])).toEqual(baseline);
  });
});

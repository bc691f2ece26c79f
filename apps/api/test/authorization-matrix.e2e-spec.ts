import { startTestApp, type TestApp } from './harness.js';
import { digestOf, orgDigest } from './org-digest.js';
import { EXPECTED, PUBLIC, ROLES, SCOPES, type MatrixRole, type Scope } from './authorization/expectations.js';
import { REQUESTS } from './authorization/requests.js';
import { buildWorld, OTHER_ORG_MARKER, type World } from './authorization/world.js';

/**
 * The authorization matrix of issue 10: every route of the served OpenAPI document × every role (and anonymous) ×
 * an object in the contributor's own unit, in another unit, a strategy node, in another organisation — each status
 * compared with authorization/expectations.ts, written from docs/domain.md and independent of the guard's table.
 * A refused request must change nothing (both organisations' digests); no request of A's members may change B or
 * answer with any of B's rows.
 */
type Requester = MatrixRole | 'anonymous';
const REQUESTERS: readonly Requester[] = [...ROLES, 'anonymous'];
const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

interface Outcome {
  route: string;
  requester: Requester;
  scope: Scope;
  expected: number;
  got: number;
  code?: string;
}

describe('authorization matrix', () => {
  let t: TestApp;
  let w: World;
  let routes: string[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Partial<Record<string, unknown>>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      METHODS.filter((m) => operations[m]).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('has an expectation and a request for every route of the OpenAPI document, and none for a route it lacks', () => {
    expect(routes.filter((route) => !EXPECTED[route] || !REQUESTS[route])).toEqual([]);
    expect(Object.keys(EXPECTED).filter((route) => !routes.includes(route))).toEqual([]);
    expect(Object.keys(REQUESTS).filter((route) => !routes.includes(route))).toEqual([]);
  });

  it('answers every route × role × object as docs/domain.md says, and a refusal changes nothing', async () => {
    const mismatches: Outcome[] = [];
    const crossOrg: string[] = [];
    const unchanged: string[] = [];
    let requests = 0;
    const started = Date.now();
    for (const route of routes) {
      const [method, template] = route.split(' ');
      const spec = REQUESTS[route];
      if (!spec || !EXPECTED[route]) continue; // reported by the test above
      for (const scope of spec.scopes ?? SCOPES) {
        for (const requester of REQUESTERS) {
          const anonymous = requester === 'anonymous';
          const expected = anonymous && !PUBLIC.has(route) ? 401 : EXPECTED[route](requester, scope);
          // A write gets a new object, as it may succeed; anonymous and executive requests may never write (domain.md),
          // so they ask about the standing ones — were one to succeed, the mismatch is reported all the same.
          const fresh = method !== 'GET' && requester !== 'anonymous' && requester !== 'executive';
          const { path, body } = await spec.build(w, scope, fresh);
          const http = anonymous
            ? t.anonymous()
            : spec.freshRequester
              ? (await t.as(requester, { unitIds: requester === 'contributor' ? [w.units.own.id] : [] })).http()
              : w.members[requester].http();
          const before = await orgDigest(t.dataSource, [t.orgId, w.b.orgId]);
          const call = http[method.toLowerCase() as (typeof METHODS)[number]](path);
          const res = await (body === undefined ? call : call.send(body as object));
          requests++;
          const label = `${route} as ${requester} on ${scope} (${template === path ? '' : path})`;
          if (res.status !== expected) {
            mismatches.push({
              route,
              requester,
              scope,
              expected,
              got: res.status,
              code: (res.body as { code?: string })?.code,
            });
          }
          const ok = res.status >= 200 && res.status < 300;
          // B's rows by their marker, or B's ids — except those the request itself named (an item's outcome echoes it).
          const asked = `${path} ${JSON.stringify(body ?? null)}`;
          const leaked =
            ok &&
            (res.text.includes(OTHER_ORG_MARKER) ||
              [...w.otherOrgIds].some((id) => res.text.includes(id) && !asked.includes(id)));
          const after = await orgDigest(t.dataSource, [t.orgId, w.b.orgId]);
          const changedB = digestOf(after, w.b.orgId) !== digestOf(before, w.b.orgId);
          const refusedInB = scope === 'otherOrg' && ok && !(expected >= 200 && expected < 300);
          if (leaked || changedB || refusedInB) {
            crossOrg.push(`${label}: ${leaked ? 'answered with B’s rows' : changedB ? 'changed B' : `${res.status}`}`);
          }
          if (!ok && digestOf(after, t.orgId) !== digestOf(before, t.orgId)) {
            unchanged.push(`${label}: refused with ${res.status} but changed A`);
          }
        }
      }
    }
    console.log(
      `authorization matrix: ${requests} requests over ${routes.length} routes in ${Date.now() - started} ms; ` +
        `${mismatches.length} mismatches, ${crossOrg.length} cross-organisation successes`,
    );
    expect({ mismatches, crossOrg, unchanged }).toEqual({ mismatches: [], crossOrg: [], unchanged: [] });
  }, 180_000);

  it('stores a contributor’s link as proposed, whatever it asks, and a pmo’s approval names the pmo', async () => {
    const from = await w.freshNode('own');
    const created = await w.members.contributor
      .http()
      .post('/api/links')
      .send({ fromId: from.id, toId: w.work.strategy.id, kind: 'contributes_to', rationale: 'Moves the objective' })
      .expect(201);
    expect(created.body).toMatchObject({ state: 'proposed', proposedBy: w.members.contributor.name, decidedBy: null });
    const queue = await w.members.pmo.http().get('/api/links/proposals').expect(200);
    const queued = queue.body as { id: string; proposedAt: string; proposedBy: string; state: string }[];
    expect(queued.map((l) => l.id)).toContain(created.body.id);
    expect(queued.every((l) => l.state === 'proposed')).toBe(true);
    // Oldest first.
    expect(queued.map((l) => l.proposedAt)).toEqual(queued.map((l) => l.proposedAt).sort());
    const approved = await w.members.pmo.http().post(`/api/links/${created.body.id}/approve`).expect(200);
    expect(approved.body).toMatchObject({ state: 'approved', decidedBy: w.members.pmo.name });
    await w.members.contributor
      .http()
      .post('/api/links')
      .send({
        fromId: (await w.freshNode('own')).id,
        toId: w.work.strategy.id,
        kind: 'contributes_to',
        state: 'approved',
      })
      .expect(400);
    // Once decided, the link is the PMO's: the contributor no longer edits or withdraws it.
    await w.members.contributor.http().patch(`/api/links/${created.body.id}`).send({ weight: 5 }).expect(403);
    await w.members.contributor.http().delete(`/api/links/${created.body.id}`).expect(403);
  });

  it('lets a contributor propose that its work depends on another unit’s, never the other way round', async () => {
    const mine = await w.freshNode('own');
    const theirs = await w.freshNode('otherUnit');
    const contributor = w.members.contributor.http;
    const proposal = { kind: 'depends_on', rationale: 'Needs their platform first' };
    const dependency = await contributor()
      .post('/api/links')
      .send({ fromId: mine.id, toId: theirs.id, ...proposal })
      .expect(201);
    expect(dependency.body).toMatchObject({ state: 'proposed', kind: 'depends_on' });
    await contributor().patch(`/api/links/${dependency.body.id}`).send({ rationale: 'Needs it by March' }).expect(200);
    await contributor()
      .post('/api/links')
      .send({ fromId: theirs.id, toId: mine.id, ...proposal })
      .expect(403);
    await contributor().delete(`/api/links/${dependency.body.id}`).expect(204);
  });
});

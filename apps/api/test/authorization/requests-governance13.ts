import type { Scope } from './expectations.js';
import type { RouteRequests } from './requests.js';
import type { World } from './world.js';

const ONCE = ['own'] as const satisfies readonly Scope[];
const OWN_AND_OTHER_ORG = ['own', 'otherOrg'] as const satisfies readonly Scope[];

/** A snapshot of `scope`'s organisation (A's, or B's for otherOrg), taken by its admin. */
async function snapshotOf(w: World, scope: Scope): Promise<string> {
  const res = await w
    .ownerOf(scope)
    .http()
    .post('/api/snapshots')
    .send({ name: `Matrix ${w.next()}` });
  if (res.status !== 201) throw new Error(`fixture: snapshot: ${res.status} ${res.text}`);
  return (res.body as { id: string }).id;
}

/** A RAID risk about `scope`'s work item (an objective for strategy), logged by its organisation's admin. */
async function raidItemOf(w: World, scope: Scope): Promise<string> {
  const res = await w
    .ownerOf(scope)
    .http()
    .post('/api/raid')
    .send({
      type: 'risk',
      title: `Matrix risk ${w.next()}`,
      likelihood: 3,
      impact: 5,
      attachments: [{ nodeId: w.work[scope].id }],
    });
  if (res.status !== 201) throw new Error(`fixture: raid item: ${res.status} ${res.text}`);
  return (res.body as { id: string }).id;
}

/** An OKR cycle of `scope`'s organisation, defined by its admin. */
async function cycleOf(w: World, scope: Scope): Promise<string> {
  const res = await w
    .ownerOf(scope)
    .http()
    .post('/api/okr-cycles')
    .send({ name: `Matrix cycle ${w.next()}`, startsOn: '2026-10-01', endsOn: '2026-12-31' });
  if (res.status !== 201) throw new Error(`fixture: okr cycle: ${res.status} ${res.text}`);
  return (res.body as { id: string }).id;
}

/** Issue 13's snapshots: read by every member, taken by a pmo/admin; another organisation's is not found. */
export const GOVERNANCE_13_REQUESTS: Record<string, RouteRequests> = {
  'GET /api/snapshots': { scopes: ONCE, build: () => ({ path: '/api/snapshots' }) },
  'GET /api/snapshots/trend': { scopes: ONCE, build: () => ({ path: '/api/snapshots/trend' }) },
  'GET /api/snapshots/diff': {
    scopes: OWN_AND_OTHER_ORG,
    build: async (w, scope) => ({ path: `/api/snapshots/diff?from=${await snapshotOf(w, scope)}&to=now` }),
  },
  'POST /api/snapshots': { scopes: ONCE, build: () => ({ path: '/api/snapshots', body: { name: 'Matrix baseline' } }) },

  'GET /api/raid': { scopes: ONCE, build: () => ({ path: '/api/raid?type=risk' }) },
  'GET /api/raid/red-risks': { scopes: ONCE, build: () => ({ path: '/api/raid/red-risks' }) },
  'GET /api/raid/:id': {
    scopes: OWN_AND_OTHER_ORG,
    build: async (w, scope) => ({ path: `/api/raid/${await raidItemOf(w, scope)}` }),
  },
  // About the scope's work (B's for otherOrg: unknown here).
  'POST /api/raid': {
    build: (w, scope) => ({
      path: '/api/raid',
      body: { type: 'action', title: 'Matrix action', attachments: [{ nodeId: w.work[scope].id }] },
    }),
  },
  'PATCH /api/raid/:id': {
    build: async (w, scope) => ({ path: `/api/raid/${await raidItemOf(w, scope)}`, body: { status: 'in_progress' } }),
  },
  'DELETE /api/raid/:id': {
    scopes: OWN_AND_OTHER_ORG,
    build: async (w, scope) => ({ path: `/api/raid/${await raidItemOf(w, scope)}` }),
  },
  'GET /api/raid/export.csv': { scopes: ONCE, build: () => ({ path: '/api/raid/export.csv?type=risk' }) },

  'GET /api/okr-cycles': { scopes: ONCE, build: () => ({ path: '/api/okr-cycles' }) },
  'POST /api/okr-cycles': {
    scopes: ONCE,
    build: (w) => ({
      path: '/api/okr-cycles',
      body: { name: `Matrix cycle ${w.next()}`, startsOn: '2026-10-01', endsOn: '2026-12-31' },
    }),
  },
  'PATCH /api/okr-cycles/:id': {
    scopes: OWN_AND_OTHER_ORG,
    build: async (w, scope) => ({ path: `/api/okr-cycles/${await cycleOf(w, scope)}`, body: { endsOn: '2027-01-31' } }),
  },
  'DELETE /api/okr-cycles/:id': {
    scopes: OWN_AND_OTHER_ORG,
    build: async (w, scope) => ({ path: `/api/okr-cycles/${await cycleOf(w, scope)}` }),
  },
};

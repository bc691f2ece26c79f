import type { Scope } from './expectations.js';
import type { RouteRequests } from './requests.js';

const ONCE = ['own'] as const satisfies readonly Scope[];
const OWN_AND_OTHER_ORG = ['own', 'otherOrg'] as const satisfies readonly Scope[];

/** Issue 11's shared map arrangement: read by every member, changed by a pmo/admin; B's node in the body is unknown. */
export const MAP_LAYOUT_REQUESTS: Record<string, RouteRequests> = {
  'GET /api/map-layouts': { scopes: ONCE, build: () => ({ path: '/api/map-layouts?view=auto' }) },
  'PUT /api/map-layouts': {
    scopes: OWN_AND_OTHER_ORG,
    build: (w, scope) => ({
      path: '/api/map-layouts',
      body: { view: 'matrix', positions: { [w.work[scope].id]: { x: 10, y: w.next() } } },
    }),
  },
  'DELETE /api/map-layouts': { scopes: ONCE, build: () => ({ path: '/api/map-layouts?view=matrix' }) },
};

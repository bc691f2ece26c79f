import type { Scope } from './expectations.js';
import { ACCOUNT_REQUESTS } from './requests-accounts.js';
import { SPREADSHEET_REQUESTS } from './requests-spreadsheets.js';
import { GOVERNANCE_13_REQUESTS } from './requests-governance13.js';
import { MAP_LAYOUT_REQUESTS } from './requests-map-layouts.js';
import type { World } from './world.js';

export interface MatrixRequest {
  path: string;
  body?: unknown;
}

export interface RouteRequests {
  /** The objects the route can be asked about (default: all four scopes). */
  scopes?: readonly Scope[];
  /**
   * Builds the request for one scope. `fresh` is true when the request may succeed and change its object: the builder
   * makes a new one; otherwise (anonymous, executive: refused before any lookup) it names the standing fixtures.
   */
  build: (w: World, scope: Scope, fresh: boolean) => Promise<MatrixRequest> | MatrixRequest;
  /** Ask as a new member of the role rather than the standing one (the request ends or replaces its session). */
  freshRequester?: boolean;
}

export const UNIT_SCOPES = ['own', 'otherUnit', 'otherOrg'] as const satisfies readonly Scope[];
export const ONCE = ['own'] as const satisfies readonly Scope[];

const unitOf = (w: World, scope: Scope) => w.units[scope === 'strategy' ? 'otherUnit' : scope];
const krOf = (w: World, scope: Scope) => w.keyResults[scope === 'strategy' ? 'otherUnit' : scope];
const nodeFor = async (w: World, scope: Scope, fresh: boolean) =>
  fresh ? (await w.freshNode(scope)).id : w.work[scope].id;
const proposalFor = async (w: World, scope: Scope, fresh: boolean) => (fresh ? w.freshProposal(scope) : w.links[scope]);

/** How to ask each route about each scope. */
export const REQUESTS: Record<string, RouteRequests> = {
  ...ACCOUNT_REQUESTS,
  ...SPREADSHEET_REQUESTS,
  ...GOVERNANCE_13_REQUESTS,
  ...MAP_LAYOUT_REQUESTS,
  'POST /api/nodes/:id/restore': {
    build: async (w, scope, fresh) => ({
      path: `/api/nodes/${fresh ? await w.freshDeleted(scope) : w.work[scope].id}/restore`,
    }),
  },
  'GET /api/health': { scopes: ONCE, build: () => ({ path: '/api/health' }) },

  'GET /api/nodes': {
    build: (w, scope) => ({
      path: scope === 'strategy' ? '/api/nodes?kind=objective' : `/api/nodes?businessUnit=${unitOf(w, scope).id}`,
    }),
  },
  'GET /api/nodes/:id': { build: (w, scope) => ({ path: `/api/nodes/${w.work[scope].id}` }) },
  'GET /api/nodes/:id/history': { build: (w, scope) => ({ path: `/api/nodes/${w.work[scope].id}/history` }) },
  'POST /api/nodes': {
    build: (w, scope) => ({
      path: '/api/nodes',
      body:
        scope === 'strategy'
          ? { kind: 'objective', title: 'Matrix objective' }
          : { kind: 'project', title: 'Matrix work', businessUnitId: unitOf(w, scope).id },
    }),
  },
  'PATCH /api/nodes/:id': {
    build: async (w, scope, fresh) => ({
      path: `/api/nodes/${await nodeFor(w, scope, fresh)}`,
      body: { version: 1, title: 'Edited by the matrix' },
    }),
  },
  'DELETE /api/nodes/:id': {
    build: async (w, scope, fresh) => ({ path: `/api/nodes/${await nodeFor(w, scope, fresh)}` }),
  },

  'GET /api/nodes/:id/check-ins': {
    scopes: UNIT_SCOPES,
    build: (w, scope) => ({ path: `/api/nodes/${krOf(w, scope).id}/check-ins` }),
  },
  'POST /api/nodes/:id/check-ins': {
    scopes: UNIT_SCOPES,
    build: (w, scope) => ({
      path: `/api/nodes/${krOf(w, scope).id}/check-ins`,
      body: { value: w.next(), at: '2026-01-01' },
    }),
  },

  'GET /api/links': { build: (w, scope) => ({ path: `/api/links?nodeId=${w.work[scope].id}` }) },
  'GET /api/links/proposals': { scopes: ONCE, build: () => ({ path: '/api/links/proposals' }) },
  'GET /api/links/:id': { build: (w, scope) => ({ path: `/api/links/${w.links[scope]}` }) },
  'POST /api/links': {
    build: async (w, scope, fresh) => ({
      path: '/api/links',
      // From new work of the scope (B's, for another organisation) to A's objective.
      body: {
        fromId: await nodeFor(w, scope, fresh),
        toId: w.work.strategy.id,
        kind: 'contributes_to',
        rationale: 'Matrix link',
      },
    }),
  },
  'PATCH /api/links/:id': {
    build: async (w, scope, fresh) => ({
      path: `/api/links/${await proposalFor(w, scope, fresh)}`,
      body: { weight: 10 },
    }),
  },
  'DELETE /api/links/:id': {
    build: async (w, scope, fresh) => ({ path: `/api/links/${await proposalFor(w, scope, fresh)}` }),
  },
  'POST /api/links/:id/approve': {
    build: async (w, scope, fresh) => ({ path: `/api/links/${await proposalFor(w, scope, fresh)}/approve` }),
  },
  'POST /api/links/:id/reject': {
    build: async (w, scope, fresh) => ({
      path: `/api/links/${await proposalFor(w, scope, fresh)}/reject`,
      body: { comment: 'Not this quarter' },
    }),
  },
  'POST /api/links/decisions': {
    build: async (w, scope, fresh) => ({
      path: '/api/links/decisions',
      body: { ids: [await proposalFor(w, scope, fresh)], decision: 'approve' },
    }),
  },
  'POST /api/links/:id/acknowledge': {
    build: async (w, scope, fresh) => ({
      path: `/api/links/${fresh ? await w.freshDependency(scope) : w.links[scope]}/acknowledge`,
    }),
  },
  'GET /api/notifications': { scopes: ONCE, build: () => ({ path: '/api/notifications' }) },
  'POST /api/notifications/read': {
    scopes: ONCE,
    build: () => ({ path: '/api/notifications/read', body: { all: true } }),
  },

  'GET /api/business-units': { scopes: ONCE, build: () => ({ path: '/api/business-units' }) },
  'GET /api/business-units/:id': {
    scopes: UNIT_SCOPES,
    build: (w, scope) => ({ path: `/api/business-units/${unitOf(w, scope).id}` }),
  },
  'POST /api/business-units': {
    scopes: UNIT_SCOPES,
    build: (w, scope) => ({
      path: '/api/business-units',
      body: { key: `MX${w.next()}`, name: 'Matrix unit', parentId: unitOf(w, scope).id },
    }),
  },
  'PATCH /api/business-units/:id': {
    scopes: UNIT_SCOPES,
    build: (w, scope) => ({
      path: `/api/business-units/${unitOf(w, scope).id}`,
      body: { name: 'Renamed by the matrix' },
    }),
  },
  'DELETE /api/business-units/:id': {
    scopes: UNIT_SCOPES,
    build: async (w, scope, fresh) => ({
      path: `/api/business-units/${fresh ? (await w.freshUnit(scope)).id : unitOf(w, scope).id}`,
    }),
  },

  'GET /api/graph': {
    build: (w, scope) => ({
      path:
        scope === 'strategy'
          ? `/api/graph?scope=chain&rootId=${w.work.strategy.id}`
          : `/api/graph?scope=business_unit&businessUnitId=${unitOf(w, scope).id}`,
    }),
  },
  'GET /api/graph/trace/:id': { build: (w, scope) => ({ path: `/api/graph/trace/${w.work[scope].id}` }) },
  'GET /api/graph/impact/:id': { build: (w, scope) => ({ path: `/api/graph/impact/${w.work[scope].id}` }) },
  'GET /api/coverage': { scopes: ONCE, build: () => ({ path: '/api/coverage' }) },
  'GET /api/coverage/matrix': { scopes: ONCE, build: () => ({ path: '/api/coverage/matrix' }) },
  'GET /api/dashboard': { scopes: ONCE, build: () => ({ path: '/api/dashboard' }) },
  // An objective's cell in a unit's column (strategy: its work without a unit); another organisation's objective.
  'GET /api/dashboard/objectives/:id/work': {
    build: (w, scope) => ({
      path:
        scope === 'otherOrg'
          ? `/api/dashboard/objectives/${w.work.otherOrg.id}/work`
          : scope === 'strategy'
            ? `/api/dashboard/objectives/${w.work.strategy.id}/work`
            : `/api/dashboard/objectives/${w.work.strategy.id}/work?businessUnitId=${unitOf(w, scope).id}`,
    }),
  },
  'GET /api/dashboard/red-risks': { scopes: ONCE, build: () => ({ path: '/api/dashboard/red-risks' }) },

  'GET /api/audit': {
    build: (w, scope) => ({
      path:
        scope === 'strategy'
          ? `/api/audit?nodeId=${w.work.strategy.id}`
          : `/api/audit?businessUnit=${unitOf(w, scope).id}`,
    }),
  },
  'GET /api/audit/rules': { scopes: ONCE, build: () => ({ path: '/api/audit/rules' }) },
  'PATCH /api/audit/settings': {
    scopes: ONCE,
    build: () => ({ path: '/api/audit/settings', body: { staleCheckInDays: 30 } }),
  },
  'GET /api/audit/waivers': { scopes: ONCE, build: () => ({ path: '/api/audit/waivers' }) },
  'POST /api/audit/waivers': {
    build: async (w, scope, fresh) => ({
      path: '/api/audit/waivers',
      body: {
        findingId: fresh ? await w.freshFinding(scope) : 'orphan-work:0000000000000000',
        reason: 'Matrix',
        expiresOn: '2099-12-31',
      },
    }),
  },
  'DELETE /api/audit/waivers/:id': {
    build: async (w, scope, fresh) => ({
      path: `/api/audit/waivers/${fresh ? await w.freshWaiver(scope) : '00000000-0000-4000-8000-000000000000'}`,
    }),
  },

  'GET /api/portfolio/export': { scopes: ONCE, build: () => ({ path: '/api/portfolio/export' }) },
  'POST /api/portfolio/import': {
    build: (w, scope) => ({
      path: '/api/portfolio/import',
      body: {
        format: 'throughline/v1',
        businessUnits: [],
        links: [],
        checkIns: [],
        nodes: [
          scope === 'strategy'
            ? { key: `IMP-${w.next()}`, kind: 'objective', title: 'Imported objective' }
            : { key: `IMP-${w.next()}`, kind: 'project', title: 'Imported work', businessUnit: unitOf(w, scope).key },
        ],
      },
    }),
  },
};

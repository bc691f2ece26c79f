import type { Role } from './roles.js';

/**
 * Who may call each route: the one declarative table the `AccessGuard` reads (docs/security.md, "Roles and
 * permissions"; the roles are docs/domain.md's).
 *
 * - `'public'`: no session needed (health, signing up and in, accepting an invite).
 * - `'authenticated'`: any member of the organisation, whatever its role.
 * - a list of roles: only those; anyone else gets 403 FORBIDDEN, and a request without a session 401 UNAUTHENTICATED.
 *
 * The guard decides by role only. What depends on the object — a contributor's own units, the owner of a key
 * result, a contributor's links being proposals — is decided by the services (`access/contributor-rules.ts`).
 *
 * HOW TO ADD A ROUTE: add one line `'METHOD /api/path/:param': …` below, written exactly as Nest registers it
 * (global prefix, controller path and method path, parameters as `:name`). The API refuses to start when a route
 * has no line here, or when a line names no route (route-table.ts), so a forgotten entry fails every test at once.
 * Then add the route's expected statuses to apps/api/test/authorization-matrix.e2e-spec.ts, from docs/domain.md —
 * not from this table, so that a wrong entry here is caught rather than copied.
 */
export type Permission = 'public' | 'authenticated' | readonly Role[];

/** Those who change the graph; contributors only within their own units (checked by the services). */
const WRITERS = ['admin', 'pmo', 'contributor'] as const satisfies readonly Role[];
/** A PMO's decisions: approving proposals, waivers, importing. */
const PMO = ['admin', 'pmo'] as const satisfies readonly Role[];
/** Members, business units, the organisation's settings. */
const ADMIN = ['admin'] as const satisfies readonly Role[];

export const PERMISSIONS: Readonly<Record<string, Permission>> = {
  'GET /api/health': 'public',

  'GET /api/nodes': 'authenticated',
  'GET /api/nodes/:id': 'authenticated',
  'GET /api/nodes/:id/history': 'authenticated',
  'POST /api/nodes': WRITERS,
  'PATCH /api/nodes/:id': WRITERS,
  'DELETE /api/nodes/:id': WRITERS,
  'POST /api/nodes/:id/restore': WRITERS,

  'GET /api/nodes/:id/check-ins': 'authenticated',
  // A contributor only on the key results it owns (CheckInsService).
  'POST /api/nodes/:id/check-ins': WRITERS,

  'GET /api/links': 'authenticated',
  'GET /api/links/proposals': PMO,
  'GET /api/links/:id': 'authenticated',
  // A contributor's links are always proposed, and only from its own units' work (LinksService).
  'POST /api/links': WRITERS,
  'PATCH /api/links/:id': WRITERS,
  'DELETE /api/links/:id': WRITERS,
  'POST /api/links/:id/approve': PMO,
  'POST /api/links/:id/reject': PMO,
  'POST /api/links/decisions': PMO,
  // The owner of the unit depended on (any writer role), or a pmo/admin (LinkDecisionsService).
  'POST /api/links/:id/acknowledge': WRITERS,

  // One's own notifications only (NotificationsRepository filters by the principal).
  'GET /api/notifications': 'authenticated',
  'POST /api/notifications/read': 'authenticated',

  'GET /api/business-units': 'authenticated',
  'GET /api/business-units/:id': 'authenticated',
  'POST /api/business-units': ADMIN,
  'PATCH /api/business-units/:id': ADMIN,
  'DELETE /api/business-units/:id': ADMIN,

  'GET /api/graph': 'authenticated',
  'GET /api/graph/trace/:id': 'authenticated',
  'GET /api/graph/impact/:id': 'authenticated',
  'GET /api/coverage': 'authenticated',
  'GET /api/coverage/matrix': 'authenticated',
  'GET /api/dashboard': 'authenticated',
  'GET /api/dashboard/objectives/:id/work': 'authenticated',
  'GET /api/dashboard/red-risks': 'authenticated',

  'GET /api/audit': 'authenticated',
  'GET /api/audit/rules': 'authenticated',
  'PATCH /api/audit/settings': ADMIN,
  'GET /api/audit/waivers': 'authenticated',
  'POST /api/audit/waivers': PMO,
  'DELETE /api/audit/waivers/:id': PMO,

  // Snapshots (snapshots/): every role reads them and their diffs; a PMO takes them (never changed once taken).
  'GET /api/snapshots': 'authenticated',
  'GET /api/snapshots/trend': 'authenticated',
  'GET /api/snapshots/diff': 'authenticated',
  'POST /api/snapshots': PMO,

  // The RAID log (raid/): every role reads it; writers log and change items (a contributor only items attached to its
  // own units' work or links from it, checked by RaidService); deleting one is a PMO's.
  'GET /api/raid': 'authenticated',
  'GET /api/raid/red-risks': 'authenticated',
  'GET /api/raid/:id': 'authenticated',
  'POST /api/raid': WRITERS,
  'PATCH /api/raid/:id': WRITERS,
  'DELETE /api/raid/:id': PMO,
  'GET /api/raid/export.csv': 'authenticated',

  // OKR cycles (okr-cycles/): every role reads them; a PMO defines them.
  'GET /api/okr-cycles': 'authenticated',
  'POST /api/okr-cycles': PMO,
  'PATCH /api/okr-cycles/:id': PMO,
  'DELETE /api/okr-cycles/:id': PMO,

  // The map's shared arrangement (map-layouts/): everyone sees it; a PMO arranges the map for the organisation.
  'GET /api/map-layouts': 'authenticated',
  'PUT /api/map-layouts': PMO,
  'DELETE /api/map-layouts': PMO,

  'GET /api/portfolio/export': 'authenticated',
  'POST /api/portfolio/import': PMO,
  // Spreadsheets (spreadsheet/): importing and saving a column mapping is a PMO's; exports and mappings are reads.
  'POST /api/portfolio/spreadsheet': PMO,
  'GET /api/portfolio/spreadsheet/mappings/:kind': 'authenticated',
  'PUT /api/portfolio/spreadsheet/mappings/:kind': PMO,
  'GET /api/portfolio/export.csv': 'authenticated',
  'GET /api/portfolio/export.xlsx': 'authenticated',
  'GET /api/audit/findings.csv': 'authenticated',

  // Accounts (auth/): signing up and in, and the one-time links, need no session; the rest is one's own account.
  'POST /api/auth/sign-up': 'public',
  'POST /api/auth/log-in': 'public',
  'GET /api/auth/demo-accounts': 'public',
  'POST /api/auth/log-out': 'authenticated',
  'GET /api/auth/session': 'authenticated',
  'POST /api/auth/switch-organisation': 'authenticated',
  'POST /api/auth/password': 'authenticated',
  'POST /api/auth/totp/setup': 'authenticated',
  'POST /api/auth/totp/enable': 'authenticated',
  'POST /api/auth/totp/disable': 'authenticated',
  'GET /api/invites/:token': 'public',
  'POST /api/invites/:token/accept': 'public',
  'POST /api/password-resets/:token': 'public',

  // Members (members/): everyone sees who is in the organisation (owners are members); an admin manages them.
  'GET /api/members': 'authenticated',
  'GET /api/members/invites': ADMIN,
  'POST /api/members/invites': ADMIN,
  'DELETE /api/members/invites/:id': ADMIN,
  'PATCH /api/members/:userId': ADMIN,
  'DELETE /api/members/:userId': ADMIN,
  'POST /api/members/:userId/password-reset': ADMIN,

  // The organisation (organisations/): everyone reads its name, currency and locale; its settings, the full export
  // (with members) and deleting it are an admin's.
  'GET /api/organisation': 'authenticated',
  'PATCH /api/organisation': ADMIN,
  'GET /api/organisation/export': ADMIN,
  'DELETE /api/organisation': ADMIN,

  // The organisation's audit trail (change-log/): an admin's.
  'GET /api/change-log': ADMIN,
};

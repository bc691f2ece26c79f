/**
 * What each role may do, as statuses — written from docs/domain.md ("Organisations and roles") and
 * docs/security.md's order of refusals, NOT from apps/api/src/access/permissions.ts: the matrix test compares the
 * API with this table, so a wrong permission entry is caught rather than copied.
 *
 * domain.md, in short:
 * - admin: everything, including members, business units and the organisation's settings;
 * - pmo: create and edit every node and link; approve or reject proposed links; run audits; (waivers: a PMO's
 *   decision; import: "when a pmo or admin imports");
 * - executive: read everything;
 * - contributor: registers and edits the work of its own units; proposes links from that work; may not edit other
 *   units' work or any strategy node.
 * Refusals: no session → 401; a role that may never do it → 403; an object of another organisation does not exist
 * for you → 404 in the path, 422 in the body; a contributor's object outside its units → 403.
 */

export const ROLES = ['admin', 'pmo', 'executive', 'contributor'] as const;
export type MatrixRole = (typeof ROLES)[number];

/**
 * The object a request is about: work of the contributor's own unit, work of another unit of the same organisation,
 * a strategy node, or something of another organisation (in the path, or as ids in the body).
 */
export const SCOPES = ['own', 'otherUnit', 'strategy', 'otherOrg'] as const;
export type Scope = (typeof SCOPES)[number];

export type Expect = (role: MatrixRole | 'anonymous', scope: Scope) => number;

/** Routes anyone may call without a session (health, signing up and in, invites and resets by their token). */
export const PUBLIC = new Set([
  'GET /api/health',
  'POST /api/auth/sign-up',
  'POST /api/auth/log-in',
  'GET /api/auth/demo-accounts',
  'GET /api/invites/:token',
  'POST /api/invites/:token/accept',
  'POST /api/password-resets/:token',
]);

interface Missing {
  /** What another organisation's object gets: 404 when it is in the path, 422 when it is an id in the body. */
  otherOrg?: number;
}

/** Every member reads everything of its organisation. */
const read =
  (ok = 200, { otherOrg = 404 }: Missing = {}): Expect =>
  (_role, scope) =>
    scope === 'otherOrg' ? otherOrg : ok;

/** A read whose scope is only a filter (another organisation's id filters down to nothing): 200 everywhere. */
const readAll: Expect = () => 200;

const among =
  (roles: readonly MatrixRole[], ok: number, { otherOrg = 404 }: Missing = {}): Expect =>
  (role, scope) =>
    role === 'anonymous' || !roles.includes(role) ? 403 : scope === 'otherOrg' ? otherOrg : ok;

/** A pmo's or an admin's decision (proposals, waivers, import). */
const pmo = (ok: number, missing?: Missing) => among(['admin', 'pmo'], ok, missing);
/** Members, units, the organisation's settings. */
const admin = (ok: number, missing?: Missing) => among(['admin'], ok, missing);

/**
 * Creating, editing or deleting a node or a link: admin and pmo anything; a contributor only its own units' work.
 * `contributorOtherOrg`: a contributor naming another organisation's unit in the body is refused as "not its unit"
 * (403) before the unit is looked up; an object in the path is looked up first (404).
 */
const graphWrite =
  (
    ok: number,
    { otherOrg = 404, contributorOtherOrg = otherOrg }: Missing & { contributorOtherOrg?: number } = {},
  ): Expect =>
  (role, scope) => {
    if (role === 'executive') return 403;
    if (role === 'contributor') return scope === 'own' ? ok : scope === 'otherOrg' ? contributorOtherOrg : 403;
    return scope === 'otherOrg' ? otherOrg : ok;
  };

/** Statuses for every route the OpenAPI document lists; a route missing here fails the test. */
export const EXPECTED: Record<string, Expect> = {
  'GET /api/health': readAll,

  'GET /api/nodes': readAll,
  'GET /api/nodes/:id': read(),
  'GET /api/nodes/:id/history': read(),
  'POST /api/nodes': graphWrite(201, { otherOrg: 422, contributorOtherOrg: 403 }),
  'PATCH /api/nodes/:id': graphWrite(200),
  'DELETE /api/nodes/:id': graphWrite(204),

  'GET /api/nodes/:id/check-ins': read(),
  // The key result's owner (own: the contributor owns it), or a pmo/admin.
  'POST /api/nodes/:id/check-ins': graphWrite(201),

  'GET /api/links': readAll,
  'GET /api/links/proposals': pmo(200),
  'GET /api/links/:id': read(),
  'POST /api/links': graphWrite(201, { otherOrg: 422 }),
  'PATCH /api/links/:id': graphWrite(200),
  'DELETE /api/links/:id': graphWrite(204),
  'POST /api/links/:id/approve': pmo(200),
  'POST /api/links/:id/reject': pmo(200),
  // Many decisions at once answer 200 with each item's outcome: another organisation's proposal is a failed item
  // (not found), and nothing of it changes.
  'POST /api/links/decisions': pmo(200, { otherOrg: 200 }),
  // A cross-unit dependency is acknowledged by the owner of the unit depended on (the contributor owns its unit: own =
  // another unit's work depends on it; otherUnit = its work depends on another's) or a pmo/admin; a link that is no
  // such dependency cannot be (422).
  'POST /api/links/:id/acknowledge': (role, scope) => {
    if (role === 'executive' || role === 'anonymous') return 403;
    if (scope === 'otherOrg') return 404;
    if (scope === 'strategy') return 422;
    return role === 'contributor' && scope !== 'own' ? 403 : 200;
  },
  // One's own notifications.
  'GET /api/notifications': readAll,
  'POST /api/notifications/read': readAll,

  'GET /api/business-units': readAll,
  'GET /api/business-units/:id': read(),
  'POST /api/business-units': admin(201, { otherOrg: 422 }),
  'PATCH /api/business-units/:id': admin(200),
  'DELETE /api/business-units/:id': admin(204),

  'GET /api/graph': read(),
  'GET /api/graph/trace/:id': read(),
  // Impact is asked of work; of a strategy node it is refused (422) — for anyone who may read.
  'GET /api/graph/impact/:id': (role, scope) => (scope === 'strategy' ? 422 : read()(role, scope)),
  'GET /api/coverage': readAll,
  'GET /api/coverage/matrix': readAll,
  // "executive: read everything, and the (read-only) dashboards" — and every other member reads it too.
  'GET /api/dashboard': readAll,
  // The work behind a heatmap cell: another organisation's objective does not exist (404).
  'GET /api/dashboard/objectives/:id/work': read(),
  'GET /api/dashboard/red-risks': readAll,

  // Snapshots: "executive: read everything"; a baseline is a PMO's act (docs/domain.md, "Snapshots").
  'GET /api/snapshots': readAll,
  'GET /api/snapshots/trend': readAll,
  'GET /api/snapshots/diff': read(),
  'POST /api/snapshots': pmo(201),
  // RAID: everyone reads; a contributor writes items about its own units' work only (as it writes that work); a node
  // of another organisation in the body is unknown (422) for everyone; deleting is a PMO's.
  'GET /api/raid': readAll,
  'GET /api/raid/red-risks': readAll,
  'GET /api/raid/:id': read(),
  'POST /api/raid': graphWrite(201, { otherOrg: 422 }),
  'PATCH /api/raid/:id': graphWrite(200),
  'DELETE /api/raid/:id': pmo(204),
  'GET /api/raid/export.csv': readAll,
  // OKR cycles: everyone reads; defining the quarters is a PMO's (docs/domain.md, "OKR cycles").
  'GET /api/okr-cycles': readAll,
  'POST /api/okr-cycles': pmo(201),
  'PATCH /api/okr-cycles/:id': pmo(200),
  'DELETE /api/okr-cycles/:id': pmo(204),
  // The map's arrangement (issue 11): everyone sees it ("read everything"); a PMO arranges the map for everyone. A node
  // of another organisation in the body is unknown (422).
  'GET /api/map-layouts': readAll,
  'PUT /api/map-layouts': pmo(200, { otherOrg: 422 }),
  'DELETE /api/map-layouts': pmo(204),

  'GET /api/audit': readAll,
  'GET /api/audit/rules': readAll,
  'PATCH /api/audit/settings': admin(200),
  'GET /api/audit/waivers': readAll,
  'POST /api/audit/waivers': pmo(201),
  'DELETE /api/audit/waivers/:id': pmo(204),

  'GET /api/portfolio/export': readAll,
  'POST /api/portfolio/import': pmo(200, { otherOrg: 422 }),
  // Spreadsheets: importing (and the mapping it remembers) is a pmo's or admin's, like the JSON import; the file route
  // answers a JSON body with 415 once the role may call it. Exports and the mapping are reads ("read everything").
  'POST /api/portfolio/spreadsheet': pmo(415),
  'GET /api/portfolio/spreadsheet/mappings/:kind': readAll,
  'PUT /api/portfolio/spreadsheet/mappings/:kind': pmo(200),
  'GET /api/portfolio/export.csv': readAll,
  'GET /api/portfolio/export.xlsx': readAll,
  'GET /api/audit/findings.csv': readAll,

  // A deleted node comes back as it was: the same rule as deleting it.
  'POST /api/nodes/:id/restore': graphWrite(200),

  // One's own account: anyone signed in; signing up and in, and one-time links: anyone (an empty body gets 400, an
  // unknown link 404 — never 401).
  'POST /api/auth/sign-up': () => 400,
  'POST /api/auth/log-in': () => 400,
  'POST /api/invites/:token/accept': () => 400,
  'POST /api/password-resets/:token': () => 400,
  'GET /api/invites/:token': () => 404,
  // The demo's accounts, listed only when DEMO_SEED is on (off in these tests): 404 for anyone, never 401.
  'GET /api/auth/demo-accounts': () => 404,
  'POST /api/auth/log-out': () => 204,
  'GET /api/auth/session': readAll,
  'POST /api/auth/password': () => 400,
  'POST /api/auth/totp/setup': () => 200,
  'POST /api/auth/totp/enable': () => 400,
  'POST /api/auth/totp/disable': () => 400,
  // Into an organisation one belongs to; another is not found.
  'POST /api/auth/switch-organisation': read(),

  // Members: everyone sees who is in the organisation; "admin: … members".
  'GET /api/members': readAll,
  'GET /api/members/invites': admin(200),
  'POST /api/members/invites': admin(201, { otherOrg: 422 }),
  'DELETE /api/members/invites/:id': admin(204),
  'PATCH /api/members/:userId': admin(200),
  'DELETE /api/members/:userId': admin(204),
  'POST /api/members/:userId/password-reset': admin(201),

  // "admin: … the organisation's settings"; reading its name, currency and locale: everyone.
  'GET /api/organisation': readAll,
  'PATCH /api/organisation': admin(200),
  'GET /api/organisation/export': admin(200),
  // With the wrong name: refused (400) even for the admin, so the matrix never deletes its organisation.
  'DELETE /api/organisation': admin(400),
  'GET /api/change-log': admin(200),
};

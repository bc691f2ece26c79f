import type { RouteRequests } from './requests.js';

const ONCE = ['own'] as const;
const UNIT_SCOPES = ['own', 'otherUnit', 'otherOrg'] as const;
const ORGS = ['own', 'otherOrg'] as const;
const BOGUS_TOKEN = 'not-a-real-link-token-0000000000000000000000';

/** How the matrix asks the account, member and organisation routes (auth/, members/, organisations/, change-log/). */
export const ACCOUNT_REQUESTS: Record<string, RouteRequests> = {
  'POST /api/auth/sign-up': { scopes: ONCE, build: () => ({ path: '/api/auth/sign-up', body: {} }) },
  'POST /api/auth/log-in': { scopes: ONCE, build: () => ({ path: '/api/auth/log-in', body: {} }) },
  'POST /api/auth/log-out': { scopes: ONCE, freshRequester: true, build: () => ({ path: '/api/auth/log-out' }) },
  'GET /api/auth/demo-accounts': { scopes: ONCE, build: () => ({ path: '/api/auth/demo-accounts' }) },
  'GET /api/auth/session': { scopes: ONCE, build: () => ({ path: '/api/auth/session' }) },
  'POST /api/auth/password': { scopes: ONCE, build: () => ({ path: '/api/auth/password', body: {} }) },
  'POST /api/auth/totp/setup': { scopes: ONCE, freshRequester: true, build: () => ({ path: '/api/auth/totp/setup' }) },
  'POST /api/auth/totp/enable': { scopes: ONCE, build: () => ({ path: '/api/auth/totp/enable', body: {} }) },
  'POST /api/auth/totp/disable': { scopes: ONCE, build: () => ({ path: '/api/auth/totp/disable', body: {} }) },
  'POST /api/auth/switch-organisation': {
    scopes: ORGS,
    freshRequester: true,
    build: (w, scope) => ({
      path: '/api/auth/switch-organisation',
      body: { organisationId: scope === 'otherOrg' ? w.b.orgId : w.t.orgId },
    }),
  },
  'GET /api/invites/:token': { scopes: ONCE, build: () => ({ path: `/api/invites/${BOGUS_TOKEN}` }) },
  'POST /api/invites/:token/accept': {
    scopes: ONCE,
    build: () => ({ path: `/api/invites/${BOGUS_TOKEN}/accept`, body: {} }),
  },
  'POST /api/password-resets/:token': {
    scopes: ONCE,
    build: () => ({ path: `/api/password-resets/${BOGUS_TOKEN}`, body: {} }),
  },

  'GET /api/members': { scopes: ONCE, build: () => ({ path: '/api/members' }) },
  'GET /api/members/invites': { scopes: ONCE, build: () => ({ path: '/api/members/invites' }) },
  'POST /api/members/invites': {
    scopes: UNIT_SCOPES,
    build: (w, scope) => ({
      path: '/api/members/invites',
      body: {
        email: `invitee-${w.next()}@example.test`,
        role: 'contributor',
        unitIds: [w.units[scope === 'strategy' ? 'own' : scope].id],
      },
    }),
  },
  'DELETE /api/members/invites/:id': {
    scopes: ORGS,
    build: async (w, scope, fresh) => ({
      path: `/api/members/invites/${fresh ? await w.freshInvite(scope) : '00000000-0000-4000-8000-000000000000'}`,
    }),
  },
  'PATCH /api/members/:userId': {
    scopes: ORGS,
    build: async (w, scope, fresh) => ({
      path: `/api/members/${fresh ? await w.freshMember(scope) : scope === 'otherOrg' ? w.b.userId : w.members.executive.userId}`,
      body: { role: 'executive' },
    }),
  },
  'DELETE /api/members/:userId': {
    scopes: ORGS,
    build: async (w, scope, fresh) => ({
      path: `/api/members/${fresh ? await w.freshMember(scope) : scope === 'otherOrg' ? w.b.userId : w.members.executive.userId}`,
    }),
  },
  'POST /api/members/:userId/password-reset': {
    scopes: ORGS,
    build: (w, scope) => ({
      path: `/api/members/${scope === 'otherOrg' ? w.b.userId : w.members.executive.userId}/password-reset`,
    }),
  },

  'GET /api/organisation': { scopes: ONCE, build: () => ({ path: '/api/organisation' }) },
  'PATCH /api/organisation': { scopes: ONCE, build: () => ({ path: '/api/organisation', body: { locale: 'en-GB' } }) },
  'GET /api/organisation/export': { scopes: ONCE, build: () => ({ path: '/api/organisation/export' }) },
  'DELETE /api/organisation': {
    scopes: ONCE,
    build: () => ({ path: '/api/organisation', body: { confirmName: 'Not the organisation’s name' } }),
  },
  'GET /api/change-log': { scopes: ONCE, build: () => ({ path: '/api/change-log' }) },
};

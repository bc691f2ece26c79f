import { queryOptions } from '@tanstack/react-query';
import type { ApiDemoAccount, ApiInviteSummary, ApiSession, ApiTotpSetup } from './contract';
import { ApiError, http } from './http';

/** Accounts and sessions (the `/api/auth`, `/api/invites` and `/api/password-resets` routes). */
export type Role = 'admin' | 'pmo' | 'executive' | 'contributor';
export const ROLES: readonly Role[] = ['admin', 'pmo', 'executive', 'contributor'];

export type Session = ApiSession;
export type DemoAccount = ApiDemoAccount;
export type InviteInfo = ApiInviteSummary;
export type TotpSetup = ApiTotpSetup;

export const sessionKeys = {
  session: ['auth', 'session'] as const,
  demoAccounts: ['auth', 'demo-accounts'] as const,
  invite: (token: string) => ['auth', 'invite', token] as const,
};

/** The signed-in session, or null when there is none (the API's 401): never an error to retry. */
export const sessionQuery = () =>
  queryOptions({
    queryKey: sessionKeys.session,
    queryFn: async ({ signal }) => {
      try {
        return await http<Session>('/auth/session', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });

/** The demo organisation's accounts, shown on the log-in page; none (404) unless the demo is on. */
export const demoAccountsQuery = () =>
  queryOptions({
    queryKey: sessionKeys.demoAccounts,
    queryFn: async ({ signal }) => {
      try {
        return await http<DemoAccount[]>('/auth/demo-accounts', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      }
    },
    staleTime: Infinity,
  });

export const inviteQuery = (token: string) =>
  queryOptions({
    queryKey: sessionKeys.invite(token),
    queryFn: ({ signal }) => http<InviteInfo>(`/invites/${encodeURIComponent(token)}`, { signal }),
    staleTime: Infinity,
  });

export const authApi = {
  signUp: (body: { organisationName: string; name: string; email: string; password: string }) =>
    http<Session>('/auth/sign-up', { method: 'POST', json: body }),
  logIn: (body: { email: string; password: string; totpCode?: string }) =>
    http<Session>('/auth/log-in', { method: 'POST', json: body }),
  logOut: () => http<void>('/auth/log-out', { method: 'POST' }),
  switchOrganisation: (organisationId: string) =>
    http<Session>('/auth/switch-organisation', { method: 'POST', json: { organisationId } }),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    http<void>('/auth/password', { method: 'POST', json: body }),
  totpSetup: () => http<TotpSetup>('/auth/totp/setup', { method: 'POST' }),
  totpEnable: (code: string) => http<void>('/auth/totp/enable', { method: 'POST', json: { code } }),
  totpDisable: (code: string) => http<void>('/auth/totp/disable', { method: 'POST', json: { code } }),
  acceptInvite: (token: string, body: { name?: string; password: string; totpCode?: string }) =>
    http<Session>(`/invites/${encodeURIComponent(token)}/accept`, { method: 'POST', json: body }),
  resetPassword: (token: string, password: string) =>
    http<void>(`/password-resets/${encodeURIComponent(token)}`, { method: 'POST', json: { password } }),
};

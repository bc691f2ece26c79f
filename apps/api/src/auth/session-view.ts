import type { Role } from '../platform/request-context/request-context.js';

/** What sign-up, log-in, switching and `GET /auth/session` answer (the brief's `Session`). */
export interface SessionView {
  /** The session token: the same JWT the cookie holds, for API clients as `Authorization: Bearer`. */
  token: string;
  user: { id: string; name: string; email: string; totpEnabled: boolean };
  /** `requireTotp` with `user.totpEnabled` false: the member must set TOTP up before anything else. */
  organisation: { id: string; name: string; slug: string; currency: string; locale: string; requireTotp: boolean };
  role: Role;
  unitIds: string[];
  organisations: Array<{ id: string; name: string; role: Role }>;
}

/** A session row lives at most this long from log-in (the token inside it lives 15 minutes, renewed while in use). */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

/** The cookie that carries the token for the web app. */
export const SESSION_COOKIE = 'tl_session';

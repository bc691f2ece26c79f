import type { CookieOptions, Request, Response } from 'express';
import { SESSION_COOKIE } from './session-view.js';
import { TOKEN_LIFETIME_S } from './session-tokens.js';

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Lax (not sent on cross-site
 * subrequests and POSTs), Secure outside development and tests (which run on plain http), on
 * the whole site (the web app and /api share the origin). It lives as long as the token in it.
 */
export function cookieOptions(nodeEnv: string): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: nodeEnv !== 'development' && nodeEnv !== 'test',
    path: '/',
    maxAge: TOKEN_LIFETIME_S * 1000,
  };
}

export function setSessionCookie(res: Response, token: string, nodeEnv: string) {
  res.cookie(SESSION_COOKIE, token, cookieOptions(nodeEnv));
}

export function clearSessionCookie(res: Response, nodeEnv: string) {
  const { maxAge: _maxAge, ...options } = cookieOptions(nodeEnv);
  res.clearCookie(SESSION_COOKIE, options);
}

/** The credentials a request carries: a bearer token wins over the cookie (and needs no CSRF proof). */
export function credentialsOf(req: Request): { token: string; source: 'bearer' | 'cookie' } | undefined {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+([\w.~+/=-]{1,4096})\s*$/i.exec(authorization);
    return match ? { token: match[1], source: 'bearer' } : undefined;
  }
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
  return cookie ? { token: cookie, source: 'cookie' } : undefined;
}

/** One cookie's value from a `Cookie` header (no cookie parser for the one cookie we read). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value.replace(/^"(.*)"$/, '$1')) || undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

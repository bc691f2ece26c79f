import { createHash, randomBytes } from 'node:crypto';

/** An invite lives a week; a password-reset link a day (the admin hands it over by hand). */
export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
export const RESET_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * A one-time link's secret: 256 random bits, base64url. Only its sha-256 is stored, so a copy of
 * the database opens no invite or reset; the link itself is shown once, to the admin who made it.
 */
export function newOneTimeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Where the web app opens a link: `/invite/<token>` and `/reset-password/<token>` on the API's own origin. */
export function linkFor(origin: string, kind: 'invite' | 'reset-password', token: string): string {
  return `${origin}/${kind}/${token}`;
}

/** What a one-time token in a path must look like before anything is looked up. */
export const ONE_TIME_TOKEN = /^[A-Za-z0-9_-]{43}$/;

import { generateSecret, generateURI, verifySync } from 'otplib';

/** A code is accepted from the previous, current or next 30-second step: clocks drift, people type slowly. */
const TOLERANCE_S = 30;
const ISSUER = 'Throughline';

/** A new TOTP secret (160 random bits, base32) and the otpauth:// URL an authenticator app scans. */
export function newTotpSecret(accountEmail: string): { secret: string; otpauthUrl: string } {
  const secret = generateSecret();
  return { secret, otpauthUrl: generateURI({ issuer: ISSUER, label: accountEmail, secret }) };
}

/** Whether `code` is the secret's current code (RFC 6238: SHA-1, 6 digits, 30 s), within one step either way. */
export function totpCodeMatches(secret: string, code: string | undefined, now = Date.now()): boolean {
  if (!code || !/^\d{6}$/.test(code)) return false;
  try {
    return verifySync({ secret, token: code, epoch: Math.floor(now / 1000), epochTolerance: TOLERANCE_S }).valid;
  } catch {
    return false;
  }
}

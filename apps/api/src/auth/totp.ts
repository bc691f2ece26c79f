import { generateSecret, generateURI, verifySync } from 'otplib';

/** A code is accepted from the previous, current or next 30-second step: clocks drift, people type slowly. */
const TOLERANCE_S = 30;
const PERIOD_S = 30;
const ISSUER = 'Throughline';

/** A new TOTP secret (160 random bits, base32) and the otpauth:// URL an authenticator app scans. */
export function newTotpSecret(accountEmail: string): { secret: string; otpauthUrl: string } {
  const secret = generateSecret();
  return { secret, otpauthUrl: generateURI({ issuer: ISSUER, label: accountEmail, secret }) };
}

/** Whether `code` is the secret's current code (RFC 6238: SHA-1, 6 digits, 30 s), within one step either way. */
export function totpCodeMatches(secret: string, code: string | undefined, now = Date.now()): boolean {
  return totpCodeStep(secret, code, now) !== undefined;
}

/** The time step `code` belongs to when it matches (see `totpCodeMatches`): a used step may not be used again. */
export function totpCodeStep(secret: string, code: string | undefined, now = Date.now()): number | undefined {
  if (!code || !/^\d{6}$/.test(code)) return undefined;
  try {
    const epoch = Math.floor(now / 1000);
    const result = verifySync({ secret, token: code, epoch, epochTolerance: TOLERANCE_S });
    return result.valid ? Math.floor(epoch / PERIOD_S) + result.delta : undefined;
  } catch {
    return undefined;
  }
}

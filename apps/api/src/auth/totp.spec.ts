import { generateSync } from 'otplib';
import { newTotpSecret, totpCodeMatches } from './totp.js';

describe(totpCodeMatches.name, () => {
  const { secret, otpauthUrl } = newTotpSecret('ada@example.com');
  const at = (ms: number) => generateSync({ secret, epoch: Math.floor(ms / 1000) });
  const now = Date.UTC(2026, 10, 30, 12, 0, 15);

  it('gives a base32 secret and an otpauth URL naming the account and the issuer', () => {
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Throughline:ada%40example\.com\?/);
    expect(otpauthUrl).toContain(`secret=${secret}`);
  });

  it('accepts the current code and those of one step either side, nothing further', () => {
    expect(totpCodeMatches(secret, at(now), now)).toBe(true);
    expect(totpCodeMatches(secret, at(now - 30_000), now)).toBe(true);
    expect(totpCodeMatches(secret, at(now + 30_000), now)).toBe(true);
    expect(totpCodeMatches(secret, at(now - 120_000), now)).toBe(false);
    expect(totpCodeMatches(secret, at(now + 120_000), now)).toBe(false);
  });

  it('refuses a missing, malformed or another secret’s code', () => {
    expect(totpCodeMatches(secret, undefined, now)).toBe(false);
    expect(totpCodeMatches(secret, '12345', now)).toBe(false);
    expect(totpCodeMatches(secret, 'abcdef', now)).toBe(false);
    expect(totpCodeMatches(newTotpSecret('x@example.com').secret, at(now), now)).toBe(false);
  });
});

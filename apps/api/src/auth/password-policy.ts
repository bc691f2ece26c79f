import common from './common-passwords.json' with { type: 'json' };

/** NIST SP 800-63B: length over composition rules; 10 is this product's floor. */
export const PASSWORD_MIN_LENGTH = 10;
/** Long enough for any passphrase, short enough that hashing it costs nothing unusual. */
export const PASSWORD_MAX_LENGTH = 200;

/** The 1,000 most common passwords, lower-cased; where they come from is in the file (`source`) and docs/security.md. */
const COMMON = new Set<string>(common.passwords);

export function commonPasswordCount(): number {
  return COMMON.size;
}

/**
 * What is wrong with a new password, or an empty list. A password is refused when it is too
 * short, or when, lower-cased and with trailing digits and symbols taken off, it is one of the
 * common ones ("Dragon2024!" is "dragon"): the list alone would only catch passwords the length
 * rule already refuses, since none of the 1,000 has 10 characters.
 */
export function passwordProblems(password: string, account: { email?: string; name?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`must have at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`must have at most ${PASSWORD_MAX_LENGTH} characters`);
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^\p{L}]+$/u, '');
  if (COMMON.has(lower) || COMMON.has(stem) || isRepetition(lower)) {
    problems.push('is one of the most common passwords');
  }
  const email = account.email?.toLowerCase();
  if (email && (lower === email || lower === email.split('@')[0])) problems.push('must not be your email address');
  return problems;
}

/** "aaaaaaaaaa", "abcabcabcabc", "1212121212": one short piece repeated. */
function isRepetition(password: string): boolean {
  return /^(.{1,3})\1+$/u.test(password);
}

import { randomBytes } from 'node:crypto';

/**
 * A URL-safe, unique-enough slug for a new organisation: its name in lower-case ASCII, plus a
 * random suffix (other organisations' slugs are invisible under row-level security, so
 * uniqueness cannot be checked first; six hex digits make a clash one in 16 million).
 */
export function slugFor(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return `${base || 'organisation'}-${randomBytes(3).toString('hex')}`;
}

import type { InterchangeRepeat } from '../interchange-validation.js';
import type { Json } from './problems.js';

// Entries that repeat another's identity: dropped when identical, refused naming both places otherwise.

export type Section = 'businessUnits' | 'nodes' | 'links' | 'checkIns';

/** The exact repeats found, by section and index, to drop from the document. */
export class Repeats {
  readonly list: InterchangeRepeat[] = [];
  private readonly dropped = new Map<Section, Set<number>>();

  add(section: Section, index: number, sameAs: string) {
    this.list.push({ path: `$.${section}[${index}]`, sameAs });
    const set = this.dropped.get(section) ?? new Set<number>();
    set.add(index);
    this.dropped.set(section, set);
  }

  without(entries: unknown[], section: Section): unknown[] {
    const dropped = this.dropped.get(section);
    return dropped ? entries.filter((_, i) => !dropped.has(i)) : entries;
  }
}

/** The first entry seen with each identity (a key, a link's ends and kind, a reading). */
export type Firsts = Map<string, { path: string; entry: Json }>;

/**
 * Compares an entry with the first one of the same identity: `undefined` if it is the first,
 * else the fields that differ once absent fields take the format's defaults (none: an exact repeat).
 */
export function differingFields(
  firsts: Firsts,
  identity: string,
  entry: Json,
  path: string,
  defaults: Record<string, unknown>,
): { alsoAt: string; fields: string[] } | undefined {
  const first = firsts.get(identity);
  if (!first) {
    firsts.set(identity, { path, entry });
    return undefined;
  }
  const fields = [...new Set([...Object.keys(first.entry), ...Object.keys(entry)])].filter(
    (field) => !sameJson(withDefault(first.entry, field, defaults), withDefault(entry, field, defaults)),
  );
  return { alsoAt: first.path, fields };
}

export function withDefault(entry: Json, field: string, defaults: Record<string, unknown>): unknown {
  const value = entry[field];
  return value === undefined ? (field in defaults ? defaults[field] : null) : value;
}

export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false; // too deep to compare: not the same, so the user is asked to choose
  }
}

export const REPEAT_RULE = 'an entry may appear twice only if both are identical';

export function differMessage(what: string, alsoAt: string, fields: string[]): string {
  return `${what} is also at ${alsoAt}, with a different ${fields.join(', ')}; keep one (${REPEAT_RULE})`;
}

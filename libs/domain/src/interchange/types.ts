import type { InterchangeDocument } from '../interchange.js';
import type { NodeKind } from '../kinds.js';

// The interchange validation's answer and what it is given (re-exported by interchange-validation.ts).

/** One problem of an interchange document, at its JSON path (e.g. `$.links[3].to`). */
export interface InterchangeError {
  path: string;
  message: string;
  /** For an entry that repeats another with different fields: where the first one is. */
  alsoAt?: string;
}

/**
 * An entry the document repeats exactly (the same unit or node key, link ends and kind, or
 * check-in reading, with the same fields once the format's defaults are applied): imported
 * once, from its first place, and the repeat changes nothing.
 */
export interface InterchangeRepeat {
  path: string;
  sameAs: string;
}

/** What the organisation already holds, for references the document makes to it. */
export interface ExistingPortfolio {
  unitKeys: ReadonlySet<string>;
  nodeKinds: ReadonlyMap<string, NodeKind>;
  /** Chain links (contributes_to, part_of, delivers) not rejected, as [fromKey, toKey]. */
  chainLinks: readonly (readonly [string, string])[];
  /** The names of its OKR cycles (a key result's `cycle` may name one). */
  cycleNames?: ReadonlySet<string>;
  /** Its links as `from\u0000to\u0000kind` by key (a RAID item may be attached to one). */
  linkKeys?: ReadonlySet<string>;
}

export const EMPTY_PORTFOLIO: ExistingPortfolio = { unitKeys: new Set(), nodeKinds: new Map(), chainLinks: [] };

export type InterchangeResult =
  | { ok: true; document: InterchangeDocument; repeats: InterchangeRepeat[] }
  | { ok: false; errors: InterchangeError[]; truncated: boolean };

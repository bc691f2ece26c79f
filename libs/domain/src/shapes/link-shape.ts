import { LINK_KINDS, LINK_STATES } from '../links.js';
import { oneOf, text, type FieldRule } from './field-rules.js';

/** A link's fields (docs/domain.md, "Links"); its ends are node ids in REST and node keys in import. */
export const LINK_FIELD_RULES = {
  kind: oneOf(LINK_KINDS, { required: true }),
  weight: { type: 'number', min: 0, max: 100, decimals: 2, nullable: true },
  rationale: text(2000),
  state: oneOf(LINK_STATES),
} satisfies Record<string, FieldRule>;

/** The states a link may be created in (a decision to reject needs a proposal first). */
export const NEW_LINK_STATES = ['approved', 'proposed'] as const;

/** What a new link takes for what it leaves out. */
export const LINK_DEFAULTS = { weight: null, rationale: '', state: 'approved' } as const;

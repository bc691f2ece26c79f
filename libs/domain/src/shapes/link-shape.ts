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

/**
 * A decision on a proposal (docs/domain.md, "States and approval"): approving may say why, rejecting must —
 * the proposer is told the comment. A blank comment counts as none.
 */
export const LINK_DECISION_RULES = {
  approveComment: text(2000),
  rejectComment: text(2000, { minLength: 1, required: true }),
} satisfies Record<string, FieldRule>;

/**
 * A proposal's interpretation note — how this work serves that priority — is its `rationale`, and a proposal
 * must have one (1–2,000 characters, not blank). Undefined when `rationale` is a fit note.
 */
export function proposalNoteProblem(rationale: string | undefined | null): string | undefined {
  if (!rationale?.trim()) return 'a proposal needs an interpretation note: how this work serves that priority';
  return rationale.length > 2000 ? 'must be text of 1–2000 characters' : undefined;
}

/** Whether a comment says something (a blank one counts as none). */
export function isBlank(text: string | undefined | null): boolean {
  return !text?.trim();
}

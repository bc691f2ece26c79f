import { text, type FieldRule } from './field-rules.js';

/**
 * An OKR cycle's fields (docs/domain.md, "OKR cycles"): a named period such as "2026 Q4", from `startsOn` to
 * `endsOn` inclusive. The name is unique in the organisation; the interchange document refers to a cycle by it.
 */
export const OKR_CYCLE_FIELD_RULES = {
  name: text(50, { minLength: 1, required: true }),
  startsOn: { type: 'date', required: true },
  endsOn: { type: 'date', required: true },
} satisfies Record<string, FieldRule>;

/**
 * A key result's cycle: its id in REST (`cycleId`), its name in the interchange (`cycle`). Key results only;
 * null (or left out) for none.
 */
export const KEY_RESULT_CYCLE_RULES = {
  cycleId: { type: 'uuid', nullable: true },
  cycle: text(50, { minLength: 1, nullable: true }),
} satisfies Record<string, FieldRule>;

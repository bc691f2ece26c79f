import { figure, text, type FieldRule } from './field-rules.js';

/** A check-in's fields (docs/domain.md, "Check-ins"). */
export const CHECK_IN_FIELD_RULES = {
  value: figure(undefined, undefined, { required: true, nullable: false }),
  at: { type: 'date' },
  confidence: figure(0, 1),
  note: text(2000),
} satisfies Record<string, FieldRule>;

/** What a new check-in takes for what it leaves out (`at`: today, UTC). */
export const CHECK_IN_DEFAULTS = { confidence: null, note: '' } as const;

import { text, type FieldRule } from './field-rules.js';

/** A business unit's fields (docs/domain.md, "Business units"); its parent is a uuid in REST, a key in import. */
export const UNIT_FIELD_RULES = {
  key: { type: 'key', required: true },
  name: text(200, { minLength: 1, required: true }),
} satisfies Record<string, FieldRule>;

import { isIsoDate } from '../dates.js';
import { KEY_PATTERN } from '../kinds.js';

/** The largest magnitude of any figure Throughline stores (money, key result values, effort): 10¹⁵. */
export const MAX_AMOUNT = 1e15;

/** Money has at most two decimals (refused, never rounded); other figures six (docs/domain.md). */
export const MONEY_DECIMALS = 2;
export const FIGURE_DECIMALS = 6;

/**
 * One field's rule, whatever the way in (REST, import, the web form): its type, limits and
 * whether it may be left out or cleared with null. Framework-free: the API builds its
 * class-validator and OpenAPI metadata from it, the interchange validation and the web form
 * call `checkField`.
 */
export type FieldRule = (
  | { type: 'text'; minLength: number; maxLength: number }
  | { type: 'number'; min: number; max: number; decimals: number }
  | { type: 'integer'; min: number; max: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'date' }
  | { type: 'key' }
  | { type: 'uuid' }
  | { type: 'tags'; maxItems: number; minLength: number; maxLength: number }
  /** A list of distinct ids (REST) or keys (import) of other things, e.g. an objective's accountable units. */
  | { type: 'list'; of: 'uuid' | 'key'; maxItems: number }
) & {
  /** Must be given (create, import): leaving it out is a problem. */
  required?: boolean;
  /** May be cleared with an explicit null. */
  nullable?: boolean;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const KEY_MESSAGE =
  'must be a key of 1–40 letters, digits, dots, underscores or hyphens, starting with a letter or digit';

/** What the rule asks for, as the end of a sentence: "must be text of 1–300 characters". */
export function ruleText(rule: FieldRule): string {
  switch (rule.type) {
    case 'text':
      return `must be text of ${rule.minLength}–${rule.maxLength} characters${rule.nullable ? ' or null' : ''}`;
    case 'number':
      return `must be a number from ${rule.min} to ${rule.max} with at most ${rule.decimals} decimals`;
    case 'integer':
      return `must be a whole number from ${rule.min} to ${rule.max}`;
    case 'enum':
      return `must be one of ${rule.values.join(', ')}`;
    case 'date':
      return `must be a date written YYYY-MM-DD`;
    case 'key':
      return KEY_MESSAGE;
    case 'uuid':
      return `must be a UUID`;
    case 'tags':
      return `must be a list of at most ${rule.maxItems} tags of ${rule.minLength}–${rule.maxLength} characters`;
    case 'list':
      return `must be a list of at most ${rule.maxItems} distinct ${rule.of === 'uuid' ? 'UUIDs' : 'keys'}`;
  }
}

/**
 * The problem with `value` under `rule`, or undefined when it is fine. `undefined` means left
 * out: a problem only when the rule is required. Total on any input: never throws.
 */
export function checkField(rule: FieldRule, value: unknown): string | undefined {
  if (value === undefined) return rule.required ? 'is required' : undefined;
  if (value === null) return rule.nullable ? undefined : ruleText(rule);
  return fits(rule, value) ? undefined : ruleText(rule);
}

function fits(rule: FieldRule, value: unknown): boolean {
  switch (rule.type) {
    case 'text':
      return typeof value === 'string' && value.length >= rule.minLength && value.length <= rule.maxLength;
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= rule.min &&
        value <= rule.max &&
        decimalPlaces(value) <= rule.decimals
      );
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= rule.min && value <= rule.max;
    case 'enum':
      return typeof value === 'string' && rule.values.includes(value);
    case 'date':
      return isIsoDate(value);
    case 'key':
      return typeof value === 'string' && KEY_PATTERN.test(value);
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'tags':
      return (
        Array.isArray(value) &&
        value.length <= rule.maxItems &&
        value.every((t) => typeof t === 'string' && t.length >= rule.minLength && t.length <= rule.maxLength)
      );
    case 'list':
      return (
        Array.isArray(value) &&
        value.length <= rule.maxItems &&
        new Set(value).size === value.length &&
        value.every((t) => typeof t === 'string' && (rule.of === 'uuid' ? UUID : KEY_PATTERN).test(t))
      );
  }
}

/** Decimal places of a number however JavaScript writes it (0.1, 123.45, 5e-324, 1e+21). */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent] = value.toExponential().split('e');
  return Math.max(0, (mantissa.split('.')[1] ?? '').length - Number(exponent));
}

/** Helpers for the tables. */
export const text = (maxLength: number, extra: Partial<FieldRule> & { minLength?: number } = {}): FieldRule =>
  ({ type: 'text', minLength: 0, maxLength, ...extra }) as FieldRule;
export const money = (extra: Partial<FieldRule> = {}): FieldRule =>
  ({ type: 'number', min: 0, max: MAX_AMOUNT, decimals: MONEY_DECIMALS, nullable: true, ...extra }) as FieldRule;
export const figure = (min = -MAX_AMOUNT, max = MAX_AMOUNT, extra: Partial<FieldRule> = {}): FieldRule =>
  ({ type: 'number', min, max, decimals: FIGURE_DECIMALS, nullable: true, ...extra }) as FieldRule;
export const oneOf = (values: readonly string[], extra: Partial<FieldRule> = {}): FieldRule =>
  ({ type: 'enum', values, ...extra }) as FieldRule;

import type { InterchangeError, InterchangeResult } from '../interchange-validation.js';
import { checkField, type FieldRule } from '../shapes/field-rules.js';

// The interchange validation's problem list: collected with their JSON paths, 500 at most.

export const MAX_ERRORS = 500;

export type Json = Record<string, unknown>;

/** Thrown by the collector at the first problem past MAX_ERRORS, to stop checking. */
export class TooManyProblems extends Error {}

export class Collector {
  private readonly errors: InterchangeError[] = [];
  count = 0;

  add(path: string, message: string, alsoAt?: string) {
    this.count++;
    if (this.errors.length >= MAX_ERRORS) throw new TooManyProblems();
    this.errors.push(alsoAt ? { path, message, alsoAt } : { path, message });
  }

  result(): InterchangeResult {
    return { ok: false, errors: this.errors, truncated: this.count > this.errors.length };
  }
}

export function list(input: Json, field: string, errors: Collector): unknown[] {
  const value = input[field];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors.add(`$.${field}`, 'must be a list');
    return [];
  }
  return value;
}

/** One field against its rule (shapes/), reported at its path. */
export function field(object: Json, name: string, rule: FieldRule, path: string, errors: Collector) {
  const problem = checkField(rule, object[name]);
  if (problem !== undefined) errors.add(`${path}.${name}`, problem);
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

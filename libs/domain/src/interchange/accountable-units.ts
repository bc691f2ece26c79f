import { kindWithArticle, type NodeKind } from '../kinds.js';
import { checkField } from '../shapes/field-rules.js';
import { ACCOUNTABLE_UNITS_RULES } from '../shapes/node-shape.js';
import type { Collector, Json } from './problems.js';

/** `accountableUnits`: objectives only, distinct keys of units in the document or the organisation. */
export function checkAccountableUnits(
  node: Json,
  kind: NodeKind | undefined,
  unitKeys: Set<string>,
  path: string,
  errors: Collector,
) {
  const value = node.accountableUnits;
  if (value === undefined) return;
  const problem = checkField(ACCOUNTABLE_UNITS_RULES.accountableUnits, value);
  if (problem) return errors.add(`${path}.accountableUnits`, problem);
  const keys = value as string[];
  if (keys.length && kind && kind !== 'objective') {
    return errors.add(`${path}.accountableUnits`, `applies to objectives only, not to ${kindWithArticle(kind)}`);
  }
  keys.forEach((key, j) => {
    if (!unitKeys.has(key)) {
      errors.add(
        `${path}.accountableUnits[${j}]`,
        `no business unit with key ${JSON.stringify(key)} in the document or the organisation`,
      );
    }
  });
}

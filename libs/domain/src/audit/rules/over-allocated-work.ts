import { finding, label, type AuditRule } from '../finding.js';

/** Weights are shares of a work item's effort; more than 100 in total promises more than the item has. */
const EPSILON = 1e-9;

/**
 * A work item whose approved `contributes_to` weights add up to more than 100 (a missing weight
 * counts 0). The path is the item and then what it contributes to, in key order.
 */
export const overAllocatedWork: AuditRule = {
  id: 'over-allocated-work',
  severity: 'warning',
  description: 'A work item whose contributes_to weights add up to more than 100 (a missing weight counts 0).',
  settings: [],
  run(context) {
    const { index } = context;
    const { offsets, targets, weights } = index.contributionsOut;
    const found = [];
    for (let i = 0; i < index.size; i++) {
      if (!index.isWork[i] || offsets[i + 1] - offsets[i] < 2) continue;
      let total = 0;
      for (let e = offsets[i]; e < offsets[i + 1]; e++) total += Number.isNaN(weights[e]) ? 0 : weights[e];
      if (total <= 100 + EPSILON) continue;
      const served = Array.from(targets.subarray(offsets[i], offsets[i + 1]));
      const shown = Math.round(total * 100) / 100;
      found.push(
        finding(
          context,
          this,
          [i],
          [i, ...served],
          `${label(index, i)} gives ${shown}% of its effort across ${served.length} contributions, more than 100%.`,
        ),
      );
    }
    return found;
  },
};

import { finding, isActive, label, type AuditRule } from '../finding.js';

/** An active objective that rests on a single work item: if it slips, the objective has nothing left. */
export const singlePointOfFailure: AuditRule = {
  id: 'single-point-of-failure',
  severity: 'warning',
  description: 'An active objective whose delivery is exactly one work item.',
  settings: [],
  run(context) {
    const { index } = context;
    const found = [];
    for (let i = 0; i < index.size; i++) {
      if (index.node(i).kind !== 'objective' || !isActive(index, i)) continue;
      const delivery = index.delivery(i);
      if (delivery.length !== 1) continue;
      const only = delivery[0];
      const path = index.pathsDown(i, [only]).get(only)!;
      found.push(
        finding(context, this, [i], path, `${label(index, i)} rests on one work item: ${label(index, only)}.`),
      );
    }
    return found;
  },
};

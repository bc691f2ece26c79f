import { finding, isActive, label, type AuditRule } from '../finding.js';

/** An active objective that no active work moves, directly or through its key results and child objectives. */
export const objectiveWithoutDelivery: AuditRule = {
  id: 'objective-without-delivery',
  severity: 'error',
  description: 'An active objective whose delivery is empty: no active work item in its chain moves it.',
  settings: [],
  run(context) {
    const { index } = context;
    const found = [];
    for (let i = 0; i < index.size; i++) {
      if (index.node(i).kind !== 'objective' || !isActive(index, i)) continue;
      if (index.delivery(i).length > 0) continue;
      found.push(
        finding(context, this, [i], [i], `${label(index, i)} has no active work in its chain: nothing delivers it.`),
      );
    }
    return found;
  },
};

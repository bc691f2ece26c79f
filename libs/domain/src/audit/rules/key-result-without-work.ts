import { finding, isActive, label, type AuditRule } from '../finding.js';

/** An active key result that no active work moves. */
export const keyResultWithoutWork: AuditRule = {
  id: 'key-result-without-work',
  severity: 'warning',
  description: 'An active key result whose delivery is empty: no active work item in its chain moves it.',
  settings: [],
  run(context) {
    const { index } = context;
    const found = [];
    for (let i = 0; i < index.size; i++) {
      if (index.node(i).kind !== 'key_result' || !isActive(index, i)) continue;
      if (index.delivery(i).length > 0) continue;
      found.push(finding(context, this, [i], [i], `${label(index, i)} has no active work moving it.`));
    }
    return found;
  },
};

import { finding, label, type AuditRule } from '../finding.js';

/** Active work that serves no active objective: money and effort outside the strategy. */
export const orphanWork: AuditRule = {
  id: 'orphan-work',
  severity: 'warning',
  description: 'An active work item that is in the delivery of no active objective.',
  settings: [],
  run(context) {
    const { index } = context;
    const aligned = index.alignedWork();
    const found = [];
    for (let i = 0; i < index.size; i++) {
      if (!index.isActiveWork[i] || aligned[i]) continue;
      found.push(
        finding(context, this, [i], [i], `${label(index, i)} is active but its chain reaches no active objective.`),
      );
    }
    return found;
  },
};

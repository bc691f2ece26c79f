import { finding, isActive, label, type AuditRule } from '../finding.js';

/**
 * Work that ends after the objective it delivers is due: one finding per (objective, work item)
 * pair, the path being the chain from the objective down to the late item.
 */
export const timelineMismatch: AuditRule = {
  id: 'timeline-mismatch',
  severity: 'warning',
  description: 'A pair of an active objective with a target date and a work item in its delivery that ends later.',
  settings: [],
  run(context) {
    const { index } = context;
    const found = [];
    for (let i = 0; i < index.size; i++) {
      const objective = index.node(i);
      const due = objective.targetDate;
      if (objective.kind !== 'objective' || !isActive(index, i) || !due) continue;
      const late = Array.from(index.delivery(i)).filter((j) => {
        const end = index.node(j).endDate;
        return !!end && end > due;
      });
      if (late.length === 0) continue;
      const paths = index.pathsDown(i, late);
      for (const j of late) {
        found.push(
          finding(
            context,
            this,
            [i, j],
            paths.get(j)!,
            `${label(index, j)} ends on ${index.node(j).endDate}, after ${label(index, i)} is due (${due}).`,
          ),
        );
      }
    }
    return found;
  },
};

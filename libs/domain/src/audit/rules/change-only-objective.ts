import { isChangeKind } from '../../kinds.js';
import { finding, isActive, label, plural, type AuditRule } from '../finding.js';

/**
 * An objective only projects and programmes deliver: nothing in the running business (BAU) or
 * the value assets carries it once the change work ends. The path is the objective, then its delivery.
 */
export const changeOnlyObjective: AuditRule = {
  id: 'change-only-objective',
  severity: 'info',
  description:
    'An active objective whose delivery is not empty and holds only projects and programmes (no BAU, no asset).',
  settings: [],
  run(context) {
    const { index } = context;
    const found = [];
    for (let i = 0; i < index.size; i++) {
      if (index.node(i).kind !== 'objective' || !isActive(index, i)) continue;
      const delivery = Array.from(index.delivery(i));
      if (delivery.length === 0 || !delivery.every((j) => isChangeKind(index.node(j).kind))) continue;
      found.push(
        finding(
          context,
          this,
          [i],
          [i, ...delivery],
          `${label(index, i)} is delivered only by change work (${plural(delivery.length, 'project or programme', 'projects and programmes')}); no BAU activity or value asset carries it.`,
        ),
      );
    }
    return found;
  },
};

import { isStrategyKind } from '../../kinds.js';
import { finding, isActive, label, plural, type AuditRule } from '../finding.js';

/**
 * A strategy node reported green while at least half of the work delivering it is red. The path is
 * the red delivery items, in key order: if that set changes, so does the problem (and a waiver lapses).
 */
export const healthMismatch: AuditRule = {
  id: 'health-mismatch',
  severity: 'warning',
  description:
    'An active theme, objective or key result reported green whose delivery is not empty and at least half of it is red.',
  settings: [],
  run(context) {
    const { index } = context;
    const found = [];
    for (let i = 0; i < index.size; i++) {
      const node = index.node(i);
      if (!isStrategyKind(node.kind) || !isActive(index, i) || node.health !== 'green') continue;
      const delivery = index.delivery(i);
      if (delivery.length === 0) continue;
      const red = Array.from(delivery).filter((j) => index.node(j).health === 'red');
      if (red.length * 2 < delivery.length) continue;
      found.push(
        finding(
          context,
          this,
          [i],
          red,
          `${label(index, i)} is reported green but ${red.length} of the ${plural(delivery.length, 'work item')} delivering it are red.`,
        ),
      );
    }
    return found;
  },
};

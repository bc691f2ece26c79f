import { finding, label, type AuditRule } from '../finding.js';

/** Every node that is still open needs one accountable person. */
export const missingOwner: AuditRule = {
  id: 'missing-owner',
  severity: 'warning',
  description: 'A node that is not done or cancelled and has no owner.',
  settings: [],
  run(context) {
    const { index } = context;
    const found = [];
    for (let i = 0; i < index.size; i++) {
      const node = index.node(i);
      if (node.hasOwner || node.status === 'done' || node.status === 'cancelled') continue;
      found.push(finding(context, this, [i], [i], `${label(index, i)} has no owner.`));
    }
    return found;
  },
};

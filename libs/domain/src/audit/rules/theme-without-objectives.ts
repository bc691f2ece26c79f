import { finding, isActive, label, type AuditRule } from '../finding.js';

/** A theme nothing pursues: no objective contributes to it directly (whatever the objective's status). */
export const themeWithoutObjectives: AuditRule = {
  id: 'theme-without-objectives',
  severity: 'warning',
  description: 'An active theme with no objective contributing to it directly.',
  settings: [],
  run(context) {
    const { index } = context;
    const { offsets, targets } = index.contributorsIn;
    const found = [];
    for (let i = 0; i < index.size; i++) {
      if (index.node(i).kind !== 'theme' || !isActive(index, i)) continue;
      let pursued = false;
      for (let e = offsets[i]; e < offsets[i + 1] && !pursued; e++) {
        pursued = index.node(targets[e]).kind === 'objective';
      }
      if (!pursued) found.push(finding(context, this, [i], [i], `${label(index, i)} has no objective.`));
    }
    return found;
  },
};

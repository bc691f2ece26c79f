import { finding, isActive, label, type AuditRule } from '../finding.js';

/** An objective nobody measures: no key result contributes to it directly (whatever the key result's status). */
export const objectiveWithoutKeyResults: AuditRule = {
  id: 'objective-without-key-results',
  severity: 'info',
  description: 'An active objective with no key result contributing to it directly.',
  settings: [],
  run(context) {
    const { index } = context;
    const { offsets, targets } = index.contributorsIn;
    const found = [];
    for (let i = 0; i < index.size; i++) {
      if (index.node(i).kind !== 'objective' || !isActive(index, i)) continue;
      let measured = false;
      for (let e = offsets[i]; e < offsets[i + 1] && !measured; e++) {
        measured = index.node(targets[e]).kind === 'key_result';
      }
      if (!measured) found.push(finding(context, this, [i], [i], `${label(index, i)} has no key result.`));
    }
    return found;
  },
};

import type { AuditRule } from '../finding.js';
import { withoutDirectContributor } from './without-direct-contributor.js';

/** An objective nobody measures: no key result contributes to it directly (whatever the key result's status). */
export const objectiveWithoutKeyResults: AuditRule = {
  id: 'objective-without-key-results',
  severity: 'info',
  description: 'An active objective with no key result contributing to it directly.',
  settings: [],
  run(context) {
    return withoutDirectContributor(context, this, 'objective', 'key_result', (node) => `${node} has no key result.`);
  },
};

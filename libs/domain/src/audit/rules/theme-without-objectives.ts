import type { AuditRule } from '../finding.js';
import { withoutDirectContributor } from './without-direct-contributor.js';

/** A theme nothing pursues: no objective contributes to it directly (whatever the objective's status). */
export const themeWithoutObjectives: AuditRule = {
  id: 'theme-without-objectives',
  severity: 'warning',
  description: 'An active theme with no objective contributing to it directly.',
  settings: [],
  run(context) {
    return withoutDirectContributor(context, this, 'theme', 'objective', (node) => `${node} has no objective.`);
  },
};

import { LINK_KIND_LABELS } from '../../links.js';
import { finding, label, type AuditRule } from '../finding.js';
import { daysInMs } from '../../dates.js';

/**
 * A proposed link nobody has decided on: created more than the organisation's limit ago (default
 * 14 days, measured to the millisecond, so a link exactly 14 days old is not yet dangling).
 */
export const danglingProposal: AuditRule = {
  id: 'dangling-proposal',
  severity: 'info',
  description: 'A proposed link created more than the organisation’s limit (default 14 days) ago.',
  settings: ['danglingProposalDays'],
  run(context) {
    const { index, settings, now } = context;
    const limit = daysInMs(settings.danglingProposalDays);
    const found = [];
    for (const { from, to, link } of index.proposed) {
      if (!link.createdAt) continue;
      const age = now.getTime() - Date.parse(link.createdAt);
      if (age <= limit) continue;
      found.push(
        finding(
          context,
          this,
          [from, to],
          [from, to],
          `The proposal that ${label(index, from)} ${LINK_KIND_LABELS[link.kind]} ${label(index, to)} has waited ${Math.floor(age / daysInMs(1))} days for a decision.`,
          link.kind,
        ),
      );
    }
    return found;
  },
};

import { finding, isActive, label, type AuditRule } from '../finding.js';
import { daysBetween, utcDate } from '../../dates.js';

/**
 * A key result nobody has measured lately. Its age is counted in whole calendar days (UTC) from
 * its newest check-in, or from its creation when it has none; it is stale when the age is *more*
 * than the organisation's limit, so a check-in exactly 30 days old is still fresh.
 */
export const staleKeyResult: AuditRule = {
  id: 'stale-key-result',
  severity: 'warning',
  description:
    "An active key result whose newest check-in (or, with none, its creation) is older than the organisation's limit.",
  settings: ['staleCheckInDays'],
  run(context) {
    const { index, settings, today } = context;
    const found = [];
    for (let i = 0; i < index.size; i++) {
      const node = index.node(i);
      if (node.kind !== 'key_result' || !isActive(index, i)) continue;
      const since = node.lastCheckInAt ?? utcDate(node.createdAt);
      const age = daysBetween(since, today);
      if (age <= settings.staleCheckInDays) continue;
      const what = node.lastCheckInAt ? `its last check-in was on ${since}` : `it has had no check-in since ${since}`;
      found.push(
        finding(
          context,
          this,
          [i],
          [i],
          `${label(index, i)} is stale: ${what}, ${age} days ago (limit ${settings.staleCheckInDays}).`,
        ),
      );
    }
    return found;
  },
};

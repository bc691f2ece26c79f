import type { AuditRuleId } from '@throughline/domain';

/** The audit's rules in a PMO lead's words (docs/domain.md, "The audit"). */
export const RULE_LABELS: Record<AuditRuleId, string> = {
  'objective-without-delivery': 'Objectives with no delivery',
  'key-result-without-work': 'Key results with no work',
  'orphan-work': 'Work serving no objective',
  'missing-owner': 'No owner',
  'objective-without-key-results': 'Objectives without key results',
  'theme-without-objectives': 'Themes without objectives',
  'dependency-cycle': 'Dependency cycles',
  'unapproved-cross-unit-dependency': 'Unapproved cross-unit dependencies',
  'single-point-of-failure': 'Single points of failure',
  'stale-key-result': 'Stale key results',
  'health-mismatch': 'Health reported green, delivery red',
  'timeline-mismatch': 'Delivery ends after the target date',
  'over-allocated-work': 'Work weighted over 100%',
  'change-only-objective': 'Objectives delivered by change alone',
  'dangling-proposal': 'Proposals waiting over 14 days',
};

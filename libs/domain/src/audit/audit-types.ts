/**
 * The audit's vocabulary (DOMAIN.md, "The audit") and the shapes the API answers with.
 * Rule logic lives beside this file, one small unit per rule.
 */
export const AUDIT_SEVERITIES = ['error', 'warning', 'info'] as const;
export type AuditSeverity = (typeof AUDIT_SEVERITIES)[number];

export const AUDIT_RULE_IDS = [
  'objective-without-delivery',
  'key-result-without-work',
  'orphan-work',
  'missing-owner',
  'objective-without-key-results',
  'theme-without-objectives',
  'dependency-cycle',
  'unapproved-cross-unit-dependency',
  'single-point-of-failure',
  'stale-key-result',
  'health-mismatch',
  'timeline-mismatch',
  'over-allocated-work',
  'change-only-objective',
  'dangling-proposal',
] as const;
export type AuditRuleId = (typeof AUDIT_RULE_IDS)[number];

export interface AuditFinding {
  /** Stable across runs for the same rule and nodes, so a waiver can name it. */
  id: string;
  rule: AuditRuleId;
  severity: AuditSeverity;
  /** The nodes the finding is about: the one node the rule names, both ends of a pair, every member of a cycle. */
  nodeIds: string[];
  nodeKeys: string[];
  message: string;
  /** The chain of node keys that explains the finding. */
  path: string[];
}

export interface AuditSummary {
  error: number;
  warning: number;
  info: number;
}

export interface AuditReport {
  generatedAt: string;
  summary: AuditSummary;
  findings: AuditFinding[];
}

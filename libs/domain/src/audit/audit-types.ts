/**
 * The audit's vocabulary (docs/domain.md, "The audit") and the shapes the API answers with.
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

/** The organisation's adjustable limits (stored in `organisations.settings.audit`; a PMO changes them). */
export interface AuditSettings {
  /** `stale-key-result`: a key result whose newest check-in is older than this many days is stale. */
  staleCheckInDays: number;
  /** `dangling-proposal`: a proposed link older than this many days is dangling. */
  danglingProposalDays: number;
}

export const DEFAULT_AUDIT_SETTINGS: AuditSettings = { staleCheckInDays: 30, danglingProposalDays: 14 };

/** The bounds the API accepts for each setting (whole days). */
export const AUDIT_SETTING_LIMITS: Record<keyof AuditSettings, { min: number; max: number }> = {
  staleCheckInDays: { min: 1, max: 3650 },
  danglingProposalDays: { min: 1, max: 3650 },
};

/**
 * Settings as stored (`organisations.settings.audit`, a jsonb shared with other settings), with
 * the default for anything missing, not a whole number, or out of bounds.
 */
export function auditSettingsFrom(stored: unknown): AuditSettings {
  const given = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const settings = { ...DEFAULT_AUDIT_SETTINGS };
  for (const name of Object.keys(DEFAULT_AUDIT_SETTINGS) as (keyof AuditSettings)[]) {
    const value = given[name];
    const { min, max } = AUDIT_SETTING_LIMITS[name];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) settings[name] = value;
  }
  return settings;
}

/** One rule as `GET /api/audit/rules` lists it, with the settings that rule reads. */
export interface AuditRuleInfo {
  id: AuditRuleId;
  severity: AuditSeverity;
  description: string;
  settings: Partial<AuditSettings>;
}

export interface AuditRulesView {
  settings: AuditSettings;
  rules: AuditRuleInfo[];
}

/**
 * A PMO's decision to accept a finding for a while. It applies to the finding with the same
 * `findingId` while the finding's `path` is unchanged and until (and including) `expiresOn`.
 */
export interface AuditWaiver {
  id: string;
  findingId: string;
  rule: AuditRuleId;
  nodeIds: string[];
  /** The finding's path when it was waived: a different path is a different problem. */
  path: string[];
  reason: string;
  /** The last day the waiver applies (YYYY-MM-DD, UTC). */
  expiresOn: string;
  createdBy: string;
  createdAt: string;
}

/** Where a waiver stands against today's audit. */
export type WaiverStanding = 'in_force' | 'expired' | 'path_changed' | 'finding_gone';

export interface AuditWaiverView extends AuditWaiver {
  standing: WaiverStanding;
}

export interface WaivedFinding extends AuditFinding {
  waiver: AuditWaiver;
}

/** `GET /api/audit`: the open findings, and apart from them the findings a waiver in force covers. */
export interface AuditReportWithWaivers extends AuditReport {
  waived: WaivedFinding[];
}

/** The filters of `GET /api/audit`; all optional, combined with AND. */
export interface AuditFilter {
  rule?: AuditRuleId;
  severity?: AuditSeverity;
  /** A business unit id: findings about at least one node of that unit. */
  businessUnit?: string;
  /** Findings about this node. */
  nodeId?: string;
}

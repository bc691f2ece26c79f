import { AUDIT_SEVERITIES, type AuditFinding, type AuditRuleId, type AuditSeverity } from '@throughline/domain';

export interface FindingGroup {
  rule: AuditRuleId;
  severity: AuditSeverity;
  findings: AuditFinding[];
}

const RANK: Record<AuditSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Findings grouped by rule, errors first, then the biggest groups; optionally one severity only. */
export function groupFindings(findings: readonly AuditFinding[], severity?: AuditSeverity): FindingGroup[] {
  const groups = new Map<AuditRuleId, FindingGroup>();
  for (const f of findings) {
    if (severity && f.severity !== severity) continue;
    const group = groups.get(f.rule) ?? { rule: f.rule, severity: f.severity, findings: [] };
    group.findings.push(f);
    groups.set(f.rule, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] || b.findings.length - a.findings.length || a.rule.localeCompare(b.rule),
  );
}

export function countBySeverity(findings: readonly AuditFinding[]): Record<AuditSeverity, number> {
  const counts = Object.fromEntries(AUDIT_SEVERITIES.map((s) => [s, 0])) as Record<AuditSeverity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

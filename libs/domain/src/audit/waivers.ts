import type { AuditFinding, AuditWaiver, AuditWaiverView, WaivedFinding, WaiverStanding } from './audit-types.js';

/**
 * Where a waiver stands against today's findings: it is in force while its finding is still
 * raised with the same path and today is on or before its expiry date. A changed path is a
 * different problem (e.g. another work item went red), so the finding comes back.
 */
export function waiverStanding(waiver: AuditWaiver, finding: AuditFinding | undefined, today: string): WaiverStanding {
  if (!finding) return 'finding_gone';
  if (today > waiver.expiresOn) return 'expired';
  if (!samePath(waiver.path, finding.path)) return 'path_changed';
  return 'in_force';
}

export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/** Splits findings into the open ones and those a waiver in force covers. */
export function applyWaivers(
  findings: readonly AuditFinding[],
  waivers: readonly AuditWaiver[],
  today: string,
): { open: AuditFinding[]; waived: WaivedFinding[] } {
  const byFinding = new Map(waivers.map((w) => [w.findingId, w]));
  const open: AuditFinding[] = [];
  const waived: WaivedFinding[] = [];
  for (const finding of findings) {
    const waiver = byFinding.get(finding.id);
    if (waiver && waiverStanding(waiver, finding, today) === 'in_force') waived.push({ ...finding, waiver });
    else open.push(finding);
  }
  return { open, waived };
}

/** Each waiver with its standing, for the PMO's list of waivers. */
export function describeWaivers(
  waivers: readonly AuditWaiver[],
  findings: readonly AuditFinding[],
  today: string,
): AuditWaiverView[] {
  const byId = new Map(findings.map((f) => [f.id, f]));
  return waivers.map((w) => ({ ...w, standing: waiverStanding(w, byId.get(w.findingId), today) }));
}

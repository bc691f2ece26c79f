import type { AuditFinding } from '@throughline/domain';
import { countBySeverity, groupFindings } from './groupFindings';

const finding = (rule: AuditFinding['rule'], severity: AuditFinding['severity'], key: string): AuditFinding => ({
  id: `${rule}:${key}`,
  rule,
  severity,
  nodeIds: [key],
  nodeKeys: [key],
  message: `${key} ${rule}`,
  path: [key],
});

const findings = [
  finding('missing-owner', 'warning', 'PRJ-1'),
  finding('orphan-work', 'warning', 'PRJ-1'),
  finding('orphan-work', 'warning', 'BAU-2'),
  finding('objective-without-delivery', 'error', 'OBJ-5'),
  finding('change-only-objective', 'info', 'OBJ-2'),
];

describe(groupFindings.name, () => {
  it('groups by rule with errors first, then the largest groups', () => {
    expect(groupFindings(findings).map((g) => [g.rule, g.findings.length])).toEqual([
      ['objective-without-delivery', 1],
      ['orphan-work', 2],
      ['missing-owner', 1],
      ['change-only-objective', 1],
    ]);
  });

  it('keeps only the chosen severity', () => {
    expect(groupFindings(findings, 'warning').map((g) => g.rule)).toEqual(['orphan-work', 'missing-owner']);
  });

  it('counts each severity', () => {
    expect(countBySeverity(findings)).toEqual({ error: 1, warning: 3, info: 1 });
  });
});

import { AUDIT_SEVERITIES, type AuditFinding, type AuditReport, type AuditSeverity } from '@throughline/domain';
import { memo, useMemo } from 'react';
import { countBySeverity, groupFindings } from './groupFindings';
import { RULE_LABELS } from './ruleLabels';
import './audit.css';

interface FindingsPanelProps {
  report: AuditReport | undefined;
  loading: boolean;
  error: string | null;
  severity: AuditSeverity | undefined;
  focusedId: string | null;
  onSeverity: (severity: AuditSeverity | null) => void;
  onPick: (finding: AuditFinding) => void;
  onClose: () => void;
}

/** The audit overlay's list: findings grouped by rule, filterable by severity; a click shows one on the map. */
export const FindingsPanel = memo(function FindingsPanel(props: FindingsPanelProps) {
  const { report, loading, error, severity, focusedId, onSeverity, onPick, onClose } = props;
  const counts = useMemo(() => countBySeverity(report?.findings ?? []), [report]);
  const groups = useMemo(() => groupFindings(report?.findings ?? [], severity), [report, severity]);
  return (
    <aside className="findings-panel" aria-label="Audit findings" data-testid="findings-panel">
      <header className="findings-head">
        <h2>Audit</h2>
        <button type="button" className="btn btn-small" onClick={onClose} aria-label="Close audit">
          ×
        </button>
      </header>
      <div className="severity-filter" role="group" aria-label="Severity">
        <button type="button" className={`chip${!severity ? ' is-active' : ''}`} onClick={() => onSeverity(null)}>
          All {report?.findings.length ?? 0}
        </button>
        {AUDIT_SEVERITIES.map((s) => (
          <button
            key={s}
            type="button"
            className={`chip chip-${s}${severity === s ? ' is-active' : ''}`}
            onClick={() => onSeverity(severity === s ? null : s)}
            aria-pressed={severity === s}
          >
            {s} {counts[s]}
          </button>
        ))}
      </div>
      <div className="findings-body">
        {loading && <p className="muted">Auditing…</p>}
        {error && <p className="field-error">{error}</p>}
        {report && groups.length === 0 && (
          <p className="muted">No findings{severity ? ` of severity ${severity}` : ''}. </p>
        )}
        {groups.map((g) => (
          <details key={g.rule} className={`finding-group severity-${g.severity}`} open data-rule={g.rule}>
            <summary>
              <span className={`sev-dot sev-${g.severity}`} aria-label={g.severity} />
              {RULE_LABELS[g.rule]}
              <span className="count">{g.findings.length}</span>
            </summary>
            <ul>
              {g.findings.map((f) => (
                <li key={f.id}>
                  <button
                    type="button"
                    className={`finding${focusedId === f.id ? ' is-focused' : ''}`}
                    onClick={() => onPick(f)}
                    data-testid="finding"
                    data-rule={f.rule}
                    data-keys={f.nodeKeys.join(' ')}
                  >
                    <span className="finding-keys">{f.nodeKeys.join(', ')}</span>
                    <span className="finding-message">{f.message}</span>
                  </button>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </div>
    </aside>
  );
});

import type { AuditFinding } from '@throughline/domain';
import './map.css';

/** The picked finding over the map: its severity, message and path; × clears it. */
export function FindingBar({ finding, onClear }: { finding: AuditFinding; onClear: () => void }) {
  return (
    <div className="trace-bar finding-bar" role="region" aria-label="Finding">
      <strong className={`sev-${finding.severity}`}>{finding.severity}</strong>
      <span>{finding.message}</span>
      {finding.path.length > 1 && <span className="muted">{finding.path.join(' › ')}</span>}
      <button type="button" className="btn btn-small" onClick={onClear} aria-label="Clear finding">
        ×
      </button>
    </div>
  );
}

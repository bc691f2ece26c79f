import type { AuditFinding } from '@throughline/domain';
import './map.css';

/** The picked finding over the map: its severity, message and path; Waive… (a PMO's) and × to clear it. */
export function FindingBar({
  finding,
  onClear,
  onWaive,
}: {
  finding: AuditFinding;
  onClear: () => void;
  /** Offered to a role that may waive findings. */
  onWaive?: () => void;
}) {
  return (
    <div className="trace-bar finding-bar" role="region" aria-label="Finding">
      <strong className={`sev-${finding.severity}`}>{finding.severity}</strong>
      <span>{finding.message}</span>
      {finding.path.length > 1 && <span className="muted">{finding.path.join(' › ')}</span>}
      {onWaive && (
        <button type="button" className="btn btn-small" onClick={onWaive} data-testid="waive">
          Waive…
        </button>
      )}
      <button type="button" className="btn btn-small" onClick={onClear} aria-label="Clear finding">
        ×
      </button>
    </div>
  );
}

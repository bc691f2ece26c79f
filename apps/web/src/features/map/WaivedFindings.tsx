import type { AuditFinding, WaivedFinding } from '@throughline/domain';
import { useFormat } from '../../ui/format';
import './map.css';

/**
 * Findings under a waiver in force: greyed, apart from the open ones, behind a toggle — who waived
 * each, until when and why; a PMO can unwaive (the finding is open again) or show it on the map.
 */
export function WaivedFindings({
  waived,
  canUnwaive,
  onShow,
  onUnwaive,
}: {
  waived: readonly WaivedFinding[];
  canUnwaive: boolean;
  onShow: (finding: AuditFinding) => void;
  onUnwaive: (finding: WaivedFinding) => void;
}) {
  const format = useFormat();
  if (waived.length === 0) return null;
  return (
    <details className="waived-findings" data-testid="waived-findings">
      <summary>
        Show waived findings <span className="count">{waived.length}</span>
      </summary>
      <ul>
        {waived.map((f) => (
          <li key={f.id} className="waived-finding" data-testid="waived-finding" data-keys={f.nodeKeys.join(',')}>
            <button type="button" className="waived-message" onClick={() => onShow(f)}>
              {f.message}
            </button>
            <span className="muted">
              Waived by {f.waiver.createdBy} until {format.date(f.waiver.expiresOn)}: “{f.waiver.reason}”
            </span>
            {canUnwaive && (
              <button type="button" className="btn btn-small" onClick={() => onUnwaive(f)}>
                Unwaive
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

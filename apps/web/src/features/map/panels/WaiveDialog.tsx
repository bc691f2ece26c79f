import { addDays, todayIso, type AuditFinding } from '@throughline/domain';
import { useState } from 'react';
import { Modal } from '../../../ui/Modal';
import './panels.css';
import './menus.css';

/**
 * Waive a finding: a PMO accepts it for a while, with a reason. The expiry defaults to 90 days
 * ahead; the waiver lapses by itself after it, or when the finding's path changes (docs/domain.md).
 */
export function WaiveDialog({
  finding,
  busy,
  onWaive,
  onCancel,
}: {
  finding: AuditFinding;
  busy: boolean;
  onWaive: (reason: string, expiresOn: string) => void;
  onCancel: () => void;
}) {
  const today = todayIso();
  const [reason, setReason] = useState('');
  const [expiresOn, setExpiresOn] = useState(addDays(today, 90));
  const ok = reason.trim().length > 0 && expiresOn >= today;
  return (
    <Modal
      title="Waive this finding"
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!ok || busy}
            onClick={() => onWaive(reason.trim(), expiresOn)}
            data-testid="waive-submit"
          >
            {busy ? 'Waiving…' : 'Waive'}
          </button>
        </>
      }
    >
      <div className="link-dialog">
        <p>{finding.message}</p>
        <label className="field">
          Why it is accepted for now (the audit shows this to everyone)
          <textarea
            rows={3}
            maxLength={2000}
            value={reason}
            data-autofocus
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <label className="field">
          Until (the last day it applies)
          <input type="date" min={today} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
        </label>
      </div>
    </Modal>
  );
}

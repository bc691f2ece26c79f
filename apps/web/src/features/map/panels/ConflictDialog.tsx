import type { NodeRecord } from '@throughline/domain';
import { Modal } from '../../../ui/Modal';
import { COMMON_FIELDS, kindFieldSpecs, toFormValues, type FieldName, type FormValues } from './nodeForm';
import './panels.css';

interface ConflictDialogProps {
  base: NodeRecord;
  theirs: NodeRecord;
  mine: FormValues;
  changed: FieldName[];
  busy: boolean;
  onKeepEditing: () => void;
  onLoadTheirs: () => void;
  onOverwrite: () => void;
}

/**
 * A save met a newer version. Says who changed the node and when, sets the fields you changed
 * beside theirs, and lets you choose: take theirs (your edits are dropped, knowingly), or write
 * yours over theirs (only the fields you changed; their other changes stay). Nothing is lost silently.
 */
export function ConflictDialog({
  base,
  theirs,
  mine,
  changed,
  busy,
  onKeepEditing,
  onLoadTheirs,
  onOverwrite,
}: ConflictDialogProps) {
  const theirValues = toFormValues(theirs);
  const baseValues = toFormValues(base);
  const specs = [...COMMON_FIELDS, ...kindFieldSpecs(theirs.kind)];
  const label = (name: FieldName) => specs.find((s) => s.name === name)?.label ?? name;
  const theyChanged = specs
    .map((s) => s.name)
    .filter((n) => !changed.includes(n) && (theirValues[n] ?? '') !== (baseValues[n] ?? ''));
  const when = new Date(theirs.updatedAt).toLocaleString();

  return (
    <Modal
      title="Someone else saved this node"
      tone="warning"
      onClose={onKeepEditing}
      actions={
        <>
          <button type="button" className="btn" onClick={onKeepEditing} data-autofocus>
            Keep editing
          </button>
          <button type="button" className="btn" onClick={onLoadTheirs} disabled={busy}>
            Reload theirs
          </button>
          <button type="button" className="btn btn-warning" onClick={onOverwrite} disabled={busy}>
            {busy ? 'Saving…' : 'Overwrite with mine'}
          </button>
        </>
      }
    >
      <p data-testid="conflict-who">
        <strong>{theirs.updatedBy}</strong> changed {theirs.key} at {when} (version {theirs.version}; you started from
        version {base.version}).
      </p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th>Field</th>
            <th>Yours</th>
            <th>Theirs</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((name) => (
            <tr key={name} className={(mine[name] ?? '') === (theirValues[name] ?? '') ? 'is-same' : 'is-different'}>
              <th>{label(name)}</th>
              <td>{mine[name] || '—'}</td>
              <td>{theirValues[name] || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {theyChanged.length > 0 && (
        <p className="muted">They also changed {theyChanged.map(label).join(', ')}; overwriting keeps those.</p>
      )}
    </Modal>
  );
}

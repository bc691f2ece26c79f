import { useState, type FormEvent } from 'react';
import { useDeleteOkrCycle, useSaveOkrCycle, type OkrCycle } from '../../api/okrs.queries';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';

/** A PMO's or admin's list of the OKR cycles: define one (name, first and last day), change its days, delete it. */
export function CyclesManager({ cycles }: { cycles: OkrCycle[] }) {
  const format = useFormat();
  const toast = useToast();
  const save = useSaveOkrCycle();
  const remove = useDeleteOkrCycle();
  const [editing, setEditing] = useState<OkrCycle | 'new' | null>(null);
  return (
    <details className="card okr-cycles" data-testid="okr-cycles-manager">
      <summary>Manage cycles</summary>
      {cycles.length === 0 ? (
        <p className="muted">No cycle yet. A cycle is a period, such as a quarter, that key results belong to.</p>
      ) : (
        <ul className="okr-cycle-list">
          {cycles.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong> {format.date(c.startsOn)} to {format.date(c.endsOn)} ·{' '}
              {c.keyResults === 1 ? '1 key result' : `${c.keyResults} key results`}
              <button type="button" className="btn btn-small" onClick={() => setEditing(c)}>
                Change
              </button>
              <button
                type="button"
                className="btn btn-small"
                disabled={remove.isPending}
                onClick={() => {
                  if (!window.confirm(`Delete ${c.name}? Its key results stay, in no cycle.`)) return;
                  remove.mutate(c.id, {
                    onSuccess: () => toast(`${c.name} deleted`, 'success'),
                    onError: (e) => toast(describeError(e), 'error'),
                  });
                }}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <CycleForm
          cycle={editing === 'new' ? null : editing}
          pending={save.isPending}
          onCancel={() => setEditing(null)}
          onSave={(input) =>
            save.mutate(
              { id: editing === 'new' ? null : editing.id, input },
              {
                onSuccess: (saved) => {
                  toast(`${saved.name} saved`, 'success');
                  setEditing(null);
                },
                onError: (e) => toast(describeError(e), 'error'),
              },
            )
          }
        />
      ) : (
        <button type="button" className="btn btn-small btn-primary" onClick={() => setEditing('new')}>
          New cycle
        </button>
      )}
    </details>
  );
}

function CycleForm(props: {
  cycle: OkrCycle | null;
  pending: boolean;
  onSave: (input: { name: string; startsOn: string; endsOn: string }) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(props.cycle?.name ?? '');
  const [startsOn, setStartsOn] = useState(props.cycle?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(props.cycle?.endsOn ?? '');
  const backwards = startsOn !== '' && endsOn !== '' && endsOn < startsOn;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSave({ name: name.trim(), startsOn, endsOn });
  };
  return (
    <form className="form-row" onSubmit={submit} aria-label={props.cycle ? `Change ${props.cycle.name}` : 'New cycle'}>
      <label className="field">
        <span className="field-label">Name</span>
        <input required maxLength={50} placeholder="2027 Q1" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">First day</span>
        <input type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Last day</span>
        <input type="date" required value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
      </label>
      {backwards && (
        <p className="form-error" role="alert">
          The last day must be on or after the first.
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={props.pending || backwards || !name.trim()}>
        Save cycle
      </button>
      <button type="button" className="btn" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

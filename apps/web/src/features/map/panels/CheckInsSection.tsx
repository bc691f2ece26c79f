import { useQuery } from '@tanstack/react-query';
import type { NodeRecord } from '@throughline/domain';
import { useState, type FormEvent } from 'react';
import { checkInsQuery, useAddCheckIn } from '../../../api/nodes.queries';
import { useToast } from '../../../ui/toast';
import { useCan } from '../../auth/useCan';
import './panels.css';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A key result's check-ins, newest first, and a form to record the next one for who may check in
 * (pmo/admin, or a contributor named as its owner — as the API decides); others read them.
 */
export function CheckInsSection({ node }: { node: NodeRecord }) {
  const { canCheckIn } = useCan();
  const checkIns = useQuery(checkInsQuery(node.id));
  const add = useAddCheckIn(node.id);
  const toast = useToast();
  const [value, setValue] = useState('');
  const [at, setAt] = useState(today);
  const [confidence, setConfidence] = useState('');
  const [note, setNote] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { value: Number(value), at, confidence: confidence === '' ? null : Number(confidence), note },
      {
        onSuccess: () => {
          setValue('');
          setNote('');
          toast(`Check-in recorded for ${node.key}`, 'success');
        },
        onError: (error) => toast(error.message, 'error'),
      },
    );
  };
  const valid = value.trim() !== '' && Number.isFinite(Number(value));

  return (
    <div className="check-ins">
      <p className="muted">
        Baseline {node.baseline ?? '—'} → target {node.target ?? '—'} {node.unit ?? ''} · now {node.current ?? '—'}
      </p>
      {!canCheckIn(node) ? (
        <p className="read-only-reason" role="note" data-testid="check-in-reason">
          Only a PMO lead, an admin or this key result’s owner{node.owner ? ` (${node.owner})` : ''} can check in.
        </p>
      ) : (
        <form className="check-in-form" onSubmit={submit}>
          <label>
            Value
            <input type="number" step="any" value={value} onChange={(e) => setValue(e.target.value)} required />
          </label>
          <label>
            On
            <input type="date" value={at} onChange={(e) => setAt(e.target.value)} />
          </label>
          <label>
            Confidence
            <input
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={confidence}
              onChange={(e) => setConfidence(e.target.value)}
            />
          </label>
          <label className="wide">
            Note
            <input type="text" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="submit" className="btn btn-primary" disabled={!valid || add.isPending}>
            {add.isPending ? 'Saving…' : 'Add check-in'}
          </button>
        </form>
      )}
      {checkIns.isPending ? (
        <p className="muted">Loading check-ins…</p>
      ) : checkIns.isError ? (
        <p className="field-error">{checkIns.error.message}</p>
      ) : checkIns.data.length === 0 ? (
        <p className="muted">No check-ins yet.</p>
      ) : (
        <table className="check-in-table">
          <thead>
            <tr>
              <th>Date</th>
              <th>Value</th>
              <th>Confidence</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {checkIns.data.map((c) => (
              <tr key={c.id}>
                <td>{c.at}</td>
                <td>{c.value}</td>
                <td>{c.confidence ?? '—'}</td>
                <td>{c.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

import { useQuery } from '@tanstack/react-query';
import type { NodeRecord } from '@throughline/domain';
import { useId, useState, type FormEvent } from 'react';
import { checkInsQuery, useAddCheckIn } from '../../../api/nodes.queries';
import { useFormat } from '../../../ui/format';
import { useToast } from '../../../ui/toast';
import { useCan } from '../../auth/useCan';
import { KeyResultChart } from '../../okrs/KeyResultChart';
import './panels.css';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A key result's figures, its trend (the OKRs page's chart: readings, target, confidence), a form
 * to record the next check-in for who may check in (pmo/admin, or a contributor named as its
 * owner — as the API decides), and the readings newest first, which others can read.
 */
export function CheckInsSection({ node }: { node: NodeRecord }) {
  const { canCheckIn } = useCan();
  const format = useFormat();
  const checkIns = useQuery(checkInsQuery(node.id));
  const add = useAddCheckIn(node.id);
  const toast = useToast();
  const [value, setValue] = useState('');
  const [at, setAt] = useState(today);
  const [confidence, setConfidence] = useState('');
  const [note, setNote] = useState('');
  const id = useId();
  const unit = node.unit ? ` ${node.unit}` : '';
  const figure = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${format.number(n)}${unit}`);

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
      <dl className="kr-figures" data-testid="kr-figures">
        <div>
          <dt>Baseline</dt>
          <dd>{figure(node.baseline)}</dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd>{figure(node.target)}</dd>
        </div>
        <div>
          <dt>Now</dt>
          <dd>{figure(node.current)}</dd>
        </div>
      </dl>
      <KeyResultChart
        keyResult={{ id: node.id, key: node.key, target: node.target ?? null, unit: node.unit }}
        height={170}
      />
      {!canCheckIn(node) ? (
        <p className="read-only-reason" role="note" data-testid="check-in-reason">
          Only a PMO lead, an admin or this key result’s owner{node.owner ? ` (${node.owner})` : ''} can check in.
        </p>
      ) : (
        <form className="check-in-form" onSubmit={submit} aria-labelledby={`${id}-form`}>
          <h3 className="check-in-heading" id={`${id}-form`}>
            New check-in
          </h3>
          <div className="field">
            <label htmlFor={`${id}-value`}>Value{unit && ` (${node.unit})`}</label>
            <input
              id={`${id}-value`}
              type="number"
              step="any"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-at`}>On</label>
            <input id={`${id}-at`} type="date" value={at} onChange={(e) => setAt(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-confidence`}>Confidence (0–1)</label>
            <input
              id={`${id}-confidence`}
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={confidence}
              onChange={(e) => setConfidence(e.target.value)}
            />
          </div>
          <div className="field check-in-note">
            <label htmlFor={`${id}-note`}>Note</label>
            <input id={`${id}-note`} type="text" value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="check-in-actions">
            <button type="submit" className="btn btn-primary" disabled={!valid || add.isPending}>
              {add.isPending ? 'Saving…' : 'Add check-in'}
            </button>
          </div>
        </form>
      )}
      <h3 className="check-in-heading" id={`${id}-readings`}>
        Readings
      </h3>
      {checkIns.isPending ? (
        <p className="muted">Loading check-ins…</p>
      ) : checkIns.isError ? (
        <p className="field-error">{checkIns.error.message}</p>
      ) : checkIns.data.length === 0 ? (
        <p className="muted">No check-ins yet.</p>
      ) : (
        <table className="check-in-table" aria-labelledby={`${id}-readings`} data-testid="check-in-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col" className="num">
                Confidence
              </th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {checkIns.data.map((c) => (
              <tr key={c.id}>
                <td>{format.date(c.at)}</td>
                <td className="num">{format.number(c.value)}</td>
                <td className="num">{c.confidence === null ? '—' : `${Math.round(c.confidence * 100)}%`}</td>
                <td>{c.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

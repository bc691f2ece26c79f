import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { snapshotsQuery, useTakeSnapshot, type SnapshotSummary } from '../../api/snapshots.queries';
import { useCan } from '../auth/useCan';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { useToast } from '../../ui/toast';
import { SnapshotDiffView } from './SnapshotDiffView';
import { percent } from './percent';
import './snapshots.css';

/**
 * `/snapshots` (issue 13): baselines of the graph, coverage and audit; a PMO or admin takes one, everyone compares
 * two of them, or one with now.
 */
export function SnapshotsPage() {
  const { role } = useCan();
  const list = useQuery(snapshotsQuery());
  const snapshots = list.data ?? [];
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('now');
  // The default comparison: the newest snapshot against now.
  const fromId = from || snapshots[0]?.id || '';
  return (
    <div className="page">
      <div className="page-inner">
        <h1 className="page-title">Snapshots</h1>
        <p className="page-lead">
          Named baselines of the map, its coverage and its audit. A snapshot never changes once taken; compare any two,
          or one with the map as it is now.
        </p>
        {(role === 'admin' || role === 'pmo') && <TakeSnapshot />}
        {list.isPending && <p className="muted">Loading…</p>}
        {list.error && (
          <p className="form-error" role="alert">
            {describeError(list.error)}
          </p>
        )}
        {list.data && snapshots.length === 0 && <p className="muted">No snapshot yet.</p>}
        {snapshots.length > 0 && <SnapshotTable snapshots={snapshots} />}
        {snapshots.length > 0 && (
          <section className="card snapshot-compare" aria-labelledby="compare-title">
            <h2 id="compare-title">Compare</h2>
            <div className="form-row">
              <label className="field">
                <span className="field-label">From</span>
                <select value={fromId} onChange={(e) => setFrom(e.target.value)}>
                  {snapshots.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">To</span>
                <select value={to} onChange={(e) => setTo(e.target.value)}>
                  <option value="now">Now</option>
                  {snapshots.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            {fromId && to === 'now' && (
              <p>
                <Link
                  to={`/map?diff=${encodeURIComponent(fromId)}`}
                  className="btn btn-small"
                  data-testid="diff-on-map"
                >
                  Show on map
                </Link>{' '}
                <span className="muted">
                  nodes added since outlined green, changed amber, removed ones listed beside
                </span>
              </p>
            )}
            {fromId && <SnapshotDiffView from={fromId} to={to} />}
          </section>
        )}
      </div>
    </div>
  );
}

function TakeSnapshot() {
  const [name, setName] = useState('');
  const take = useTakeSnapshot();
  const toast = useToast();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    take.mutate(name, {
      onSuccess: (s) => {
        toast(`Snapshot “${s.name}” taken`, 'success');
        setName('');
      },
      onError: (e) => toast(describeError(e), 'error'),
    });
  };
  return (
    <form className="card form-row snapshot-take" onSubmit={submit}>
      <label className="field">
        <span className="field-label">Snapshot name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} placeholder="Q4 baseline" />
      </label>
      <button type="submit" className="btn btn-primary" disabled={!name.trim() || take.isPending}>
        Take snapshot
      </button>
    </form>
  );
}

function SnapshotTable({ snapshots }: { snapshots: SnapshotSummary[] }) {
  const format = useFormat();
  return (
    <table className="table" data-testid="snapshots">
      <thead>
        <tr>
          <th>Name</th>
          <th>Taken</th>
          <th>By</th>
          <th className="num">Nodes</th>
          <th className="num">Links</th>
          <th className="num">Objective coverage</th>
          <th className="num">Audit errors</th>
        </tr>
      </thead>
      <tbody>
        {snapshots.map((s) => (
          <tr key={s.id} data-testid="snapshot-row">
            <td>{s.name}</td>
            <td>{format.dateTime(s.takenAt)}</td>
            <td>{s.takenBy}</td>
            <td className="num">{s.nodeCount}</td>
            <td className="num">{s.linkCount}</td>
            <td className="num">{percent(s.coverage.objectives?.share ?? null)}</td>
            <td className="num">{s.audit.error}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useQuery } from '@tanstack/react-query';
import { isWorkKind } from '@throughline/domain';
import { useId, useState } from 'react';
import type { ApiNode } from '../../api/contract';
import { nodeSearchQuery } from '../../api/nodes.queries';

/**
 * The work item another unit runs that this one depends on, found by key or title. Only work of
 * another unit is offered: a dependency inside the unit needs nobody's acknowledgement.
 */
export function DependencyPicker(props: { from: ApiNode; value: ApiNode | null; onPick: (n: ApiNode | null) => void }) {
  const [q, setQ] = useState('');
  const id = useId();
  const found = useQuery(nodeSearchQuery(q));
  const hits = (found.data ?? []).filter(
    (n) =>
      isWorkKind(n.kind) &&
      n.id !== props.from.id &&
      (n.businessUnitId ?? null) !== (props.from.businessUnitId ?? null),
  );
  if (props.value)
    return (
      <div className="field">
        <span className="field-label">Depends on</span>
        <div className="picked">
          <strong>{props.value.key}</strong> {props.value.title}{' '}
          <button type="button" className="btn btn-small" onClick={() => props.onPick(null)}>
            Change
          </button>
        </div>
      </div>
    );
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Depends on (another unit's work)
      </label>
      <input
        id={id}
        type="search"
        placeholder="Key or title, e.g. AST-7"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-autofocus
      />
      {q.trim().length >= 2 && (
        <ul className="dependency-hits" aria-label="Matching work">
          {hits.length === 0 && !found.isPending && <li className="muted">No other unit's work matches.</li>}
          {hits.map((n) => (
            <li key={n.id}>
              <button type="button" className="tl-link-button" onClick={() => props.onPick(n)}>
                <strong>{n.key}</strong> {n.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

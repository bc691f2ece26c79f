import { useQuery } from '@tanstack/react-query';
import type { BusinessUnitRecord, GraphNode } from '@throughline/domain';
import { useMemo } from 'react';
import { nodeHistoryQuery } from '../../../api/nodes.queries';
import { useFormat } from '../../../ui/format';
import { describeEntry } from './historyWords';
import './panels.css';

/** The node's change log, newest first — its own edits, its links', its check-ins' — in words, old → new. */
export function HistorySection({
  nodeId,
  units,
  nodesById,
}: {
  nodeId: string;
  units: readonly BusinessUnitRecord[];
  nodesById: ReadonlyMap<string, GraphNode>;
}) {
  const history = useQuery(nodeHistoryQuery(nodeId));
  const format = useFormat();
  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, `${u.key} — ${u.name}`])), [units]);
  if (history.isPending) return <p className="muted">Loading history…</p>;
  if (history.isError) return <p className="field-error">{history.error.message}</p>;
  if (history.data.length === 0) return <p className="muted">No changes recorded.</p>;
  const ctx = { format, units: unitNames, drawn: nodesById };
  return (
    <ol className="history">
      {history.data.map((entry) => (
        <li key={entry.id}>
          <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
          <span>
            <strong>{entry.actor}</strong> {describeEntry(entry, ctx)}
          </span>
        </li>
      ))}
    </ol>
  );
}

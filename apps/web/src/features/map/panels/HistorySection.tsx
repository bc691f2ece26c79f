import { useQuery } from '@tanstack/react-query';
import type { ChangeLogEntry } from '@throughline/domain';
import { nodeHistoryQuery } from '../../../api/nodes.queries';
import './panels.css';

const IGNORED = new Set(['version', 'updatedAt', 'updatedBy', 'updated_at', 'updated_by']);

/** What an entry changed, in a few words: the fields of an update, or what was created or removed. */
export function describeEntry(entry: ChangeLogEntry): string {
  const thing = entry.entityType.replace('_', ' ');
  if (entry.action !== 'update') return `${entry.action === 'create' ? 'created' : 'deleted'} ${thing}`;
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const fields = Object.keys({ ...before, ...after }).filter(
    (k) => !IGNORED.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  return fields.length ? `changed ${thing} ${fields.join(', ')}` : `updated ${thing}`;
}

/** The node's change log, newest first: its own edits, its links', its check-ins'. */
export function HistorySection({ nodeId }: { nodeId: string }) {
  const history = useQuery(nodeHistoryQuery(nodeId));
  if (history.isPending) return <p className="muted">Loading history…</p>;
  if (history.isError) return <p className="field-error">{history.error.message}</p>;
  if (history.data.length === 0) return <p className="muted">No changes recorded.</p>;
  return (
    <ol className="history">
      {history.data.map((entry) => (
        <li key={entry.id}>
          <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
          <span>
            <strong>{entry.actor}</strong> {describeEntry(entry)}
          </span>
        </li>
      ))}
    </ol>
  );
}

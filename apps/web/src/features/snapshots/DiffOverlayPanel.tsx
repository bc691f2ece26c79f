import { Link } from 'react-router';
import type { DiffOverlay } from '../map/hooks/useDiffOverlay';
import { describeError } from '../../ui/errors';
import { useFormat } from '../../ui/format';
import { linkName, nodeName } from './SnapshotDiffView';
import './snapshots.css';

/**
 * Beside the map while it is compared with a snapshot (`?diff=`): what the outlines mean, and what the map can no
 * longer show — the nodes removed since, and the links added and removed.
 */
export function DiffOverlayPanel({ overlay }: { overlay: DiffOverlay }) {
  const format = useFormat();
  const { result } = overlay;
  if (!overlay.snapshotId) return null;
  const names = new Map<string, string>(
    Object.entries(result?.names ?? {}).map(([id, n]) => [id, nodeName({ id, ...n })]),
  );
  for (const node of result ? [...result.nodes.removed, ...result.nodes.added] : []) names.set(node.id, nodeName(node));
  return (
    <aside className="diff-overlay" aria-labelledby="diff-overlay-title" data-testid="diff-overlay">
      <div className="diff-overlay-head">
        <h2 id="diff-overlay-title">Changes since {result ? `“${result.from.name}”` : 'the snapshot'}</h2>
        <button type="button" className="btn btn-small" onClick={overlay.clear}>
          Hide
        </button>
      </div>
      {overlay.pending && <p className="muted">Comparing…</p>}
      {overlay.error && (
        <p className="form-error" role="alert">
          {describeError(overlay.error)}
        </p>
      )}
      {result && (
        <>
          <p className="muted">Taken {format.dateTime(result.from.takenAt)}, compared with the map as it is now.</p>
          <ul className="diff-overlay-key">
            <li>
              <span className="diff-swatch is-added" /> {result.counts.nodes.added} added (outlined green)
            </li>
            <li>
              <span className="diff-swatch is-changed" /> {result.counts.nodes.changed} changed (outlined amber)
            </li>
            <li>
              <span className="diff-swatch is-removed" /> {result.counts.nodes.removed} removed (listed below)
            </li>
          </ul>
          <List title="Removed nodes" testId="diff-overlay-removed" items={overlay.removedNodes.map(nodeName)} />
          <List
            title="Links added"
            testId="diff-overlay-links-added"
            items={result.links.added.map((l) => linkName(l, names))}
          />
          <List
            title="Links removed"
            testId="diff-overlay-links-removed"
            items={result.links.removed.map((l) => linkName(l, names))}
          />
          <Link to="/snapshots" className="diff-overlay-more">
            Every change, field by field
          </Link>
        </>
      )}
    </aside>
  );
}

function List({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3>
        {title} ({items.length})
      </h3>
      <ul data-testid={testId}>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

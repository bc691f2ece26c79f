import type { GraphNode } from '@throughline/domain';
import { memo, Fragment } from 'react';
import type { TraceSummary } from './model/trace';
import './map.css';

interface TraceBarProps {
  summary: TraceSummary | null;
  loading: boolean;
  onShow: (id: string) => void;
  onClose: () => void;
}

const DELIVERY_SHOWN = 8;

/** Trace mode's breadcrumb: the chains up to the themes, and the work delivering below. */
export const TraceBar = memo(function TraceBar({ summary, loading, onShow, onClose }: TraceBarProps) {
  const crumb = (n: GraphNode) => (
    <button
      type="button"
      className={`crumb kind-${n.kind}`}
      onClick={() => onShow(n.id)}
      title={n.title}
      data-key={n.key}
    >
      {n.key}
    </button>
  );
  return (
    <div className="trace-bar" role="region" aria-label="Trace" data-testid="trace-bar">
      <strong className="trace-label">Trace</strong>
      {loading && !summary && <span className="muted">Tracing…</span>}
      {summary && (
        <>
          <div className="trace-paths">
            {summary.paths.length === 0 && <span className="muted">{summary.root.key} reaches no theme</span>}
            {summary.paths.map((path, i) => (
              <span key={i} className="trace-path">
                {path.map((n, j) => (
                  <Fragment key={n.id}>
                    {j > 0 && <span className="sep">›</span>}
                    {crumb(n)}
                  </Fragment>
                ))}
              </span>
            ))}
          </div>
          <div className="trace-delivery">
            <span className="muted">delivery</span>
            {summary.delivery.length === 0 && <span className="bad">none</span>}
            {summary.delivery.slice(0, DELIVERY_SHOWN).map((n) => (
              <Fragment key={n.id}>{crumb(n)}</Fragment>
            ))}
            {summary.delivery.length > DELIVERY_SHOWN && (
              <span className="muted">+{summary.delivery.length - DELIVERY_SHOWN}</span>
            )}
          </div>
        </>
      )}
      <button type="button" className="btn btn-small" onClick={onClose} aria-label="Leave trace mode">
        ×
      </button>
    </div>
  );
});

import { memo } from 'react';
import { MAX_VIEW_NODES } from './useMapUrl';
import './map.css';

interface StatusLineProps {
  loading: boolean;
  error: string | null;
  nodes: number;
  links: number;
  layoutMs: number | null;
  truncated: boolean;
}

/** Over the map's top-left corner: what is drawn, how long the layout took, and when it is not everything. */
export const StatusLine = memo(function StatusLine({
  loading,
  error,
  nodes,
  links,
  layoutMs,
  truncated,
}: StatusLineProps) {
  return (
    <div className="status-line" data-testid="status-line" data-layout-ms={layoutMs ?? undefined}>
      {error ? (
        <span className="bad">{error}</span>
      ) : (
        <>
          {loading && <span className="spinner" aria-label="Working" />}
          <span>
            {nodes.toLocaleString()} nodes · {links.toLocaleString()} links
          </span>
          {layoutMs !== null && <span className="muted">laid out in {Math.round(layoutMs)} ms</span>}
          {truncated && <span className="warn">only the first {MAX_VIEW_NODES.toLocaleString()} nodes</span>}
        </>
      )}
    </div>
  );
});

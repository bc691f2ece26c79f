import { LINK_KIND_LABELS, type GraphLink } from '@throughline/domain';
import { EdgeLabelRenderer } from '@xyflow/react';
import './edges.css';

/** The kind, state and weight of a link, shown while the pointer is on it or it is selected. */
export function LinkLabel({ link, x, y }: { link: GraphLink; x: number; y: number }) {
  return (
    <EdgeLabelRenderer>
      <div
        className="tl-edge-label"
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
        data-testid="edge-label"
      >
        {LINK_KIND_LABELS[link.kind]}
        {link.weight !== null && <strong> · weight {link.weight}</strong>}
        {link.state === 'proposed' && <em> · proposed</em>}
      </div>
    </EdgeLabelRenderer>
  );
}

import { EdgeLabelRenderer } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { XY } from '../layout/geometry';
import type { MapNode } from '../nodes/types';
import { farEdgePaths } from './farEdgePaths';
import type { MapEdge } from './types';
import './edges.css';

/**
 * The links of a zoomed-out map, drawn as one SVG (see `farEdgePaths`). It sits in React Flow's
 * edge-label layer: inside the viewport's transform, below the nodes.
 */
export const FarEdges = memo(function FarEdges({ nodes, edges }: { nodes: MapNode[]; edges: MapEdge[] }) {
  const groups = useMemo(() => {
    const positions = new Map<string, XY>(nodes.map((n) => [n.id, n.position]));
    return farEdgePaths(positions, edges);
  }, [nodes, edges]);
  return (
    <EdgeLabelRenderer>
      <svg className="far-edges" data-testid="far-edges" aria-hidden="true">
        {groups.map((g) => (
          <path key={g.className} className={`far-edge ${g.className}`} d={g.d} />
        ))}
      </svg>
    </EdgeLabelRenderer>
  );
});

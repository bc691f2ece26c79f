import { Position, getBezierPath, getSmoothStepPath } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH, type XY } from '../layout/geometry';
import type { MapEdge } from './types';

export interface PathGroup {
  className: string;
  d: string;
}

/**
 * Every link as a few SVG paths, one per look (kind, state, lit or dimmed), for the zoomed-out map.
 * React Flow draws each edge in an <svg> of its own, which is what makes a 2,000-node overview slow
 * to paint and to pan (3,500 links: 5.9 s to interactive, frames of 350 ms–1.3 s; without them
 * 2.9 s and 17 ms). At that zoom no one points at a single link, so they are drawn as one picture.
 * The geometry is React Flow's own, from the handle positions every node shares.
 */
export function farEdgePaths(positions: ReadonlyMap<string, XY>, edges: readonly MapEdge[]): PathGroup[] {
  const groups = new Map<string, string[]>();
  for (const edge of edges) {
    const from = positions.get(edge.source);
    const to = positions.get(edge.target);
    if (!from || !to) continue;
    const [d] =
      edge.type === 'dependency'
        ? getSmoothStepPath({
            sourceX: from.x + NODE_WIDTH,
            sourceY: from.y + NODE_HEIGHT / 2,
            sourcePosition: Position.Right,
            targetX: to.x,
            targetY: to.y + NODE_HEIGHT / 2,
            targetPosition: Position.Left,
            borderRadius: 10,
            offset: 24,
          })
        : getBezierPath({
            sourceX: from.x + NODE_WIDTH / 2,
            sourceY: from.y,
            sourcePosition: Position.Top,
            targetX: to.x + NODE_WIDTH / 2,
            targetY: to.y + NODE_HEIGHT,
            targetPosition: Position.Bottom,
          });
    const key = edge.className ?? '';
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  return [...groups].map(([className, ds]) => ({ className, d: ds.join(' ') }));
}

import { BaseEdge, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo, useCallback, useState } from 'react';
import { LinkLabel } from './LinkLabel';
import type { DependencyEdgeType } from './types';
import './edges.css';

/**
 * A `depends_on` link between two work items: square corners from side to side, dotted in the
 * dependency colour, so it never reads as part of the strategy chain.
 */
export const DependencyEdge = memo(function DependencyEdge(props: EdgeProps<DependencyEdgeType>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data, selected } = props;
  const [hover, setHover] = useState(false);
  const onEnter = useCallback(() => setHover(true), []);
  const onLeave = useCallback(() => setHover(false), []);
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
    borderRadius: 10,
    offset: 24,
  });
  return (
    <g onMouseEnter={onEnter} onMouseLeave={onLeave}>
      <BaseEdge path={path} markerEnd={markerEnd} interactionWidth={14} />
      {(hover || selected) && data && <LinkLabel link={data.link} x={labelX} y={labelY} />}
    </g>
  );
});

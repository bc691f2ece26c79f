import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, useCallback, useState } from 'react';
import { LinkLabel } from './LinkLabel';
import type { ChainEdgeType } from './types';
import './edges.css';

/**
 * A link of the strategy chain (`contributes_to`, `part_of`, `delivers`): a curve from the work up
 * to what it serves, coloured by kind (CSS), dashed while proposed. Its weight shows on hover.
 */
export const ChainEdge = memo(function ChainEdge(props: EdgeProps<ChainEdgeType>) {
  const { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, data, selected } = props;
  const [hover, setHover] = useState(false);
  const onEnter = useCallback(() => setHover(true), []);
  const onLeave = useCallback(() => setHover(false), []);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <g onMouseEnter={onEnter} onMouseLeave={onLeave}>
      <BaseEdge path={path} markerEnd={markerEnd} interactionWidth={14} />
      {(hover || selected) && data && <LinkLabel link={data.link} x={labelX} y={labelY} />}
    </g>
  );
});

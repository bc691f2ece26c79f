import type { NodeProps } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { useMapActions } from '../MapActionsContext';
import { CollapsedCounts, NodeCard } from './NodeCard';
import type { ThemeNodeType } from './types';

/** A strategic theme; in a strategy view, the delivery collapsed below it. */
export const ThemeNode = memo(function ThemeNode({ id, data, selected }: NodeProps<ThemeNodeType>) {
  const { expand } = useMapActions();
  const onExpand = useCallback(() => expand(id), [expand, id]);
  return (
    <NodeCard data={data} selected={selected}>
      <CollapsedCounts counts={data.node.collapsed} onExpand={onExpand} />
    </NodeCard>
  );
});

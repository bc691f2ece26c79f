import type { NodeProps } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { useMapActions } from '../MapActionsContext';
import { CollapsedCounts, NodeCard, Progress } from './NodeCard';
import type { KeyResultNodeType } from './types';

/** A key result, with its progress from baseline towards target. */
export const KeyResultNode = memo(function KeyResultNode({ id, data, selected }: NodeProps<KeyResultNodeType>) {
  const { expand } = useMapActions();
  const onExpand = useCallback(() => expand(id), [expand, id]);
  return (
    <NodeCard data={data} selected={selected}>
      <Progress value={data.rollup?.progress} />
      <CollapsedCounts counts={data.node.collapsed} onExpand={onExpand} />
    </NodeCard>
  );
});

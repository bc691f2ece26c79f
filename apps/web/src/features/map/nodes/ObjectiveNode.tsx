import type { NodeProps } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { useMapActions } from '../MapActionsContext';
import { CollapsedCounts, NodeCard, Progress } from './NodeCard';
import type { ObjectiveNodeType } from './types';

/** A strategic objective, with its progress rolled up from its key results and child objectives. */
export const ObjectiveNode = memo(function ObjectiveNode({ id, data, selected }: NodeProps<ObjectiveNodeType>) {
  const { expand } = useMapActions();
  const onExpand = useCallback(() => expand(id), [expand, id]);
  return (
    <NodeCard data={data} selected={selected}>
      <Progress value={data.rollup?.progress} />
      <CollapsedCounts counts={data.node.collapsed} onExpand={onExpand} />
    </NodeCard>
  );
});

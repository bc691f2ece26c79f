import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeCard } from './NodeCard';
import type { ProjectNodeType } from './types';

/** A project: a unit of change work. */
export const ProjectNode = memo(function ProjectNode({ data, selected }: NodeProps<ProjectNodeType>) {
  return <NodeCard data={data} selected={selected} />;
});

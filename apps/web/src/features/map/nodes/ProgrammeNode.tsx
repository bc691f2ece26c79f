import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeCard } from './NodeCard';
import type { ProgrammeNodeType } from './types';

/** A programme: a group of related projects, drawn above them. */
export const ProgrammeNode = memo(function ProgrammeNode({ data, selected }: NodeProps<ProgrammeNodeType>) {
  return <NodeCard data={data} selected={selected} />;
});

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeCard } from './NodeCard';
import type { BauNodeType } from './types';

/** A business-as-usual activity: selling, delivering, finance, support. */
export const BauNode = memo(function BauNode({ data, selected }: NodeProps<BauNodeType>) {
  return <NodeCard data={data} selected={selected} />;
});

import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { NodeCard } from './NodeCard';
import type { AssetNodeType } from './types';

/** A value asset: a product, platform, service, data set, brand or site. */
export const AssetNode = memo(function AssetNode({ data, selected }: NodeProps<AssetNodeType>) {
  return <NodeCard data={data} selected={selected} />;
});

import type { EdgeTypes } from '@xyflow/react';
import { ChainEdge } from './ChainEdge';
import { DependencyEdge } from './DependencyEdge';

/** Defined once at module scope, like `nodeTypes`. */
export const edgeTypes = {
  chain: ChainEdge,
  dependency: DependencyEdge,
} satisfies EdgeTypes;

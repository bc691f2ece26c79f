import { isWorkKind, type NodeKind } from '@throughline/domain';
import { Position, type NodeHandle } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout/geometry';

export const HANDLE_SIZE = 12;
const half = HANDLE_SIZE / 2;

/**
 * Where each node's handles are, written down so React Flow never has to measure a node (every
 * node has the same size): links leave a node at the top towards what it serves and arrive at the
 * bottom from the work that serves it; `depends_on` links run from the right side to the left.
 * The `Handle` elements in `NodeCard` sit at exactly these places.
 */
const CHAIN: NodeHandle[] = [
  {
    id: 'up',
    type: 'source',
    position: Position.Top,
    x: NODE_WIDTH / 2 - half,
    y: -half,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
  {
    id: 'down',
    type: 'target',
    position: Position.Bottom,
    x: NODE_WIDTH / 2 - half,
    y: NODE_HEIGHT - half,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
];
const DEPENDENCY: NodeHandle[] = [
  {
    id: 'dep-out',
    type: 'source',
    position: Position.Right,
    x: NODE_WIDTH - half,
    y: NODE_HEIGHT / 2 - half,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
  {
    id: 'dep-in',
    type: 'target',
    position: Position.Left,
    x: -half,
    y: NODE_HEIGHT / 2 - half,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
  },
];
const WORK = [...CHAIN, ...DEPENDENCY];

export function handlesOf(kind: NodeKind): NodeHandle[] {
  return isWorkKind(kind) ? WORK : CHAIN;
}

import type { GraphIndex } from '../audit/graph-index.js';
import type { CoverageNodeRef } from '../coverage-types.js';

export function ref(index: GraphIndex, i: number): CoverageNodeRef {
  const node = index.node(i);
  return { nodeId: node.id, key: node.key, title: node.title ?? node.key };
}

export function activeOfKind(index: GraphIndex, kind: 'theme' | 'objective'): number[] {
  const found: number[] = [];
  for (let i = 0; i < index.size; i++) {
    const node = index.node(i);
    if (node.kind === kind && node.status === 'active') found.push(i);
  }
  return found;
}

/** Priority order: 1 first, no priority last, then key order (the index is in key order already). */
export function byPriority(index: GraphIndex) {
  return (a: number, b: number) => {
    const pa = index.node(a).priority ?? Number.POSITIVE_INFINITY;
    const pb = index.node(b).priority ?? Number.POSITIVE_INFINITY;
    return pa === pb ? a - b : pa - pb;
  };
}

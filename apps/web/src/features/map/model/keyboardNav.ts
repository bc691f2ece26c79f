import {
  isChainLinkKind,
  NODE_KIND_LABELS,
  type GraphLink,
  type GraphNode,
  type NodeHealth,
} from '@throughline/domain';
import type { Positions, XY } from '../layout/geometry';
import { nearestInDirection, type Direction } from './spatial';

type Link = Pick<GraphLink, 'from' | 'to' | 'kind'>;

/**
 * Where an arrow key takes the keyboard from node `from`, following the chain before the page:
 * down to what delivers it (the sources of its `contributes_to`, `part_of` and `delivers` links),
 * up to what it serves (their targets), left and right to its siblings (the other nodes serving
 * one of the same parents). Only when no link leads that way does it fall back to the nearest node
 * on the page (`nearestInDirection`), so every node stays reachable. `depends_on` links are not
 * the chain and are not followed. Only nodes with a position (drawn) are candidates.
 */
export function nextNode(
  from: string,
  direction: Direction,
  links: readonly Link[],
  positions: Positions,
): string | null {
  const at = positions[from];
  if (!at) return null;
  const linked = alongLinks(from, at, direction, links, positions);
  if (linked) return linked;
  const candidates = Object.entries(positions)
    .filter(([id]) => id !== from)
    .map(([id, xy]) => ({ id, at: xy }));
  return nearestInDirection(at, candidates, direction);
}

function alongLinks(
  from: string,
  at: XY,
  direction: Direction,
  links: readonly Link[],
  positions: Positions,
): string | null {
  const chain = links.filter((l) => isChainLinkKind(l.kind) && positions[l.from] && positions[l.to]);
  const children = (id: string) => chain.filter((l) => l.to === id).map((l) => l.from);
  const parents = (id: string) => chain.filter((l) => l.from === id).map((l) => l.to);
  if (direction === 'down' || direction === 'up') {
    const ids = unique(direction === 'down' ? children(from) : parents(from)).filter((id) => id !== from);
    // Several: the one most nearly straight below (above), so Down then Up comes back.
    return closest(at, ids, positions, (dx, dy) => 2 * Math.abs(dx) + Math.abs(dy));
  }
  const siblings = unique(parents(from).flatMap(children)).filter((id) => id !== from);
  const sign = direction === 'right' ? 1 : -1;
  // The next sibling that way in reading order along the row: ahead on x, then the least offset.
  const ahead = siblings.filter((id) => {
    const dx = (positions[id].x - at.x) * sign;
    return dx > 0 || (dx === 0 && (positions[id].y - at.y) * sign > 0);
  });
  return closest(at, ahead, positions, (dx, dy) => Math.abs(dx) + 2 * Math.abs(dy));
}

function closest(at: XY, ids: readonly string[], positions: Positions, cost: (dx: number, dy: number) => number) {
  let best: string | null = null;
  let bestCost = Infinity;
  for (const id of ids) {
    const c = cost(positions[id].x - at.x, positions[id].y - at.y);
    // Ties go to the smaller id, so the same press always lands on the same node.
    if (c < bestCost || (c === bestCost && best !== null && id < best)) {
      best = id;
      bestCost = c;
    }
  }
  return best;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

const HEALTH_WORDS: Record<NodeHealth, string> = {
  green: 'green',
  amber: 'amber',
  red: 'red',
  unknown: 'not reported',
};

/** What a screen reader says for a node: its kind, key, title and health ("Objective OBJ-1: Grow revenue. Health green."). */
export function nodeName(node: Pick<GraphNode, 'kind' | 'key' | 'title' | 'health'>): string {
  return `${NODE_KIND_LABELS[node.kind]} ${node.key}: ${node.title}. Health ${HEALTH_WORDS[node.health]}.`;
}

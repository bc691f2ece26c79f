import { NODE_HEIGHT, NODE_WIDTH, TREE_GAP, type Positions, type XY } from '../layout/geometry';
import { cardsBox, groupBox, type Box, type Groups } from './groups';

/**
 * The map with some groups collapsed, closed up (issue 11): a collapsed box takes one card's room at its top-left
 * corner, and what stood right of it or below it moves in to close the gap, as far as what else stands there lets
 * it, never nearer than the gap between boxes (or the gap it had, if that was less). Expanding the group again puts
 * everything back: the positions kept (the organisation's arrangement, a user's moves) are never changed, this only
 * shifts where they are drawn. Boxes move whole; cards in no group move in clumps (a tree of cards moves as one).
 *
 * Two sweeps, as a diagram editor compacts: across, each box moves left by what was freed on its left — the most
 * any box wholly left of it shrank or moved — held back by every box beside it (overlapping it in height); then
 * down, each moves up likewise by what was freed above it (a shelf of boxes under a collapsed one rises as one),
 * held back by every box above it (overlapping it in width, where the first sweep put them). Boxes apart before are
 * apart after: a pair beside each other keeps its order across, a pair that overlaps in width after the first
 * sweep was one above the other, and keeps that order.
 *
 * Null when nothing is collapsed (or nothing moves): the positions as they are.
 */
export function collapseFlow(
  groups: Groups,
  nodeIds: readonly string[],
  positions: Positions,
  collapsed: ReadonlySet<string>,
): { positions: Positions; shifts: Map<string, XY> } | null {
  if (collapsed.size === 0 || groups.grouping === 'lanes') return null;
  const blocks: FlowBlock[] = [];
  for (const g of groups.groups) {
    const box = groupBox(g.memberIds, positions);
    if (!box) continue;
    const folded = collapsed.has(g.id);
    blocks.push(
      flowBlock(
        g.memberIds.filter((id) => positions[id]),
        box,
        folded ? NODE_WIDTH : box.width,
        folded ? NODE_HEIGHT : box.height,
      ),
    );
  }
  if (!blocks.some((b) => b.width !== b.box.width || b.height !== b.box.height)) return null;
  const loose = nodeIds.filter((id) => positions[id] && !groups.groupOf.has(id));
  for (const clump of clumps(loose, positions)) {
    const box = cardsBox(clump, positions)!; // a clump has no frame
    blocks.push(flowBlock(clump, box, box.width, box.height));
  }

  // Across: left to right.
  const byLeft = [...blocks].sort((a, b) => a.box.x - b.box.x);
  for (const [i, b] of byLeft.entries()) {
    let freed = 0;
    let least = -Infinity;
    for (let j = 0; j < i; j++) {
      const a = byLeft[j];
      const aRight = a.box.x + a.box.width;
      if (aRight > b.box.x) continue;
      freed = Math.max(freed, a.box.x - a.x + a.box.width - a.width);
      if (spans(a.box.y, a.box.height, b.box.y, b.box.height))
        least = Math.max(least, a.x + a.width + Math.min(b.box.x - aRight, TREE_GAP));
    }
    b.x = Math.max(b.box.x - freed, least);
  }
  // Down: top to bottom, overlapping in width where the sweep across put them.
  const byTop = [...blocks].sort((a, b) => a.box.y - b.box.y);
  for (const [i, b] of byTop.entries()) {
    let freed = 0;
    let least = -Infinity;
    for (let j = 0; j < i; j++) {
      const a = byTop[j];
      const aBottom = a.box.y + a.box.height;
      if (aBottom > b.box.y) continue;
      freed = Math.max(freed, a.box.y - a.y + a.box.height - a.height);
      if (spans(a.x, a.width, b.x, b.width))
        least = Math.max(least, a.y + a.height + Math.min(b.box.y - aBottom, TREE_GAP));
    }
    b.y = Math.max(b.box.y - freed, least);
  }

  const out: Positions = { ...positions };
  const shifts = new Map<string, XY>();
  for (const b of blocks) {
    const shift = { x: b.x - b.box.x, y: b.y - b.box.y };
    if (shift.x === 0 && shift.y === 0) continue;
    for (const id of b.ids) {
      out[id] = { x: positions[id].x + shift.x, y: positions[id].y + shift.y };
      shifts.set(id, shift);
    }
  }
  return shifts.size ? { positions: out, shifts } : null;
}

/** A box in `collapseFlow`: where it was (`box`), its size now (a card's, collapsed) and where it goes (`x`, `y`). */
interface FlowBlock {
  ids: string[];
  box: Box;
  width: number;
  height: number;
  x: number;
  y: number;
}

const flowBlock = (ids: string[], box: Box, width: number, height: number): FlowBlock => ({
  ids,
  box,
  width,
  height,
  x: box.x,
  y: box.y,
});

/** Whether two spans (start and length) overlap. */
const spans = (a: number, aLength: number, b: number, bLength: number) => a < b + bLength && b < a + aLength;

/** Cards nearer each other than this are one clump (a tree's rows and columns; trees are `TREE_GAP` apart). */
const CLUMP_GAP = 100;

/** The cards in clumps: cards less than `CLUMP_GAP` apart, and the cards near those, are one. */
function clumps(ids: readonly string[], positions: Positions): string[][] {
  const sorted = [...ids].sort((a, b) => positions[a].x - positions[b].x);
  const parent = sorted.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < sorted.length; i++) {
    const p = positions[sorted[i]];
    for (let j = i + 1; j < sorted.length; j++) {
      const q = positions[sorted[j]];
      if (q.x - p.x >= NODE_WIDTH + CLUMP_GAP) break;
      if (Math.abs(q.y - p.y) < NODE_HEIGHT + CLUMP_GAP) parent[root(j)] = root(i);
    }
  }
  const out = new Map<number, string[]>();
  sorted.forEach((id, i) => {
    const clump = out.get(root(i));
    if (clump) clump.push(id);
    else out.set(root(i), [id]);
  });
  return [...out.values()];
}

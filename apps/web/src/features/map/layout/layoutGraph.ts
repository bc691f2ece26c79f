import type { LinkKind, NodeKind } from '@throughline/domain';
import { hierarchy, tree as tidyTree } from 'd3-hierarchy';
import { GAP_X, GAP_Y, NODE_HEIGHT, NODE_WIDTH, ROW_GAP, TREE_GAP, type Positions, type XY } from './geometry';
import { packShelves } from './packTrees';

export { GAP_X, GAP_Y, NODE_HEIGHT, NODE_WIDTH, ROW_GAP, TREE_GAP, type Positions, type XY };

export interface LayoutNode {
  id: string;
  kind: NodeKind;
  /** The group the node is drawn in (a unit, theme or programme; see model/groups.ts), when grouped. */
  group?: string | null;
}

export interface LayoutEdge {
  from: string;
  to: string;
  kind: LinkKind;
}

/** The band each kind belongs to, top to bottom: themes, objectives, key results, then all work. */
export const KIND_BAND: Record<NodeKind, number> = {
  theme: 0,
  objective: 1,
  key_result: 2,
  programme: 3,
  asset: 3,
  project: 3,
  bau: 3,
};

/** Inside a block: programmes and assets first (their own blocks hang below them), then projects and BAU. */
const KIND_ORDER: Record<NodeKind, number> = {
  theme: 0,
  objective: 1,
  key_result: 2,
  programme: 3,
  asset: 4,
  project: 5,
  bau: 6,
};

export interface LayoutSettings {
  /**
   * `groups`: each group laid out on its own and the groups packed as boxes (layout/arrange.ts);
   * `lanes`: strategy in a top band, delivery work in one horizontal lane per group.
   */
  arrange?: 'groups' | 'lanes';
  /** The groups in the order their boxes or lanes come (others after, in the nodes' order). */
  groupOrder?: string[];
}

/**
 * Which parent a node hangs under when it has several: the programme it is part of, else the key
 * result, objective or theme it contributes to (the most specific first), else the asset it delivers.
 * Its other links are drawn all the same; they just do not steer the layout.
 */
function parentRank(kind: LinkKind, toKind: NodeKind): number {
  switch (kind) {
    case 'part_of':
      return 0;
    case 'contributes_to':
      return toKind === 'key_result' ? 1 : toKind === 'objective' ? 2 : 3;
    case 'delivers':
      return 4;
    case 'depends_on': // not part of the chain
      return Infinity;
  }
}

export interface Block {
  id: string;
  band: number;
  /** The node the block's members hang under; null for a tree's root block. */
  parent: string | null;
  members: LayoutNode[];
  columns: number;
  width: number;
  height: number;
}

/**
 * Groups the nodes into blocks: the children of one parent in one band (a key result's projects and
 * BAU, an objective's key results) form a compact grid under it. Themes stand alone; nodes with no
 * parent in the view share one "unlinked" block per band.
 */
export function groupIntoBlocks(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]) {
  const byId = new Map(nodes.map((n, i) => [n.id, { node: n, index: i }]));
  const parentOf = new Map<string, { id: string; rank: number; index: number }>();
  for (const e of edges) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to || e.from === e.to) continue;
    const rank = parentRank(e.kind, to.node.kind);
    if (rank === Infinity) continue;
    const best = parentOf.get(e.from);
    if (!best || rank < best.rank || (rank === best.rank && to.index < best.index)) {
      parentOf.set(e.from, { id: e.to, rank, index: to.index });
    }
  }

  const blocks = new Map<string, Block>();
  const blockOf = new Map<string, Block>();
  for (const n of nodes) {
    const band = KIND_BAND[n.kind];
    const parent = n.kind === 'theme' ? null : (parentOf.get(n.id)?.id ?? null);
    const id = n.kind === 'theme' ? `theme:${n.id}` : `${parent ?? 'unlinked'}:${band}`;
    let block = blocks.get(id);
    if (!block) {
      block = { id, band, parent, members: [], columns: 0, width: 0, height: 0 };
      blocks.set(id, block);
    }
    block.members.push(n);
    blockOf.set(n.id, block);
  }
  for (const block of blocks.values()) {
    block.members.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]); // stable: input order within a kind
    const count = block.members.length;
    block.columns = count <= 3 ? count : Math.ceil(Math.sqrt(count));
    const rows = Math.ceil(count / block.columns);
    block.width = block.columns * (NODE_WIDTH + GAP_X) - GAP_X;
    block.height = rows * (NODE_HEIGHT + GAP_Y) - GAP_Y;
  }
  return { blocks: [...blocks.values()], blockOf };
}

interface Tree {
  root: Block;
  blocks: Block[];
  /** Each block's top-left inside the tree, and the tree's size. */
  at: Map<Block, XY>;
  width: number;
  height: number;
}

/**
 * Lays the map out top-down: strategy above, delivery below. Pure: same nodes and edges in, same
 * positions out. Runs in the layout worker on the page and directly in unit tests.
 *
 * 1. Nodes are grouped into blocks under their primary parent (see `groupIntoBlocks`): a key result
 *    with 15 projects gets a 4 × 4 grid, not a row 4,000 px wide.
 * 2. Each theme's tree of blocks is laid out as a tidy tree (downwards), and its rows packed at a
 *    fixed gap below the tallest block of the row above.
 * 3. The trees are packed in shelves towards a wide-screen shape, themes first; whatever is not
 *    linked up to a theme gets the last shelves, so a gap in the chain is also a place on the map.
 */
// Async for its callers' sake: the layout ran in ELK's asynchronous engine once, and may move off-thread again.
// eslint-disable-next-line @typescript-eslint/require-await
export async function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Promise<Positions> {
  if (nodes.length === 0) return {};
  const { blocks, blockOf } = groupIntoBlocks(nodes, edges);

  const children = new Map<Block, Block[]>();
  const roots: Block[] = [];
  for (const block of blocks) {
    const parentBlock = block.parent ? blockOf.get(block.parent) : undefined;
    if (parentBlock) children.set(parentBlock, [...(children.get(parentBlock) ?? []), block]);
    else roots.push(block);
  }
  // Chain links never form a cycle (the API refuses one), but a block caught in one would belong to no tree.
  const reached = new Set<Block>();
  const collect = (root: Block) => {
    const tree: Block[] = [];
    const stack = [root];
    while (stack.length) {
      const b = stack.pop()!;
      if (reached.has(b)) continue;
      reached.add(b);
      tree.push(b);
      stack.push(...(children.get(b) ?? []));
    }
    return tree;
  };
  const treeBlocks = roots.map(collect);
  for (const block of blocks) if (!reached.has(block)) treeBlocks.push(collect(block));

  const trees = treeBlocks.map((members) => layoutTree(members, children));

  // Trees rooted at a theme first, in the themes' order; the unlinked ones after, objectives before work.
  const themed = trees.filter((t) => t.root.band === 0);
  const unlinked = trees.filter((t) => t.root.band !== 0).sort((a, b) => a.root.band - b.root.band);
  const offsets = packShelves(themed, unlinked);

  const positions: Positions = {};
  for (const tree of trees) {
    const offset = offsets.get(tree)!;
    for (const block of tree.blocks) {
      const at = tree.at.get(block)!;
      block.members.forEach((n, i) => {
        positions[n.id] = {
          x: Math.round(offset.x + at.x + (i % block.columns) * (NODE_WIDTH + GAP_X)),
          y: Math.round(offset.y + at.y + Math.floor(i / block.columns) * (NODE_HEIGHT + GAP_Y)),
        };
      });
    }
  }
  return positions;
}

/**
 * One theme's tree of blocks, top-down: a tidy tree (Reingold–Tilford, d3-hierarchy), each parent
 * centred over its children, each block as wide as its grid. The blocks form a tree by construction
 * (one primary parent each), which is all a tidy tree needs: it is linear in the blocks, where ELK's
 * layered algorithm spent 1.5–2 s of CPU warming up in every new page for the same picture
 * (docs/performance.md, "Map").
 */
function layoutTree(blocks: Block[], children: Map<Block, Block[]>): Tree {
  const root = blocks[0];
  if (blocks.length === 1) {
    return { root, blocks, at: new Map([[root, { x: 0, y: 0 }]]), width: root.width, height: root.height };
  }
  // Each block once, under the first parent that reaches it (a cycle, which the API refuses, cannot loop).
  const inTree = new Set(blocks);
  const seen = new Set<Block>([root]);
  const kids = new Map<Block, Block[]>();
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    const parent = queue[i];
    const own = (children.get(parent) ?? []).filter((c) => inTree.has(c) && !seen.has(c));
    for (const c of own) seen.add(c);
    kids.set(parent, own);
    queue.push(...own);
  }
  const tallest = Math.max(...blocks.map((b) => b.height));
  const laidOut = tidyTree<Block>()
    .nodeSize([1, tallest + ROW_GAP])
    // Centre to centre: half of each block's width, and a gap — wider between cousins than between siblings.
    .separation((a, b) => (a.data.width + b.data.width) / 2 + (a.parent === b.parent ? GAP_X * 2 : GAP_X * 4))(
    hierarchy(root, (b) => kids.get(b)),
  );

  const placed = laidOut.descendants().map((n) => ({ block: n.data, x: n.x - n.data.width / 2, y: n.y }));
  const left = Math.min(...placed.map((p) => p.x));
  const rowTop = packRows(placed.map((p) => ({ block: p.block, y: p.y })));
  const at = new Map<Block, XY>();
  let width = 0;
  let height = 0;
  for (const p of placed) {
    const xy = { x: p.x - left, y: rowTop.get(p.block)! };
    at.set(p.block, xy);
    width = Math.max(width, xy.x + p.block.width);
    height = Math.max(height, xy.y + p.block.height);
  }
  return { root, blocks: placed.map((p) => p.block), at, width, height };
}

/**
 * The tree's rows as top edges at a fixed gap: blocks whose vertical extents overlap share a row
 * (the tidy tree puts a depth on one line), and each row starts `ROW_GAP` below the tallest block above.
 */
function packRows(placed: { block: Block; y: number }[]): Map<Block, number> {
  const sorted = [...placed].sort((a, b) => a.y - b.y);
  const top = new Map<Block, number>();
  let rowBottom = -Infinity; // in the tidy tree's coordinates
  let rowTop = 0; // in packed coordinates
  let rowHeight = 0;
  for (const [i, { block, y }] of sorted.entries()) {
    if (i > 0 && y >= rowBottom) {
      rowTop += rowHeight + ROW_GAP;
      rowHeight = 0;
    }
    rowBottom = Math.max(i > 0 && y < rowBottom ? rowBottom : -Infinity, y + block.height);
    rowHeight = Math.max(rowHeight, block.height);
    top.set(block, rowTop);
  }
  return top;
}

import type { LinkKind, NodeKind } from '@throughline/domain';
import type { ElkExtendedEdge, LayoutOptions } from 'elkjs/lib/elk-api';
import ELK from 'elkjs/lib/elk.bundled.js';
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

/** Above this many blocks in one tree ELK trades some neatness for speed (docs/performance.md, Floors: ELK's "fast" settings). */
export const FAST_LAYOUT_THRESHOLD = 250;

const BASE_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.spacing.nodeNode': String(GAP_X * 2),
  'elk.layered.spacing.nodeNodeBetweenLayers': String(ROW_GAP),
};

/** ELK's "fast" settings (docs/performance.md, Floors). (ELK's partitioning and model order, tried for band control, cost 10–100×.) */
const FAST_OPTIONS: LayoutOptions = {
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.edgeRouting': 'POLYLINE',
};

export interface LayoutSettings {
  /** Force the fast settings on or off; by default a tree of more than `FAST_LAYOUT_THRESHOLD` blocks uses them. */
  fast?: boolean;
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

// One engine for the thread (its start-up is the costly part); every call gets a fresh graph.
let engine: InstanceType<typeof ELK> | undefined;

/** The thread's ELK engine, created on first use. */
export function layoutEngine(): InstanceType<typeof ELK> {
  engine ??= new ELK();
  return engine;
}

/**
 * Lays the map out top-down: strategy above, delivery below. Pure apart from the engine it
 * reuses: same nodes and edges in, same positions out. Runs in the layout worker on the page and
 * directly in unit tests.
 *
 * 1. Nodes are grouped into blocks under their primary parent (see `groupIntoBlocks`): a key result
 *    with 15 projects gets a 4 × 4 grid, not a row 4,000 px wide.
 * 2. Each theme's tree of blocks is laid out by ELK (layered, downwards). ELK's row spacing grows
 *    with the edges it would route, which the map does not use, so rows are packed again at a
 *    fixed gap.
 * 3. The trees are packed in shelves towards a wide-screen shape, themes first; whatever is not
 *    linked up to a theme gets the last shelves, so a gap in the chain is also a place on the map.
 */
export async function layoutGraph(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  settings: LayoutSettings = {},
): Promise<Positions> {
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

  const trees: Tree[] = [];
  for (const members of treeBlocks) trees.push(await layoutTree(members, children, settings));

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

async function layoutTree(blocks: Block[], children: Map<Block, Block[]>, settings: LayoutSettings): Promise<Tree> {
  const root = blocks[0];
  if (blocks.length === 1) {
    return { root, blocks, at: new Map([[root, { x: 0, y: 0 }]]), width: root.width, height: root.height };
  }
  const inTree = new Set(blocks);
  const edges: ElkExtendedEdge[] = [];
  for (const parent of blocks) {
    for (const child of children.get(parent) ?? []) {
      if (inTree.has(child)) edges.push({ id: `${parent.id}>${child.id}`, sources: [parent.id], targets: [child.id] });
    }
  }
  const fast = settings.fast ?? blocks.length > FAST_LAYOUT_THRESHOLD;
  const laidOut = await layoutEngine().layout({
    id: 'root',
    layoutOptions: fast ? { ...BASE_OPTIONS, ...FAST_OPTIONS } : BASE_OPTIONS,
    children: blocks.map((b) => ({ id: b.id, width: b.width, height: b.height })),
    edges,
  });

  const byId = new Map(blocks.map((b) => [b.id, b]));
  const placed = (laidOut.children ?? []).map((c) => ({ block: byId.get(c.id)!, x: c.x ?? 0, y: c.y ?? 0 }));
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
  return { root, blocks, at, width, height };
}

/**
 * ELK's rows as top edges at a fixed gap: blocks whose vertical extents overlap share a row (ELK
 * centres a row's blocks on one line), and each row starts `ROW_GAP` below the tallest block above.
 */
function packRows(placed: { block: Block; y: number }[]): Map<Block, number> {
  const sorted = [...placed].sort((a, b) => a.y - b.y);
  const top = new Map<Block, number>();
  let rowBottom = -Infinity; // in ELK's coordinates
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

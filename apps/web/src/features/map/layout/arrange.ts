import { GROUP_HEADER, GROUP_PAD, LANE_LABEL, LANE_PAD } from '../model/groups';
import { GAP_X, GAP_Y, NODE_HEIGHT, NODE_WIDTH } from './geometry';
import {
  KIND_BAND,
  layoutGraph,
  type LayoutEdge,
  type LayoutNode,
  type LayoutSettings,
  type Positions,
} from './layoutGraph';
import { packShelves } from './packTrees';

/**
 * Layouts that keep groups together (model/groups.ts): each group laid out on its own by
 * `layoutGraph`, then the groups placed as wholes, so a group's box holds its cards and no other.
 * Links between groups do not steer the layout: they are drawn all the same.
 */

/** The layout the settings ask for: grouped, in lanes, or the plain one. */
export function layoutArranged(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  settings: LayoutSettings = {},
): Promise<Positions> {
  if (settings.arrange === 'groups') return layoutGroups(nodes, edges, settings);
  if (settings.arrange === 'lanes') return layoutLanes(nodes, edges, settings);
  return layoutGraph(nodes, edges);
}

interface Part {
  group: string | null;
  nodes: LayoutNode[];
}

/** The nodes by group, in `groupOrder` and then as they come; ungrouped nodes (group null) last. */
function partition(nodes: readonly LayoutNode[], order: readonly string[] = []): Part[] {
  const parts = new Map<string | null, Part>();
  for (const id of order) parts.set(id, { group: id, nodes: [] });
  for (const n of nodes) {
    const group = n.group ?? null;
    if (!parts.has(group)) parts.set(group, { group, nodes: [] });
    parts.get(group)!.nodes.push(n);
  }
  const loose = parts.get(null);
  parts.delete(null);
  return [...parts.values(), ...(loose ? [loose] : [])].filter((p) => p.nodes.length > 0);
}

/** A part laid out alone, moved so that its top-left card is at 0, 0; and its size. */
async function layoutPart(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]) {
  const raw = await layoutGraph(nodes, edges);
  const points = Object.values(raw);
  const left = Math.min(...points.map((p) => p.x));
  const top = Math.min(...points.map((p) => p.y));
  const positions: Positions = {};
  for (const [id, p] of Object.entries(raw)) positions[id] = { x: p.x - left, y: p.y - top };
  return {
    positions,
    width: Math.max(...points.map((p) => p.x)) - left + NODE_WIDTH,
    height: Math.max(...points.map((p) => p.y)) - top + NODE_HEIGHT,
  };
}

/**
 * Group boxes: each group's cards laid out alone, in a box with room for its header, and the boxes
 * packed like the plain layout packs its trees (towards a wide screen). Nodes in no group are laid
 * out together, after the boxes.
 */
export async function layoutGroups(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  settings: LayoutSettings = {},
): Promise<Positions> {
  if (nodes.length === 0) return {};
  const boxes = [];
  for (const part of partition(nodes, settings.groupOrder)) {
    const laid = await layoutPart(part.nodes, edges);
    const framed = part.group !== null;
    boxes.push({
      ...laid,
      inset: framed ? { x: GROUP_PAD, y: GROUP_HEADER } : { x: 0, y: 0 },
      width: laid.width + (framed ? 2 * GROUP_PAD : 0),
      height: laid.height + (framed ? GROUP_HEADER + GROUP_PAD : 0),
      framed,
    });
  }
  const offsets = packShelves(
    boxes.filter((b) => b.framed),
    boxes.filter((b) => !b.framed),
  );
  const out: Positions = {};
  for (const box of boxes) {
    const at = offsets.get(box)!;
    for (const [id, p] of Object.entries(box.positions)) {
      out[id] = { x: Math.round(at.x + box.inset.x + p.x), y: Math.round(at.y + box.inset.y + p.y) };
    }
  }
  return out;
}

/**
 * Swimlanes: strategy (themes, objectives, key results, whatever their group) laid out in a band
 * on top; below it, one horizontal lane per group of the delivery work, in `groupOrder`, starting
 * right of a label column. A lane is a wide strip, as wide as the strategy band (`laneGrid`), not
 * a tree: across a lane the eye follows the unit's work; its links up to strategy are drawn all the
 * same. Lanes never share a row.
 */
export async function layoutLanes(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  settings: LayoutSettings = {},
): Promise<Positions> {
  if (nodes.length === 0) return {};
  const strategy = nodes.filter((n) => KIND_BAND[n.kind] < 3);
  const work = nodes.filter((n) => KIND_BAND[n.kind] >= 3);
  const out: Positions = {};
  let y = LANE_PAD;
  const next = (height: number) => {
    // The next lane starts below this one's padding and its own, with a gap to tell them apart.
    y += height + 2 * LANE_PAD + LANE_GAP;
  };
  let bandWidth = 0;
  if (strategy.length) {
    const laid = await layoutPart(strategy, edges);
    for (const [id, p] of Object.entries(laid.positions)) out[id] = { x: LANE_LABEL + p.x, y: y + p.y };
    bandWidth = laid.width;
    next(laid.height);
  }
  for (const lane of partition(work, settings.groupOrder)) {
    const grid = laneGrid(lane.nodes, edges, bandWidth);
    for (const [id, p] of Object.entries(grid.positions)) out[id] = { x: LANE_LABEL + p.x, y: y + p.y };
    next(grid.height);
  }
  return out;
}

/** The gap between two lanes' boxes. */
const LANE_GAP = 40;

/**
 * A lane's cards in rows, as many columns as fit `width` (at least a square's worth): each
 * programme followed by what is part of it, then the rest by kind, each in the view's order.
 */
export function laneGrid(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], width: number) {
  const ids = new Set(nodes.map((n) => n.id));
  const partsOf = new Map<string, string[]>();
  for (const e of edges) {
    if (e.kind !== 'part_of' || !ids.has(e.from) || !ids.has(e.to) || e.from === e.to) continue;
    partsOf.set(e.to, [...(partsOf.get(e.to) ?? []), e.from]);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const order: string[] = [];
  const placed = new Set<string>();
  const place = (id: string) => {
    if (placed.has(id)) return;
    placed.add(id);
    order.push(id);
    for (const part of partsOf.get(id) ?? []) place(part);
  };
  const rank = (n: LayoutNode) => ['programme', 'asset', 'project', 'bau'].indexOf(n.kind);
  const sorted = [...nodes].sort((a, b) => rank(a) - rank(b)); // stable: the view's order within a kind
  for (const n of sorted) if (byId.get(n.id)?.kind === 'programme') place(n.id);
  for (const n of sorted) place(n.id);
  const fit = Math.floor((width + GAP_X) / (NODE_WIDTH + GAP_X));
  const columns = Math.max(1, Math.min(order.length, Math.max(fit, Math.ceil(Math.sqrt(order.length)))));
  const positions: Positions = {};
  order.forEach((id, i) => {
    positions[id] = { x: (i % columns) * (NODE_WIDTH + GAP_X), y: Math.floor(i / columns) * (NODE_HEIGHT + GAP_Y) };
  });
  const rows = Math.ceil(order.length / columns);
  return { positions, width: columns * (NODE_WIDTH + GAP_X) - GAP_X, height: rows * (NODE_HEIGHT + GAP_Y) - GAP_Y };
}

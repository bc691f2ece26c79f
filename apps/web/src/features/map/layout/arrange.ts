import { GROUP_HEADER, GROUP_PAD, LANE_LABEL, LANE_PAD } from '../model/groups';
import { NODE_HEIGHT, NODE_WIDTH, TREE_GAP } from './geometry';
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
  return layoutGraph(nodes, edges, settings);
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
async function layoutPart(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], settings: LayoutSettings) {
  const raw = await layoutGraph(nodes, edges, { fast: settings.fast });
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
    const laid = await layoutPart(part.nodes, edges, settings);
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
 * on top; below it, one horizontal lane per group of the delivery work, in `groupOrder`, each lane's
 * cards laid out alone and starting right of a label column. Lanes never share a row.
 */
export async function layoutLanes(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  settings: LayoutSettings = {},
): Promise<Positions> {
  if (nodes.length === 0) return {};
  const strategy = nodes.filter((n) => KIND_BAND[n.kind] < 3);
  const work = nodes.filter((n) => KIND_BAND[n.kind] >= 3);
  const bands = [
    ...(strategy.length ? [{ group: 'strategy', nodes: strategy }] : []),
    ...partition(work, settings.groupOrder),
  ];
  const out: Positions = {};
  let y = LANE_PAD;
  for (const band of bands) {
    const laid = await layoutPart(band.nodes, edges, settings);
    for (const [id, p] of Object.entries(laid.positions)) out[id] = { x: LANE_LABEL + p.x, y: y + p.y };
    // The next lane starts below this one's padding and its own: 2 × LANE_PAD, plus a gap to tell them apart.
    y += laid.height + 2 * LANE_PAD + TREE_GAP / 4;
  }
  return out;
}

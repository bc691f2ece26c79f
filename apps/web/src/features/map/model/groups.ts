import {
  NODE_KINDS,
  type BusinessUnitRecord,
  type GraphLink,
  type GraphNode,
  type LinkKind,
  type NodeKind,
  type NodeRollup,
} from '@throughline/domain';
import { NODE_HEIGHT, NODE_WIDTH, type Positions } from '../layout/geometry';
import type { Frame } from './groupRooms';

/**
 * Groups on the map (issue 11, "Readable at every zoom"): boxes around the nodes of one theme,
 * programme or business unit, and swimlanes by business unit. Pure functions over the drawn graph;
 * the layout worker keeps each group together (layout/arrange.ts) and `useMapGroups` draws them.
 */

/** What the map groups by; `lanes` is the swimlane layout (strategy on top, one lane per business unit). */
export type GroupBy = 'theme' | 'programme' | 'unit';
export const GROUP_BYS: readonly GroupBy[] = ['theme', 'programme', 'unit'];
export type Grouping = GroupBy | 'lanes';

/** Room around a group's cards inside its box, and for its header above them (flow units). */
export const GROUP_PAD = 32;
export const GROUP_HEADER = 96;
/** A lane's label column, left of its cards, and the room above and below them. */
export const LANE_LABEL = 560;
export const LANE_PAD = 40;

/**
 * How a group frames its cards, for placing new ones (model/placement.ts): a box keeps its header above them and
 * its padding around; a lane its padding above and below, and reaches across the whole map.
 */
export function frameOf(grouping: Grouping): Frame {
  return grouping === 'lanes'
    ? { top: LANE_PAD, right: LANE_REACH, bottom: LANE_PAD, left: LANE_REACH }
    : { top: GROUP_HEADER, right: GROUP_PAD, bottom: GROUP_PAD, left: GROUP_PAD };
}
const LANE_REACH = 100_000;

/** Every group's id starts so: the canvas tells group boxes from cards by it. */
const PREFIX = 'group:';
export const isGroupId = (id: string) => id.startsWith(PREFIX);
export const STRATEGY_LANE = `${PREFIX}lane:strategy`;

export interface Group {
  id: string;
  name: string;
  /** The node the group is named after (a theme or programme), if any. */
  headId: string | null;
  memberIds: string[];
}

export interface Groups {
  grouping: Grouping;
  /** In drawing order: the boxes or lanes, the "none" group last. */
  groups: Group[];
  /** Each grouped node's group id; a node without one is drawn outside any box. */
  groupOf: Map<string, string>;
}

const STRATEGY_KINDS = new Set<NodeKind>(['theme', 'objective', 'key_result']);

/**
 * Which parent counts first when a node hangs under several (as the layout decides, layoutGraph's
 * `parentRank`): its programme, else the key result, objective or theme it moves, else the asset it delivers.
 */
function parentRank(kind: LinkKind, toKind: NodeKind): number {
  if (kind === 'part_of') return 0;
  if (kind === 'contributes_to') return toKind === 'key_result' ? 1 : toKind === 'objective' ? 2 : 3;
  if (kind === 'delivers') return 4;
  return Infinity;
}

/** Each node's chain parents (the nodes it serves), best first. */
function parentsOf(nodes: readonly GraphNode[], links: readonly GraphLink[]): Map<string, string[]> {
  const kindOf = new Map(nodes.map((n) => [n.id, n.kind]));
  const ranked = new Map<string, { id: string; rank: number }[]>();
  for (const l of links) {
    const toKind = kindOf.get(l.to);
    if (!toKind || !kindOf.has(l.from) || l.state === 'rejected') continue;
    const rank = parentRank(l.kind, toKind);
    if (rank === Infinity) continue;
    ranked.set(l.from, [...(ranked.get(l.from) ?? []), { id: l.to, rank }]);
  }
  const out = new Map<string, string[]>();
  for (const [id, list] of ranked)
    out.set(
      id,
      [...list].sort((a, b) => a.rank - b.rank).map((p) => p.id),
    );
  return out;
}

/**
 * The head (theme or programme) each node falls under, following `parents` upwards, best parent
 * first; memoised, and safe against a cycle (a node met again on its own path has no head there).
 */
function headsOf(
  nodes: readonly GraphNode[],
  parents: ReadonlyMap<string, string[]>,
  isHead: (n: GraphNode) => boolean,
): Map<string, string | null> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const memo = new Map<string, string | null>();
  const onPath = new Set<string>();
  const find = (id: string): string | null => {
    if (memo.has(id)) return memo.get(id)!;
    const node = byId.get(id);
    if (!node || onPath.has(id)) return null;
    if (isHead(node)) {
      memo.set(id, id);
      return id;
    }
    onPath.add(id);
    let head: string | null = null;
    for (const parent of parents.get(id) ?? []) {
      head = find(parent);
      if (head) break;
    }
    onPath.delete(id);
    memo.set(id, head);
    return head;
  };
  for (const n of nodes) find(n.id);
  return memo;
}

/**
 * The groups of the drawn graph. By theme: the theme each node serves, up its chain (its first
 * parent first), else "Not linked to a theme". By programme: the programme a node is part of (only
 * `part_of` links; the rest stay outside boxes). By unit, and in lanes: the node's own business
 * unit, else "No unit"; in lanes the strategy (themes, objectives, key results) is a band of its own.
 */
export function buildGroups(
  grouping: Grouping,
  nodes: readonly GraphNode[],
  links: readonly GraphLink[],
  units: readonly BusinessUnitRecord[],
): Groups {
  const groups = new Map<string, Group>();
  const groupOf = new Map<string, string>();
  const add = (groupId: string, name: string, headId: string | null, nodeId: string) => {
    let group = groups.get(groupId);
    if (!group) {
      group = { id: groupId, name, headId, memberIds: [] };
      groups.set(groupId, group);
    }
    group.memberIds.push(nodeId);
    groupOf.set(nodeId, groupId);
  };
  const byId = new Map(nodes.map((n) => [n.id, n]));

  if (grouping === 'unit' || grouping === 'lanes') {
    const unitsById = new Map(units.map((u) => [u.id, u]));
    const none = `${PREFIX}unit:none`;
    for (const n of nodes) {
      if (grouping === 'lanes' && STRATEGY_KINDS.has(n.kind)) {
        add(STRATEGY_LANE, 'Strategy', null, n.id);
        continue;
      }
      // Keyed by the id, not the record: the same groups (and layout) before the units have loaded.
      if (n.businessUnitId)
        add(`${PREFIX}unit:${n.businessUnitId}`, unitsById.get(n.businessUnitId)?.name ?? 'Unit', null, n.id);
      else add(none, 'No unit', null, n.id);
    }
    // The units' own order (as the API lists them), "No unit" last; strategy first.
    const rank = new Map(units.map((u, i) => [`${PREFIX}unit:${u.id}`, i]));
    rank.set(STRATEGY_LANE, -1);
    rank.set(none, units.length);
    const ordered = [...groups.values()].sort(
      (a, b) => (rank.get(a.id) ?? units.length) - (rank.get(b.id) ?? units.length),
    );
    return { grouping, groups: ordered, groupOf };
  }

  const parents =
    grouping === 'theme'
      ? parentsOf(nodes, links)
      : parentsOf(
          nodes,
          links.filter((l) => l.kind === 'part_of'),
        );
  const head = headsOf(nodes, parents, (n) => n.kind === grouping);
  const noTheme = `${PREFIX}theme:none`;
  for (const n of nodes) {
    const headId = head.get(n.id) ?? null;
    if (headId) {
      const h = byId.get(headId)!;
      add(`${PREFIX}${grouping}:${headId}`, `${h.key} ${h.title}`, headId, n.id);
    } else if (grouping === 'theme') add(noTheme, 'Not linked to a theme', null, n.id);
  }
  // Heads in the view's order, "Not linked to a theme" last.
  const order = new Map(nodes.map((n, i) => [`${PREFIX}${grouping}:${n.id}`, i]));
  const ordered = [...groups.values()].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
  return { grouping, groups: ordered, groupOf };
}

/** How many of each kind, in the kinds' order (strategy first). */
export function kindCounts(members: readonly GraphNode[]): { kind: NodeKind; count: number }[] {
  const counts = new Map<NodeKind, number>();
  for (const m of members) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  return NODE_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! }));
}

const KIND_WORDS: Record<NodeKind, [string, string]> = {
  theme: ['theme', 'themes'],
  objective: ['objective', 'objectives'],
  key_result: ['key result', 'key results'],
  programme: ['programme', 'programmes'],
  project: ['project', 'projects'],
  bau: ['BAU activity', 'BAU activities'],
  asset: ['asset', 'assets'],
};

/** "2 objectives · 1 project": the counts in words. */
export function countWords(counts: readonly { kind: NodeKind; count: number }[]): string {
  return counts.map(({ kind, count }) => `${count} ${KIND_WORDS[kind][count === 1 ? 0 : 1]}`).join(' · ');
}

export interface HealthSummary {
  red: number;
  amber: number;
  green: number;
  unknown: number;
}

/**
 * The members' health: a strategy node's derived health from its roll-up (what its delivery says),
 * else the health reported on the node.
 */
export function healthSummary(members: readonly GraphNode[], rollups: ReadonlyMap<string, NodeRollup>): HealthSummary {
  const out: HealthSummary = { red: 0, amber: 0, green: 0, unknown: 0 };
  for (const m of members) out[rollups.get(m.id)?.derivedHealth ?? m.health]++;
  return out;
}

/** "2 red, 1 amber, 5 green": the summary in words (for screen readers and titles). */
export function healthWords(h: HealthSummary): string {
  const parts = (['red', 'amber', 'green'] as const).filter((k) => h[k] > 0).map((k) => `${h[k]} ${k}`);
  if (h.unknown > 0) parts.push(`${h.unknown} not known`);
  return parts.length ? parts.join(', ') : 'no health';
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A group's box: around its members' cards, with room for its header above them. */
export function groupBox(memberIds: readonly string[], positions: Positions): Box | null {
  const cards = cardsBox(memberIds, positions);
  if (!cards) return null;
  return {
    x: cards.x - GROUP_PAD,
    y: cards.y - GROUP_HEADER,
    width: cards.width + 2 * GROUP_PAD,
    height: cards.height + GROUP_HEADER + GROUP_PAD,
  };
}

/** The box the cards themselves take. */
export function cardsBox(ids: readonly string[], positions: Positions): Box | null {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const id of ids) {
    const p = positions[id];
    if (!p) continue;
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
    right = Math.max(right, p.x + NODE_WIDTH);
    bottom = Math.max(bottom, p.y + NODE_HEIGHT);
  }
  if (left === Infinity) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The lanes' boxes: each as tall as its cards (and its padding), all as wide as the widest, with
 * the label column on the left. Where moved cards make two lanes overlap, the later one starts
 * below the earlier.
 */
export function laneBoxes(groups: readonly Group[], positions: Positions): Map<string, Box> {
  const spans: { id: string; top: number; bottom: number }[] = [];
  let left = Infinity;
  let right = -Infinity;
  for (const g of groups) {
    let top = Infinity;
    let bottom = -Infinity;
    for (const id of g.memberIds) {
      const p = positions[id];
      if (!p) continue;
      top = Math.min(top, p.y);
      bottom = Math.max(bottom, p.y + NODE_HEIGHT);
      left = Math.min(left, p.x);
      right = Math.max(right, p.x + NODE_WIDTH);
    }
    if (top !== Infinity) spans.push({ id: g.id, top: top - LANE_PAD, bottom: bottom + LANE_PAD });
  }
  const out = new Map<string, Box>();
  let floor = -Infinity;
  for (const s of spans) {
    const top = Math.max(s.top, floor);
    const bottom = Math.max(s.bottom, top + NODE_HEIGHT);
    out.set(s.id, { x: left - LANE_LABEL, y: top, width: right - left + LANE_LABEL + LANE_PAD, height: bottom - top });
    floor = bottom;
  }
  return out;
}

/** Links as they are drawn while some groups are collapsed. */
export interface AggregateEdge {
  id: string;
  source: string;
  target: string;
  /** Chain links (up the chain) or dependencies: drawn from different sides of a card. */
  family: 'chain' | 'dependency';
  /** How many links it stands for. */
  count: number;
}

/**
 * With groups collapsed: each link to or from a collapsed group's member is drawn to the group's
 * box instead, the links between the same two ends (and of the same family) as one edge with their
 * count; links inside a collapsed group are not drawn. `kept` are the links drawn as they are.
 */
export function aggregateEdges(
  links: readonly GraphLink[],
  groupOf: ReadonlyMap<string, string>,
  collapsed: ReadonlySet<string>,
): { kept: GraphLink[]; aggregates: AggregateEdge[] } {
  const end = (id: string) => {
    const g = groupOf.get(id);
    return g && collapsed.has(g) ? g : id;
  };
  const kept: GraphLink[] = [];
  const byKey = new Map<string, AggregateEdge>();
  for (const l of links) {
    const source = end(l.from);
    const target = end(l.to);
    if (source === l.from && target === l.to) {
      kept.push(l);
      continue;
    }
    if (source === target) continue; // inside one collapsed group
    const family = l.kind === 'depends_on' ? 'dependency' : 'chain';
    const key = `${source}>${target}>${family}`;
    const found = byKey.get(key);
    if (found) found.count++;
    else byKey.set(key, { id: `agg:${key}`, source, target, family, count: 1 });
  }
  return { kept, aggregates: [...byKey.values()] };
}

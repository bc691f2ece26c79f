import type {
  AuditFinding,
  BusinessUnitRecord,
  GraphLink,
  GraphNode,
  LinkKind,
  NodeRecord,
  NodeRollup,
} from '@throughline/domain';
import { MarkerType, type EdgeMarker } from '@xyflow/react';
import { LINK_COLOURS } from '../../../ui/kindColours';
import type { MapEdge } from '../edges/types';
import { NODE_HEIGHT, NODE_WIDTH, type Positions, type XY } from '../layout/geometry';
import { handlesOf } from '../nodes/handles';
import type { MapNode, MapNodeData } from '../nodes/types';
import { nearestFree, Occupancy } from './placement';
import type { Highlight } from './trace';

/** Findings per node id: how many, and how many of them errors. */
export function countFindings(findings: readonly AuditFinding[]): Map<string, { total: number; errors: number }> {
  const counts = new Map<string, { total: number; errors: number }>();
  for (const f of findings) {
    for (const id of new Set(f.nodeIds)) {
      const c = counts.get(id) ?? { total: 0, errors: 0 };
      counts.set(id, { total: c.total + 1, errors: c.errors + (f.severity === 'error' ? 1 : 0) });
    }
  }
  return counts;
}

const NO_FINDINGS = { total: 0, errors: 0 };

/**
 * Each node's `data`, built once per change of the view, units, roll-ups or audit. (`reconcile` with
 * `sameNode` keeps the old node when its data is equal, so a refetch re-renders only what changed.)
 */
export function buildNodeData(
  nodes: readonly GraphNode[],
  units: ReadonlyMap<string, BusinessUnitRecord>,
  rollups: ReadonlyMap<string, NodeRollup>,
  findings: ReadonlyMap<string, { total: number; errors: number }>,
): Map<string, MapNodeData> {
  const out = new Map<string, MapNodeData>();
  for (const node of nodes) {
    const unit = node.businessUnitId ? units.get(node.businessUnitId) : undefined;
    out.set(node.id, {
      node,
      businessUnit: unit ? { key: unit.key, name: unit.name } : null,
      rollup: rollups.get(node.id) ?? null,
      findings: findings.get(node.id) ?? NO_FINDINGS,
    });
  }
  return out;
}

export function sameData(a: MapNodeData, b: MapNodeData): boolean {
  return (
    a.node === b.node &&
    a.businessUnit?.key === b.businessUnit?.key &&
    a.businessUnit?.name === b.businessUnit?.name &&
    a.rollup?.progress === b.rollup?.progress &&
    a.rollup?.derivedHealth === b.rollup?.derivedHealth &&
    a.findings.total === b.findings.total &&
    a.findings.errors === b.findings.errors
  );
}

/**
 * The free place nearest `wanted` for one more node: rings of candidate spots around it, half a
 * node apart, the first that overlaps nothing. (A node created from the palette lands where the
 * user is looking without covering what is already there.) Placement of nodes that arrive without
 * one, and the re-flow around set positions: model/placement.ts.
 */
export function freeSpot(wanted: XY, positions: Positions, maxRings = 12): XY {
  return nearestFree(wanted, new Occupancy(positions), maxRings);
}

export interface NodeDecor {
  selectedId: string | null;
  highlight: Highlight | null;
}

/** React Flow nodes for the drawn graph: fixed size and handles, so nothing waits to be measured. */
export function buildNodes(
  nodes: readonly GraphNode[],
  data: ReadonlyMap<string, MapNodeData>,
  positions: Positions,
  decor: NodeDecor,
): MapNode[] {
  const out: MapNode[] = [];
  for (const n of nodes) {
    const position: XY | undefined = positions[n.id];
    if (!position) continue;
    const lit = decor.highlight ? decor.highlight.nodeIds.has(n.id) : null;
    out.push({
      id: n.id,
      type: n.kind,
      position,
      data: data.get(n.id)!,
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      measured: { width: NODE_WIDTH, height: NODE_HEIGHT },
      handles: handlesOf(n.kind),
      selected: n.id === decor.selectedId,
      className: lit === null ? undefined : lit ? 'is-lit' : 'is-dimmed',
    });
  }
  return out;
}

/** Each link kind's arrowhead, in its colour (module constants: an edge's marker keeps its identity). */
const MARKERS = Object.fromEntries(
  Object.entries(LINK_COLOURS).map(([kind, color]) => [
    kind,
    { type: MarkerType.ArrowClosed, color, width: 16, height: 16 },
  ]),
) as Record<LinkKind, EdgeMarker>;

export function buildEdges(
  links: readonly GraphLink[],
  highlight: Highlight | null,
  selectedId: string | null = null,
): MapEdge[] {
  return links.map((link): MapEdge => {
    const lit = highlight ? highlight.linkIds.has(link.id) : null;
    const className = [`link-${link.kind}`, `state-${link.state}`, lit === null ? '' : lit ? 'is-lit' : 'is-dimmed']
      .filter(Boolean)
      .join(' ');
    const common = {
      id: link.id,
      source: link.from,
      target: link.to,
      data: { link },
      className,
      markerEnd: MARKERS[link.kind],
      selected: link.id === selectedId,
    };
    return link.kind === 'depends_on'
      ? { ...common, type: 'dependency', sourceHandle: 'dep-out', targetHandle: 'dep-in' }
      : { ...common, type: 'chain', sourceHandle: 'up', targetHandle: 'down' };
  });
}

/**
 * `next`, with each element replaced by the previous object of the same id when nothing React
 * Flow looks at changed. React Flow rebuilds its internal node (and re-renders its wrapper) for
 * every new object, so this is what keeps a selection change on a 2,000-node map to two updates.
 */
export function reconcile<T extends { id: string }>(
  previous: readonly T[],
  next: T[],
  same: (a: T, b: T) => boolean,
): T[] {
  if (previous.length === 0) return next;
  const byId = new Map(previous.map((p) => [p.id, p]));
  let changed = previous.length !== next.length;
  const out = next.map((n, i) => {
    const p = byId.get(n.id);
    if (p && same(p, n)) {
      if (previous[i] !== p) changed = true;
      return p;
    }
    changed = true;
    return n;
  });
  return changed ? out : (previous as T[]);
}

export const sameNode = (a: MapNode, b: MapNode) =>
  (a.data === b.data || sameData(a.data, b.data)) &&
  a.type === b.type &&
  a.position.x === b.position.x &&
  a.position.y === b.position.y &&
  a.selected === b.selected &&
  a.className === b.className;

export const sameEdge = (a: MapEdge, b: MapEdge) =>
  a.data?.link === b.data?.link &&
  a.className === b.className &&
  a.selected === b.selected &&
  a.source === b.source &&
  a.target === b.target;

/** The map's lean view of a node the API has just answered with in full. */
export function toGraphNode(record: NodeRecord): GraphNode {
  return {
    id: record.id,
    key: record.key,
    kind: record.kind,
    title: record.title,
    owner: record.owner,
    businessUnitId: record.businessUnitId,
    status: record.status,
    health: record.health,
    version: record.version,
  };
}

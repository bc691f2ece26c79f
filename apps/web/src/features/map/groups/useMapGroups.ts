import type { BusinessUnitRecord, GraphNode, NodeRollup } from '@throughline/domain';
import { MarkerType } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { MapEdge } from '../edges/types';
import { NODE_HEIGHT, NODE_WIDTH, type Positions, type XY } from '../layout/geometry';
import type { Arrangement } from '../layout/layoutClient';
import type { DrawnGraph } from '../model/filters';
import {
  aggregateEdges,
  buildGroups,
  countWords,
  isGroupId,
  groupBox,
  healthSummary,
  kindCounts,
  laneBoxes,
  type Box,
  type GroupBy,
  type Groups,
} from '../model/groups';
import { handlesOf } from '../nodes/handles';
import type { GroupNodeData, GroupNodeType } from '../nodes/GroupNode';
import type { MapNode } from '../nodes/types';
import { groupingOf, type MapUrlPatch, type MapUrlState } from '../useMapUrl';

const NONE: ReadonlySet<string> = new Set();

/**
 * The map's groups (model/groups.ts) for the URL's grouping: who is in which, how the worker is to
 * lay them out, and which the user has collapsed (forgotten when the grouping changes). A selected
 * node inside a collapsed group opens it, so search, the keyboard and the panels always find their card.
 */
export function useMapGroups(
  url: Pick<MapUrlState, 'groupBy' | 'lanes' | 'selectedId'>,
  drawn: DrawnGraph,
  units: readonly BusinessUnitRecord[],
) {
  const grouping = groupingOf(url);
  const model = useMemo(
    () => (grouping ? buildGroups(grouping, drawn.nodes, drawn.links, units) : null),
    [grouping, drawn, units],
  );
  const arrangement = useMemo<Arrangement | undefined>(
    () =>
      model
        ? {
            groupOf: (n) => model.groupOf.get(n.id) ?? null,
            settings: {
              arrange: model.grouping === 'lanes' ? 'lanes' : 'groups',
              groupOrder: model.groups.map((g) => g.id),
            },
          }
        : undefined,
    [model],
  );

  const [folded, setFolded] = useState<{ grouping: string | null; ids: ReadonlySet<string> }>({
    grouping,
    ids: NONE,
  });
  // Lanes do not fold; a new grouping starts with every group open.
  const collapsed = folded.grouping === grouping && grouping !== 'lanes' ? folded.ids : NONE;
  const toggle = useCallback(
    (id: string) =>
      setFolded((f) => {
        const ids = new Set(f.grouping === grouping ? f.ids : NONE);
        if (ids.has(id)) ids.delete(id);
        else ids.add(id);
        return { grouping, ids };
      }),
    [grouping],
  );
  // A newly selected node in a collapsed group (search, the keyboard, a finding) opens its group;
  // adjusted while rendering, as React advises for state that follows a prop.
  const [selectedFrom, setSelectedFrom] = useState(url.selectedId);
  if (selectedFrom !== url.selectedId) {
    setSelectedFrom(url.selectedId);
    const group = url.selectedId ? model?.groupOf.get(url.selectedId) : undefined;
    if (group && collapsed.has(group)) {
      const ids = new Set(collapsed);
      ids.delete(group);
      setFolded({ grouping, ids });
    }
  }

  return { grouping, model, arrangement, collapsed, toggle };
}

export type MapGroups = ReturnType<typeof useMapGroups>;

type Summary = Pick<GroupNodeData, 'name' | 'counts' | 'total' | 'health'>;

const WORK_HANDLES = handlesOf('project');

/** Aggregate edges' arrowheads, one per family (module constants keep their identity). */
const AGGREGATE_MARKER = { type: MarkerType.ArrowClosed, width: 16, height: 16 };

/**
 * React Flow's nodes and edges with the groups drawn: a box behind each group's cards (or a lane),
 * and for a collapsed group one box instead of its cards, its links drawn to the box as one edge
 * per other end with their count. Without a grouping, the nodes and edges as they come.
 */
export function useGroupElements(
  groups: Pick<MapGroups, 'model' | 'collapsed' | 'toggle'>,
  context: {
    drawn: DrawnGraph;
    data: { rollups: ReadonlyMap<string, NodeRollup> };
    positions: Positions;
    /** The cards and links (hooks/useMapElements). */
    cards: { nodes: MapNode[]; edges: MapEdge[] };
    select: (id: string | null) => void;
    openMenu: (id: string, at: XY) => void;
    trace: { trace: (id: string) => void };
    setUrl: (patch: MapUrlPatch, options?: { push?: boolean }) => void;
  },
) {
  const { model, collapsed, toggle } = groups;
  const { positions, select, openMenu, setUrl } = context;
  const { nodes: drawnNodes, links: drawnLinks } = context.drawn;
  const { rollups } = context.data;
  const { nodes, edges } = context.cards;
  const traceNode = context.trace.trace;
  // A group is not a card: clicking its box selects nothing, and it has no menu or trace.
  const selectCard = useCallback((id: string | null) => select(id && isGroupId(id) ? null : id), [select]);
  const traceCard = useCallback((id: string) => void (isGroupId(id) || traceNode(id)), [traceNode]);
  const openCardMenu = useCallback((id: string, at: XY) => void (isGroupId(id) || openMenu(id, at)), [openMenu]);
  const onGroup = useCallback(
    (change: { groupBy?: GroupBy | null; lanes?: boolean }) => setUrl(change, { push: true }),
    [setUrl],
  );
  const actions = useMemo(() => ({ toggle }), [toggle]);
  const summaries = useMemo(() => (model ? summarise(model, drawnNodes, rollups) : null), [model, drawnNodes, rollups]);
  const boxes = useMemo(() => {
    if (!model) return null;
    if (model.grouping === 'lanes') return laneBoxes(model.groups, positions);
    const out = new Map<string, Box>();
    for (const g of model.groups) {
      const box = groupBox(g.memberIds, positions);
      if (box) out.set(g.id, box);
    }
    return out;
  }, [model, positions]);

  // Rebuilt when the boxes move or their counts change (a layout, a drag's end): a few elements, never per frame.
  const groupNodes = useMemo(() => {
    if (!model || !boxes || !summaries) return [];
    const out: GroupNodeType[] = [];
    for (const g of model.groups) {
      const box = boxes.get(g.id);
      if (!box) continue;
      const folded = collapsed.has(g.id);
      const variant = model.grouping === 'lanes' ? 'lane' : folded ? 'collapsed' : 'box';
      // Collapsed, the box takes a card's size at its top-left corner, so links reach it as they reach a card and
      // what stood beside or below it closes up (collapseFlow, useGroupedLayout).
      const at = { x: box.x, y: box.y };
      const width = folded ? NODE_WIDTH : box.width;
      const height = folded ? NODE_HEIGHT : box.height;
      const data: GroupNodeData = { ...summaries.get(g.id)!, variant, width, height, node: {} };
      out.push({
        id: g.id,
        type: 'group',
        position: at,
        data,
        width,
        height,
        measured: { width, height },
        handles: folded ? WORK_HANDLES : [],
        // Behind the cards (and their links); a collapsed box stands among them like a card.
        zIndex: folded ? 0 : -1,
        draggable: false,
        selectable: false,
        connectable: false,
        focusable: false,
        ariaLabel: `${g.name}: ${data.counts}`,
      });
    }
    return out;
  }, [model, boxes, summaries, collapsed]);

  const withGroups = useMemo(() => {
    if (!model) return { nodes, edges };
    const hidden = new Set<string>();
    for (const id of collapsed) for (const m of model.groups.find((g) => g.id === id)?.memberIds ?? []) hidden.add(m);
    const cards = hidden.size ? nodes.filter((n) => !hidden.has(n.id)) : nodes;
    // Group nodes are not cards; the canvas takes them all the same (MapScreen keeps them out of selection).
    const allNodes = [...(groupNodes as unknown as MapNode[]), ...cards];
    if (!hidden.size) return { nodes: allNodes, edges };
    const { aggregates } = aggregateEdges(drawnLinks, model.groupOf, collapsed);
    const kept = edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target));
    const joined = aggregates.map(
      (a) =>
        ({
          // The count in the id: a new count is a new edge (`sameEdge` does not compare labels).
          id: `${a.id}:${a.count}`,
          source: a.source,
          target: a.target,
          type: 'default',
          sourceHandle: a.family === 'dependency' ? 'dep-out' : 'up',
          targetHandle: a.family === 'dependency' ? 'dep-in' : 'down',
          label: a.count === 1 ? '1 link' : `${a.count} links`,
          className: `link-aggregate link-aggregate-${a.family}`,
          markerEnd: AGGREGATE_MARKER,
          selectable: false,
          data: { aggregate: a.count },
        }) as unknown as MapEdge,
    );
    return { nodes: allNodes, edges: [...kept, ...joined] };
  }, [model, collapsed, nodes, edges, groupNodes, drawnLinks]);

  return { ...withGroups, groupNodes, actions, selectCard, traceCard, openCardMenu, onGroup };
}

export type GroupedMap = ReturnType<typeof useGroupElements>;

function summarise(
  model: Groups,
  nodes: readonly GraphNode[],
  rollups: ReadonlyMap<string, NodeRollup>,
): Map<string, Summary> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out = new Map<string, Summary>();
  for (const g of model.groups) {
    const members = g.memberIds.map((id) => byId.get(id)!).filter(Boolean);
    out.set(g.id, {
      name: g.name,
      counts: countWords(kindCounts(members)),
      total: members.length,
      health: healthSummary(members, rollups),
    });
  }
  return out;
}

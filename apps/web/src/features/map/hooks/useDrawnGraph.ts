import type { BusinessUnitRecord, GraphNode } from '@throughline/domain';
import { useCallback, useMemo, useState } from 'react';
import { filterGraph, type DrawnGraph, type MapFilters } from '../model/filters';

const EMPTY: DrawnGraph = { nodes: [], links: [] };

/**
 * What the map draws: the view through the filters, plus drafts — nodes created here that the view
 * does not hold (yet), shown anyway so they can be linked.
 */
export function useDrawnGraph(view: DrawnGraph | undefined, filters: MapFilters, units: readonly BusinessUnitRecord[]) {
  const unitParents = useMemo(() => new Map(units.map((u) => [u.id, u.parentId])), [units]);
  const [drafts, setDrafts] = useState<GraphNode[]>([]);
  /** The view and the drafts, unfiltered: what links are judged against and names are looked up in. */
  const graph = useMemo<DrawnGraph>(() => {
    const base = view ?? EMPTY;
    const ids = new Set(base.nodes.map((n) => n.id));
    const extra = drafts.filter((d) => !ids.has(d.id));
    return extra.length ? { nodes: [...base.nodes, ...extra], links: base.links } : base;
  }, [view, drafts]);
  const drawn = useMemo(() => {
    const filtered = filterGraph(view ?? EMPTY, filters, unitParents);
    // Drafts the view does not hold are drawn whatever the filters (they were just made, to be linked);
    // once the view holds them, the filters decide like for any node.
    const inView = new Set((view ?? EMPTY).nodes.map((n) => n.id));
    const extra = drafts.filter((d) => !inView.has(d.id));
    const ids = new Set(filtered.nodes.map((n) => n.id));
    if (extra.length === 0) return filtered;
    for (const d of extra) ids.add(d.id);
    const linked = graph.links.filter((l) => ids.has(l.from) && ids.has(l.to) && l.state !== 'rejected');
    return { nodes: [...filtered.nodes, ...extra], links: linked };
  }, [view, filters, unitParents, drafts, graph.links]);
  const nodesById = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph.nodes]);

  const addDraft = useCallback((node: GraphNode) => setDrafts((d) => [...d, node]), []);
  const dropDraft = useCallback((id: string) => setDrafts((d) => d.filter((x) => x.id !== id)), []);
  return { graph, drawn, nodesById, addDraft, dropDraft };
}

export type DrawnGraphState = ReturnType<typeof useDrawnGraph>;

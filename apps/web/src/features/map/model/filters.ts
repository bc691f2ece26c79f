import {
  isChainLinkKind,
  type GraphLink,
  type GraphNode,
  type NodeHealth,
  type NodeKind,
  type NodeStatus,
} from '@throughline/domain';

/** The map's filters, as they live in the URL. Every one is optional; absent means "all". */
export interface MapFilters {
  businessUnitId?: string;
  kind?: NodeKind;
  health?: NodeHealth;
  status?: NodeStatus;
  themeId?: string;
}

export interface DrawnGraph {
  nodes: GraphNode[];
  links: GraphLink[];
}

/** Chain links by end, both directions (rejected links are not part of anything). */
export function chainIndex(links: readonly GraphLink[]) {
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const l of links) {
    if (!isChainLinkKind(l.kind) || l.state === 'rejected') continue;
    up.set(l.from, [...(up.get(l.from) ?? []), l.to]);
    down.set(l.to, [...(down.get(l.to) ?? []), l.from]);
  }
  return { up, down };
}

/** Every node reachable from `starts` along `edges`, the starts included. */
export function reach(starts: Iterable<string>, edges: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set(starts);
  const stack = [...seen];
  while (stack.length) {
    for (const next of edges.get(stack.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** A unit and every unit below it, from `parentOf` (unit id → parent id). */
export function unitWithDescendants(unitId: string, parentOf: ReadonlyMap<string, string | null>): Set<string> {
  const children = new Map<string, string[]>();
  for (const [id, parent] of parentOf) if (parent) children.set(parent, [...(children.get(parent) ?? []), id]);
  return reach([unitId], children);
}

/**
 * The part of a view the filters keep. A theme keeps its whole chain; a business unit keeps the
 * nodes of it and its sub-units and everything they serve up to the themes (what a unit's work is
 * *for* is the point of looking at it — the API's `business_unit` scope says the same); kind,
 * health and status then keep only the nodes that match.
 */
export function filterGraph(
  graph: DrawnGraph,
  filters: MapFilters,
  unitParents: ReadonlyMap<string, string | null> = new Map(),
): DrawnGraph {
  const active = Object.values(filters).some((v) => v !== undefined);
  const links = graph.links.filter((l) => l.state !== 'rejected');
  if (!active) return { nodes: graph.nodes, links };

  const { up, down } = chainIndex(links);
  let keep: Set<string> | undefined;
  const narrow = (ids: Set<string>) => {
    keep = keep ? new Set([...keep].filter((id) => ids.has(id))) : ids;
  };
  if (filters.themeId) narrow(reach([filters.themeId], down));
  if (filters.businessUnitId) {
    const units = unitWithDescendants(filters.businessUnitId, unitParents);
    const own = graph.nodes.filter((n) => n.businessUnitId && units.has(n.businessUnitId)).map((n) => n.id);
    narrow(reach(own, up));
  }
  const nodes = graph.nodes.filter(
    (n) =>
      (!keep || keep.has(n.id)) &&
      (!filters.kind || n.kind === filters.kind) &&
      (!filters.health || n.health === filters.health) &&
      (!filters.status || n.status === filters.status),
  );
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, links: links.filter((l) => ids.has(l.from) && ids.has(l.to)) };
}

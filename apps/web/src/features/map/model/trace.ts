import { isChainLinkKind, isWorkKind, type GraphNode, type TraceView } from '@throughline/domain';

/** What the map lights up: these nodes and links; everything else is dimmed. */
export interface Highlight {
  nodeIds: ReadonlySet<string>;
  linkIds: ReadonlySet<string>;
}

export function traceHighlight(trace: TraceView): Highlight {
  return { nodeIds: new Set(trace.nodes.map((n) => n.id)), linkIds: new Set(trace.links.map((l) => l.id)) };
}

export interface TraceSummary {
  root: GraphNode;
  /** Each path from a theme down to the traced node, theme first. */
  paths: GraphNode[][];
  /** The work items below the traced node (its delivery when active). */
  delivery: GraphNode[];
}

/**
 * The breadcrumb of a trace: the chains from the traced node up to its themes (at most `maxPaths`,
 * shortest first) and the work below it. Walks chain links only; `depends_on` is never part of it.
 */
export function summariseTrace(trace: TraceView, maxPaths = 3): TraceSummary | null {
  const byId = new Map(trace.nodes.map((n) => [n.id, n]));
  const root = byId.get(trace.rootId);
  if (!root) return null;
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const l of trace.links) {
    if (!isChainLinkKind(l.kind) || l.state === 'rejected') continue;
    up.set(l.from, [...(up.get(l.from) ?? []), l.to]);
    down.set(l.to, [...(down.get(l.to) ?? []), l.from]);
  }

  // Breadth-first, so the shortest chains come first; each path is extended only through new nodes.
  const paths: GraphNode[][] = [];
  const queue: string[][] = [[root.id]];
  while (queue.length && paths.length < maxPaths) {
    const path = queue.shift()!;
    const head = path[path.length - 1];
    const parents = (up.get(head) ?? []).filter((p) => byId.has(p) && !path.includes(p));
    if (parents.length === 0) {
      if (path.length > 1 || root.kind === 'theme') paths.push(path.map((id) => byId.get(id)!).reverse());
      continue;
    }
    for (const p of parents) queue.push([...path, p]);
  }

  const delivery: GraphNode[] = [];
  const seen = new Set([root.id]);
  const stack = [root.id];
  while (stack.length) {
    for (const child of down.get(stack.pop()!) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      stack.push(child);
      const node = byId.get(child);
      if (node && isWorkKind(node.kind)) delivery.push(node);
    }
  }
  delivery.sort((a, b) => a.key.localeCompare(b.key, undefined, { numeric: true }));
  return { root, paths, delivery };
}

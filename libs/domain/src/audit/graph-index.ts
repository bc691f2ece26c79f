import { isWorkKind } from '../kinds.js';
import { isChainLinkKind } from '../links.js';
import type { AuditGraph, AuditLink, AuditNode } from './audit-graph.js';

/** A compressed adjacency list: the neighbours of node `i` are `targets[offsets[i] .. offsets[i + 1])`. */
export interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
  /** The link weight beside each target (NaN where the link has none). */
  weights: Float64Array;
}

/** A proposed link, with its ends as node positions. */
export interface IndexedLink {
  from: number;
  to: number;
  link: AuditLink;
}

/**
 * The organisation's graph indexed once for every rule, coverage figure and impact question:
 * nodes by position (sorted by key, so every traversal and therefore every `path` is the same on
 * every run, whatever order the loader returned rows in), and approved links as compressed
 * adjacency lists in both directions.
 *
 * "Down" follows the chain of docs/domain.md: from a strategy node to what moves it, i.e. approved
 * `contributes_to`, `part_of` and `delivers` links read backwards. `depends_on` is kept apart.
 */
export class GraphIndex {
  readonly nodes: readonly AuditNode[];
  readonly size: number;
  private readonly positions = new Map<string, number>();
  /** Approved chain links read backwards: node → what moves it. */
  readonly chainDown: Adjacency;
  /** Approved chain links read forwards: node → what it moves. */
  readonly chainUp: Adjacency;
  /** Approved `contributes_to` links into a node, with their weights. */
  readonly contributorsIn: Adjacency;
  /** Approved `contributes_to` links out of a node, with their weights. */
  readonly contributionsOut: Adjacency;
  /** Approved `depends_on`: node → what it needs first. */
  readonly dependsOn: Adjacency;
  /** Approved `depends_on` read backwards: node → what needs it first. */
  readonly dependedOnBy: Adjacency;
  /** Links still waiting for a decision. */
  readonly proposed: readonly IndexedLink[];
  readonly isWork: Uint8Array;
  readonly isActiveWork: Uint8Array;

  private readonly deliveries = new Map<number, Int32Array>();
  private aligned?: Uint8Array;
  /** Visit marks reused by every walk: a node is seen in the current walk when its mark equals `stamp`. */
  private readonly marks: Uint32Array;
  private stamp = 0;
  private readonly stack: Int32Array;

  constructor(graph: Pick<AuditGraph, 'nodes' | 'links'>) {
    this.nodes = sortedByKey(graph.nodes);
    this.size = this.nodes.length;
    this.nodes.forEach((node, i) => this.positions.set(node.id, i));
    this.isWork = new Uint8Array(this.size);
    this.isActiveWork = new Uint8Array(this.size);
    this.nodes.forEach((node, i) => {
      if (isWorkKind(node.kind)) {
        this.isWork[i] = 1;
        if (node.status === 'active') this.isActiveWork[i] = 1;
      }
    });
    this.marks = new Uint32Array(this.size);
    this.stack = new Int32Array(this.size);

    const chain = new EdgeList();
    const contributes = new EdgeList();
    const depends = new EdgeList();
    const proposed: IndexedLink[] = [];
    for (const link of graph.links) {
      if (link.state === 'rejected') continue;
      const from = this.position(link.from);
      const to = this.position(link.to);
      if (from === undefined || to === undefined) {
        // Only an inconsistent snapshot can do this; the loader reads nodes and links in one transaction.
        throw new Error(`Link ${link.from} → ${link.to} refers to a node that is not in the graph.`);
      }
      if (link.state === 'proposed') {
        proposed.push({ from, to, link: { ...link } });
        continue;
      }
      if (isChainLinkKind(link.kind)) chain.add(from, to, link.weight);
      if (link.kind === 'contributes_to') contributes.add(from, to, link.weight);
      if (link.kind === 'depends_on') depends.add(from, to, link.weight);
    }
    this.chainDown = chain.adjacency(this.size, 'backwards');
    this.chainUp = chain.adjacency(this.size, 'forwards');
    this.contributorsIn = contributes.adjacency(this.size, 'backwards');
    this.contributionsOut = contributes.adjacency(this.size, 'forwards');
    this.dependsOn = depends.adjacency(this.size, 'forwards');
    this.dependedOnBy = depends.adjacency(this.size, 'backwards');
    this.proposed = proposed;
  }

  position(id: string): number | undefined {
    return this.positions.get(id);
  }

  node(i: number): AuditNode {
    return this.nodes[i];
  }

  key(i: number): string {
    return this.nodes[i].key;
  }

  /**
   * The delivery of node `i` (docs/domain.md, "Delivery"): the active work items in its chain, found by
   * walking down through every node of the chain whatever its status, in key order. Memoised.
   */
  delivery(i: number): Int32Array {
    let found = this.deliveries.get(i);
    if (!found) {
      const items: number[] = [];
      this.walk(i, this.chainDown, (j) => {
        if (this.isActiveWork[j]) items.push(j);
      });
      found = Int32Array.from(items.sort((a, b) => a - b));
      this.deliveries.set(i, found);
    }
    return found;
  }

  /** Every node below `i` in the chain (not `i` itself), in visit order. */
  chainBelow(i: number): number[] {
    const below: number[] = [];
    this.walk(i, this.chainDown, (j) => below.push(j));
    return below;
  }

  /** Every node above `i` in the chain (not `i` itself): what it moves, up to the themes. */
  chainAbove(i: number): number[] {
    const above: number[] = [];
    this.walk(i, this.chainUp, (j) => above.push(j));
    return above;
  }

  /**
   * For each node, whether it is an active work item in the delivery of some active objective:
   * one walk down from all active objectives at once, so each node is visited once.
   */
  alignedWork(): Uint8Array {
    if (this.aligned) return this.aligned;
    const aligned = new Uint8Array(this.size);
    const seen = new Uint8Array(this.size);
    const stack: number[] = [];
    this.nodes.forEach((node, i) => {
      if (node.kind === 'objective' && node.status === 'active') {
        seen[i] = 1;
        stack.push(i);
      }
    });
    const { offsets, targets } = this.chainDown;
    while (stack.length) {
      const at = stack.pop()!;
      for (let e = offsets[at]; e < offsets[at + 1]; e++) {
        const next = targets[e];
        if (seen[next]) continue;
        seen[next] = 1;
        if (this.isActiveWork[next]) aligned[next] = 1;
        stack.push(next);
      }
    }
    this.aligned = aligned;
    return aligned;
  }

  /**
   * The shortest chain from `root` down to each of `targets` (both ends included), found by one
   * breadth-first walk. Neighbours are visited in key order, so the same graph gives the same path.
   */
  pathsDown(root: number, targets: Iterable<number>): Map<number, number[]> {
    const wanted = new Set(targets);
    const parent = new Map<number, number>([[root, -1]]);
    const queue = [root];
    const { offsets, targets: next } = this.chainDown;
    let missing = wanted.size;
    for (let head = 0; head < queue.length && missing > 0; head++) {
      const at = queue[head];
      for (let e = offsets[at]; e < offsets[at + 1]; e++) {
        const j = next[e];
        if (parent.has(j)) continue;
        parent.set(j, at);
        if (wanted.has(j)) missing--;
        queue.push(j);
      }
    }
    const paths = new Map<number, number[]>();
    for (const t of wanted) {
      if (!parent.has(t)) continue;
      const path: number[] = [];
      for (let at = t; at !== -1; at = parent.get(at)!) path.push(at);
      paths.set(t, path.reverse());
    }
    return paths;
  }

  /** Depth-first walk from `root` along `adjacency`, calling `visit` once per node reached (not `root`). */
  private walk(root: number, adjacency: Adjacency, visit: (j: number) => void) {
    const stamp = this.nextStamp();
    const { offsets, targets } = adjacency;
    const stack = this.stack;
    let top = 0;
    this.marks[root] = stamp;
    stack[top++] = root;
    while (top > 0) {
      const at = stack[--top];
      for (let e = offsets[at]; e < offsets[at + 1]; e++) {
        const next = targets[e];
        if (this.marks[next] === stamp) continue;
        this.marks[next] = stamp;
        visit(next);
        stack[top++] = next;
      }
    }
  }

  private nextStamp(): number {
    this.stamp++;
    if (this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}

/** Nodes in key order (code-unit order; keys are ASCII). The loader usually sends them sorted already. */
function sortedByKey(nodes: readonly AuditNode[]): readonly AuditNode[] {
  for (let i = 1; i < nodes.length; i++) {
    if (nodes[i - 1].key >= nodes[i].key) {
      return [...nodes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
  }
  return nodes;
}

/** Links gathered while indexing, turned into adjacency lists with each node's neighbours in key order. */
class EdgeList {
  private from: number[] = [];
  private to: number[] = [];
  private weight: number[] = [];

  add(from: number, to: number, weight: number | null) {
    this.from.push(from);
    this.to.push(to);
    this.weight.push(weight ?? NaN);
  }

  adjacency(size: number, direction: 'forwards' | 'backwards'): Adjacency {
    const [source, sink] = direction === 'forwards' ? [this.from, this.to] : [this.to, this.from];
    const offsets = new Int32Array(size + 1);
    for (const s of source) offsets[s + 1]++;
    for (let i = 0; i < size; i++) offsets[i + 1] += offsets[i];
    const fill = offsets.slice(0, size);
    const order = new Int32Array(source.length);
    for (let e = 0; e < source.length; e++) order[fill[source[e]]++] = e;
    const targets = new Int32Array(source.length);
    const weights = new Float64Array(source.length);
    for (let k = 0; k < order.length; k++) {
      targets[k] = sink[order[k]];
      weights[k] = this.weight[order[k]];
    }
    // Each node's neighbours in position (= key) order: insertion sort, as the lists are short.
    for (let i = 0; i < size; i++) {
      for (let k = offsets[i] + 1; k < offsets[i + 1]; k++) {
        const t = targets[k];
        const w = weights[k];
        let j = k - 1;
        while (j >= offsets[i] && targets[j] > t) {
          targets[j + 1] = targets[j];
          weights[j + 1] = weights[j];
          j--;
        }
        targets[j + 1] = t;
        weights[j + 1] = w;
      }
    }
    return { offsets, targets, weights };
  }
}

import {
  isChainLinkKind,
  isWorkKind,
  type InterchangeDocument,
  type InterchangeLink,
  type InterchangeNode,
  type LinkState,
  type NodeStatus,
} from '@throughline/domain';

/** A link whose two ends resolved, with the ends as node positions. */
export interface ResolvedLink {
  from: number;
  to: number;
  link: InterchangeLink;
  state: LinkState;
}

/**
 * An interchange document indexed for graph questions: nodes by position, links by end. Links
 * whose ends do not resolve are left out (the validator reports them), so a half-broken document
 * can still be described.
 *
 * Omitted fields take the defaults of docs/domain.md, "Interchange": a node is `active`, a link is
 * `approved` (the document is read as a PMO would import it).
 */
export class PortfolioIndex {
  readonly nodes: readonly InterchangeNode[];
  readonly links: readonly ResolvedLink[];
  private readonly positions = new Map<string, number>();
  /**
   * The chain read downwards: for each node, the nodes whose approved `contributes_to`, `part_of`
   * or `delivers` link points at it (docs/domain.md, "The chain").
   */
  readonly chainDown: number[][];
  /** Approved `depends_on` links: node → what it needs first. */
  readonly dependsOn: number[][];

  constructor(readonly document: InterchangeDocument) {
    this.nodes = document.nodes;
    this.nodes.forEach((node, i) => {
      if (!this.positions.has(node.key)) this.positions.set(node.key, i);
    });
    this.links = this.resolveLinks(document.links);
    this.chainDown = this.nodes.map(() => []);
    this.dependsOn = this.nodes.map(() => []);
    for (const { from, to, link, state } of this.links) {
      if (state !== 'approved') continue;
      if (isChainLinkKind(link.kind)) this.chainDown[to].push(from);
      else this.dependsOn[from].push(to);
    }
  }

  position(key: string): number | undefined {
    return this.positions.get(key);
  }

  key(position: number): string {
    return this.nodes[position].key;
  }

  status(position: number): NodeStatus {
    return this.nodes[position].status ?? 'active';
  }

  isActive(position: number): boolean {
    return this.status(position) === 'active';
  }

  isActiveWork(position: number): boolean {
    return isWorkKind(this.nodes[position].kind) && this.isActive(position);
  }

  /** Every node in the chain below `root` (root excluded), whatever its kind or status. */
  traceDown(root: number): number[] {
    const seen = new Set<number>([root]);
    const stack = [root];
    const found: number[] = [];
    while (stack.length) {
      for (const below of this.chainDown[stack.pop()!]) {
        if (seen.has(below)) continue;
        seen.add(below);
        found.push(below);
        stack.push(below);
      }
    }
    return found;
  }

  /** The delivery of a strategy node: the active work items in its chain (docs/domain.md, "Delivery"). */
  delivery(root: number): number[] {
    return this.traceDown(root).filter((i) => this.isActiveWork(i));
  }

  private resolveLinks(links: readonly InterchangeLink[]): ResolvedLink[] {
    const resolved: ResolvedLink[] = [];
    for (const link of links) {
      const from = this.positions.get(link.from);
      const to = this.positions.get(link.to);
      if (from === undefined || to === undefined) continue;
      resolved.push({ from, to, link, state: link.state ?? 'approved' });
    }
    return resolved;
  }
}

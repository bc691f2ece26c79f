import { LINK_KINDS, LINK_STATES, NODE_KINDS, type LinkKind, type LinkState, type NodeKind } from '@throughline/domain';
import type { PortfolioIndex } from './portfolio-index.js';

/** How the sizes of some nodes' downward chains are spread. */
export interface ChainDistribution {
  count: number;
  min: number;
  median: number;
  p90: number;
  max: number;
  /** The node with the largest chain. */
  maxKey: string | null;
}

export interface DocumentStats {
  businessUnits: number;
  nodes: number;
  nodesByKind: Record<NodeKind, number>;
  links: number;
  linksByKind: Record<LinkKind, Record<LinkState, number>>;
  checkIns: number;
  /** Chain sizes count the root and every node traced down from it over approved chain links, as a trace returns them. */
  objectiveChains: ChainDistribution;
  themeChains: ChainDistribution;
}

export function describeDocument(index: PortfolioIndex): DocumentStats {
  const { document } = index;
  const nodesByKind = Object.fromEntries(NODE_KINDS.map((kind) => [kind, 0])) as Record<NodeKind, number>;
  for (const node of document.nodes) nodesByKind[node.kind]++;
  const linksByKind = Object.fromEntries(
    LINK_KINDS.map((kind) => [kind, Object.fromEntries(LINK_STATES.map((state) => [state, 0]))]),
  ) as Record<LinkKind, Record<LinkState, number>>;
  for (const link of document.links) linksByKind[link.kind][link.state ?? 'approved']++;
  return {
    businessUnits: document.businessUnits.length,
    nodes: document.nodes.length,
    nodesByKind,
    links: document.links.length,
    linksByKind,
    checkIns: document.checkIns.length,
    objectiveChains: chainDistribution(index, 'objective'),
    themeChains: chainDistribution(index, 'theme'),
  };
}

function chainDistribution(index: PortfolioIndex, kind: NodeKind): ChainDistribution {
  const sizes = index.nodes
    .map((node, i) => ({ key: node.key, kind: node.kind, i }))
    .filter((node) => node.kind === kind)
    .map(({ key, i }) => ({ key, size: index.traceDown(i).length + 1 }))
    .sort((a, b) => a.size - b.size);
  if (!sizes.length) return { count: 0, min: 0, median: 0, p90: 0, max: 0, maxKey: null };
  const at = (share: number) => sizes[Math.min(sizes.length - 1, Math.floor(share * sizes.length))].size;
  return {
    count: sizes.length,
    min: sizes[0].size,
    median: at(0.5),
    p90: at(0.9),
    max: sizes[sizes.length - 1].size,
    maxKey: sizes[sizes.length - 1].key,
  };
}

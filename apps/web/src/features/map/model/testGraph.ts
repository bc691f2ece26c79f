import type { GraphLink, GraphNode, LinkKind, NodeKind } from '@throughline/domain';

/** Small graphs for the model tests, written the way docs/domain.md talks. */
export function graphNode(key: string, kind: NodeKind, extra: Partial<GraphNode> = {}): GraphNode {
  return {
    id: key,
    key,
    kind,
    title: `${key} title`,
    owner: 'Owner',
    businessUnitId: null,
    status: 'active',
    health: 'green',
    version: 1,
    ...extra,
  };
}

export function graphLink(
  from: string,
  to: string,
  kind: LinkKind = 'contributes_to',
  extra: Partial<GraphLink> = {},
): GraphLink {
  return { id: `${from}>${to}:${kind}`, from, to, kind, state: 'approved', weight: null, ...extra };
}

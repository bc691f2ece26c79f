import fc from 'fast-check';
import { isWorkKind, NODE_KINDS, NODE_STATUSES, type NodeKind } from '../kinds.js';
import { isLinkAllowed, LINK_KINDS, LINK_STATES, type LinkKind } from '../links.js';
import type { AuditGraph, AuditLink, AuditNode } from './audit-graph.js';
import { DEFAULT_AUDIT_SETTINGS } from './audit-types.js';
import { GraphIndex } from './graph-index.js';

/** Random graphs of every kind, status and link state the schema allows (chain cycles included: the index must cope). */
const graphs = fc
  .array(fc.tuple(fc.constantFrom(...NODE_KINDS), fc.constantFrom(...NODE_STATUSES)), { minLength: 1, maxLength: 25 })
  .chain((kinds) => {
    const nodes: AuditNode[] = kinds.map(([kind, status], i) => ({
      id: `n${i}`,
      key: `K-${String(i).padStart(2, '0')}`,
      kind,
      status,
      health: 'unknown',
      businessUnitId: null,
      hasOwner: true,
      createdAt: '2026-01-01T00:00:00Z',
    }));
    const candidate = fc.tuple(
      fc.nat(nodes.length - 1),
      fc.nat(nodes.length - 1),
      fc.constantFrom(...LINK_KINDS),
      fc.constantFrom(...LINK_STATES),
    );
    // Draw candidates and keep the ones the link matrix allows (a filter on each link could find none).
    return fc.array(candidate, { maxLength: 300 }).map((candidates): AuditGraph => {
      const links = candidates
        .filter(([a, b, kind]) => a !== b && isLinkAllowed(kind, nodes[a].kind, nodes[b].kind))
        .map(([a, b, kind, state]): AuditLink => ({ from: nodes[a].id, to: nodes[b].id, kind, state, weight: null }));
      return { nodes, links, settings: DEFAULT_AUDIT_SETTINGS, now: new Date() };
    });
  });

/** docs/domain.md's delivery, written the slow obvious way: follow approved chain links backwards until nothing new. */
function naiveDelivery(graph: AuditGraph, rootId: string): string[] {
  const chain: LinkKind[] = ['contributes_to', 'part_of', 'delivers'];
  const links = [...graph.links].filter((l) => l.state === 'approved' && chain.includes(l.kind));
  const reached = new Set<string>([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const l of links) {
      if (reached.has(l.to) && !reached.has(l.from)) {
        reached.add(l.from);
        grew = true;
      }
    }
  }
  reached.delete(rootId);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return [...reached]
    .map((id) => byId.get(id)!)
    .filter((n) => isWorkKind(n.kind as NodeKind) && n.status === 'active')
    .map((n) => n.key)
    .sort();
}

describe(GraphIndex.name, () => {
  it('computes every node’s delivery as docs/domain.md defines it', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const index = new GraphIndex(graph);
        for (const node of graph.nodes) {
          const i = index.position(node.id)!;
          expect(Array.from(index.delivery(i), (j) => index.key(j))).toEqual(naiveDelivery(graph, node.id));
        }
      }),
    );
  });

  it('marks as aligned exactly the active work in the delivery of some active objective', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const index = new GraphIndex(graph);
        const expected = new Set(
          graph.nodes
            .filter((n) => n.kind === 'objective' && n.status === 'active')
            .flatMap((n) => naiveDelivery(graph, n.id)),
        );
        const aligned = index.alignedWork();
        const got = new Set(index.nodes.filter((_, i) => aligned[i]).map((n) => n.key));
        expect(got).toEqual(expected);
      }),
    );
  });
});

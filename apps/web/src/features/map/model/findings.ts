import type { AuditFinding, GraphLink, GraphNode } from '@throughline/domain';
import type { Highlight } from './trace';

/** A finding on the map: the nodes it is about and the path that explains it, and the links between them. */
export function findingHighlight(
  finding: AuditFinding,
  nodes: readonly GraphNode[],
  links: readonly GraphLink[],
): Highlight {
  const keys = new Set([...finding.nodeKeys, ...finding.path]);
  const nodeIds = new Set(finding.nodeIds);
  for (const n of nodes) if (keys.has(n.key)) nodeIds.add(n.id);
  const linkIds = new Set(links.filter((l) => nodeIds.has(l.from) && nodeIds.has(l.to)).map((l) => l.id));
  return { nodeIds, linkIds };
}

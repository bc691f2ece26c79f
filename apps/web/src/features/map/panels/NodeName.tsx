import { useQuery } from '@tanstack/react-query';
import type { GraphNode } from '@throughline/domain';
import { nodeQuery } from '../../../api/nodes.queries';

/**
 * A node named by its key wherever it is — drawn in this view (from the map), or elsewhere (asked
 * of the API once, then cached) — so a link or a history entry never says "another node".
 */
export function NodeName({ id, drawn }: { id: string; drawn?: ReadonlyMap<string, GraphNode> }) {
  const onMap = drawn?.get(id);
  const fetched = useQuery({ ...nodeQuery(id), enabled: !onMap, retry: false, staleTime: 60_000 });
  const node = onMap ?? fetched.data;
  if (node) return <span title={node.title}>{node.key}</span>;
  return <span className="muted">{fetched.isError ? 'a deleted node' : '…'}</span>;
}

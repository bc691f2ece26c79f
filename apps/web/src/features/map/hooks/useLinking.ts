import type { GraphLink, GraphNode, LinkKind } from '@throughline/domain';
import type { Connection } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { useCreateLink, type NewLink } from '../../../api/links.queries';
import { useToast } from '../../../ui/toast';
import { judgeConnection } from '../model/connection';

/** A drawn link that more than one kind fits: the user picks. */
export interface LinkChoice {
  from: GraphNode;
  to: GraphNode;
  kinds: LinkKind[];
}

/**
 * Drawing links on the map: the domain's link matrix judges a connection before it is sent (and
 * says why not); one fitting kind is created at once, several are offered to choose from. The
 * outcome is said in a toast.
 */
export function useLinking(nodesById: ReadonlyMap<string, GraphNode>, links: readonly GraphLink[]) {
  const toast = useToast();
  const createLink = useCreateLink();
  const [chooser, setChooser] = useState<LinkChoice | null>(null);

  /** Why a link from → to cannot be drawn, or null when it can. */
  const explainConnection = useCallback(
    (from: string, to: string) => {
      const a = nodesById.get(from);
      const b = nodesById.get(to);
      if (!a || !b) return 'That node is not on the map.';
      const verdict = judgeConnection(a, b, links);
      return verdict.ok ? null : verdict.reason;
    },
    [nodesById, links],
  );
  const submitLink = useCallback(
    (link: NewLink) => {
      setChooser(null);
      const from = nodesById.get(link.fromId)?.key ?? 'node';
      const to = nodesById.get(link.toId)?.key ?? 'node';
      createLink.mutate(link, {
        onSuccess: () => toast(`Linked ${from} → ${to}`, 'success'),
        onError: (error) => toast(`The link ${from} → ${to} was refused: ${error.message}`, 'error'),
      });
    },
    [createLink, nodesById, toast],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      const from = nodesById.get(c.source);
      const to = nodesById.get(c.target);
      if (!from || !to) return;
      const verdict = judgeConnection(from, to, links);
      if (!verdict.ok) toast(verdict.reason, 'error');
      else if (verdict.kinds.length === 1) submitLink({ fromId: from.id, toId: to.id, kind: verdict.kinds[0] });
      else setChooser({ from, to, kinds: verdict.kinds });
    },
    [nodesById, links, toast, submitLink],
  );
  /** A drop the map refused: say why. */
  const refuse = useCallback((reason: string) => toast(reason, 'error'), [toast]);
  const cancelChoice = useCallback(() => setChooser(null), []);

  return { chooser, explainConnection, onConnect, submitLink, refuse, cancelChoice };
}

export type Linking = ReturnType<typeof useLinking>;

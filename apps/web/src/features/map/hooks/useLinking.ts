import type { GraphLink, GraphNode } from '@throughline/domain';
import type { Connection } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../api/http';
import { useCreateLink, type NewLink } from '../../../api/links.queries';
import { useToast } from '../../../ui/toast';
import { judgeConnection } from '../model/connection';
import { LINK_VERB, plainLinkError } from '../model/linkWords';
import type { LinkEnd, LinkRequest } from '../panels/LinkDialog';
import type { LinkShape } from './useUndo';

/** A link just created, for undo: its id, a label and what redo would send again. */
export interface LinkOutcome {
  id: string;
  label: string;
  link: LinkShape;
}

/**
 * Linking on the map: the domain's link matrix judges a drawn connection before it is sent (and
 * says why not, in plain words); one fitting kind drawn by a PMO is created at once, otherwise the
 * link dialog asks (which kind, a weight, a note — required for a proposal). "Link to…" opens the
 * same dialog with a search. The toast says whether the link was made or only proposed.
 */
export function useLinking(
  nodesById: ReadonlyMap<string, GraphNode>,
  links: readonly GraphLink[],
  options: { alwaysProposed: boolean; onLinked?: (link: LinkOutcome) => void },
) {
  const { alwaysProposed, onLinked } = options;
  const toast = useToast();
  const createLink = useCreateLink();
  const [request, setRequest] = useState<LinkRequest | null>(null);

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

  /** What dropping a link from → to would do, in words, for the hint that follows the pointer. */
  const describeConnection = useCallback(
    (from: string, to: string) => {
      const a = nodesById.get(from);
      const b = nodesById.get(to);
      if (!a || !b) return '';
      const verdict = judgeConnection(a, b, links);
      if (!verdict.ok) return verdict.reason;
      const what =
        verdict.kinds.length === 1
          ? `${a.key} ${LINK_VERB[verdict.kinds[0]]} ${b.key}`
          : `${a.key} → ${b.key}: you choose what it means`;
      return `Drop: ${what}${alwaysProposed ? ' (as a proposal)' : ''}`;
    },
    [nodesById, links, alwaysProposed],
  );

  const submitLink = useCallback(
    (link: NewLink, ends?: { from: LinkEnd; to: LinkEnd }) => {
      setRequest(null);
      const fromEnd = ends?.from ?? nodesById.get(link.fromId);
      const toEnd = ends?.to ?? nodesById.get(link.toId);
      const from = fromEnd?.key ?? 'node';
      const to = toEnd?.key ?? 'node';
      createLink.mutate(link, {
        onSuccess: (saved) => {
          if (saved.state === 'proposed')
            toast(`Proposed ${from} → ${to} — waiting for a PMO to approve it`, 'success');
          else toast(`Linked ${from} → ${to}`, 'success');
          const { state: _asked, ...shape } = link;
          const proposed = saved.state === 'proposed' ? ({ state: 'proposed' } as const) : {};
          onLinked?.({ id: saved.id, label: `${from} → ${to}`, link: { ...shape, ...proposed } });
        },
        onError: (error) => {
          const code = error instanceof ApiError ? error.body.code : undefined;
          const plain = fromEnd && toEnd ? plainLinkError(code, fromEnd, toEnd) : null;
          toast(`${from} → ${to} was not linked: ${plain ?? error.message}`, 'error');
        },
      });
    },
    [createLink, nodesById, toast, onLinked],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const from = nodesById.get(c.source);
      const to = nodesById.get(c.target);
      if (!from || !to) return;
      const verdict = judgeConnection(from, to, links);
      if (!verdict.ok) toast(verdict.reason, 'error');
      // A proposal needs a note, and two fitting kinds a choice: the dialog asks.
      else if (verdict.kinds.length === 1 && !alwaysProposed)
        submitLink({ fromId: from.id, toId: to.id, kind: verdict.kinds[0] });
      else setRequest({ from, to });
    },
    [nodesById, links, toast, submitLink, alwaysProposed],
  );

  /** "Link to…" from a node: the dialog searches the other end. */
  const openPicker = useCallback((from: LinkEnd) => setRequest({ from }), []);
  /** The dialog with both ends set (a node just made next to another). */
  const offerLink = useCallback((from: LinkEnd, to: LinkEnd) => setRequest({ from, to }), []);

  /** A drop the map refused: say why. */
  const refuse = useCallback((reason: string) => toast(reason, 'error'), [toast]);
  const cancel = useCallback(() => setRequest(null), []);

  return {
    request,
    alwaysProposed,
    explainConnection,
    describeConnection,
    onConnect,
    openPicker,
    offerLink,
    submitLink,
    refuse,
    cancel,
  };
}

export type Linking = ReturnType<typeof useLinking>;

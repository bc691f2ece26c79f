import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { GraphLink, GraphView } from '@throughline/domain';
import type { ApiLink, ApiNewLink } from './contract';
import { graphKeys, invalidateGraphDerived } from './graph.queries';
import { http } from './http';
import { linkKeys } from './links.keys';
import { nodeKeys } from './nodes.queries';

export { linkKeys };

export const linksForNodeQuery = (nodeId: string) =>
  queryOptions({
    queryKey: linkKeys.forNode(nodeId),
    queryFn: ({ signal }) => http<ApiLink[]>(`/links?nodeId=${encodeURIComponent(nodeId)}`, { signal }),
  });

/** The body of `POST /api/links`. */
export type NewLink = ApiNewLink;

/** Ids of links drawn before the API has answered; they never reach the server. */
export const OPTIMISTIC_PREFIX = 'optimistic:';
let optimisticCounter = 0;

type ViewSnapshot = [readonly unknown[], GraphView | undefined][];

/** Invalidate what a link change makes stale: the views, traces, audit and roll-ups, and both ends' links and history. */
function invalidateLinkEnds(client: QueryClient, ends: readonly string[]) {
  return Promise.all([
    invalidateGraphDerived(client),
    ...ends.flatMap((id) => [
      client.invalidateQueries({ queryKey: linkKeys.forNode(id) }),
      client.invalidateQueries({ queryKey: nodeKeys.history(id) }),
    ]),
  ]);
}

/**
 * Creates a link and draws it at once: the link is added to every cached view that holds one of its
 * ends, and taken out again if the API refuses it (the caller shows the API's message).
 */
export function useCreateLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (link: NewLink) => http<ApiLink>('/links', { method: 'POST', json: link }),
    onMutate: async (link): Promise<{ snapshot: ViewSnapshot; tempId: string }> => {
      // A refetch landing now would overwrite the optimistic link, then the rollback would restore a stale view.
      await client.cancelQueries({ queryKey: graphKeys.views() });
      const snapshot = client.getQueriesData<GraphView>({ queryKey: graphKeys.views() });
      const tempId = `${OPTIMISTIC_PREFIX}${++optimisticCounter}`;
      const drawn: GraphLink = {
        id: tempId,
        from: link.fromId,
        to: link.toId,
        kind: link.kind,
        state: link.state ?? 'approved',
        weight: link.weight ?? null,
      };
      client.setQueriesData<GraphView>({ queryKey: graphKeys.views() }, (view) => {
        if (!view) return view;
        // Either end is enough: a node just created may be drawn in a view that does not hold it yet.
        const ids = new Set(view.nodes.map((n) => n.id));
        return ids.has(link.fromId) || ids.has(link.toId) ? { ...view, links: [...view.links, drawn] } : view;
      });
      return { snapshot, tempId };
    },
    onError: (_error, _link, context) => {
      for (const [key, view] of context?.snapshot ?? []) client.setQueryData(key, view);
    },
    onSuccess: (saved, _link, context) => {
      // Swap the stand-in for the real link so the edge keeps its place until the views refetch.
      client.setQueriesData<GraphView>({ queryKey: graphKeys.views() }, (view) =>
        view
          ? {
              ...view,
              links: view.links.map((l) =>
                l.id === context.tempId
                  ? {
                      id: saved.id,
                      from: saved.fromId,
                      to: saved.toId,
                      kind: saved.kind,
                      state: saved.state,
                      weight: saved.weight,
                    }
                  : l,
              ),
            }
          : view,
      );
    },
    onSettled: (_saved, _error, link) => invalidateLinkEnds(client, [link.fromId, link.toId]),
  });
}

interface LinkRef {
  id: string;
  fromId: string;
  toId: string;
}

function useLinkAction(send: (link: LinkRef) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (_result, link) => invalidateLinkEnds(client, [link.fromId, link.toId]),
  });
}

const linkPath = (id: string) => `/links/${encodeURIComponent(id)}`;

export const useDeleteLink = () => useLinkAction((link) => http<void>(linkPath(link.id), { method: 'DELETE' }));
export const useApproveLink = () =>
  useLinkAction((link) => http<ApiLink>(`${linkPath(link.id)}/approve`, { method: 'POST' }));
export const useRejectLink = () =>
  useLinkAction((link) => http<ApiLink>(`${linkPath(link.id)}/reject`, { method: 'POST' }));

/** Sets or clears a link's weight (0–100, the share of the source's effort that serves the target). */
export function useSetLinkWeight() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ link, weight }: { link: LinkRef; weight: number | null }) =>
      http<ApiLink>(linkPath(link.id), { method: 'PATCH', json: { weight } }),
    // Weights count in the audit (over-allocated work) and show on the map's links.
    onSuccess: (_saved, { link }) => invalidateLinkEnds(client, [link.fromId, link.toId]),
  });
}

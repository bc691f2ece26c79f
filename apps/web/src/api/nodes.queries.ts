import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { NodeKind, NodeRecord } from '@throughline/domain';
import type { ApiChangeLogEntry, ApiCheckIn, ApiNewCheckIn, ApiNode, ApiNodePage } from './contract';
import { auditKeys } from './audit.queries';
import { coverageKeys } from './coverage.queries';
import { invalidateGraphDerived } from './graph.queries';
import { http } from './http';
import { linkKeys } from './links.keys';

/** The writable fields of a node: everything but its identity, version and bookkeeping. */
export type NodeFields = Partial<
  Omit<NodeRecord, 'id' | 'kind' | 'version' | 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy'>
>;
export type NewNode = NodeFields & { kind: NodeKind; title: string };

export type NodePage = ApiNodePage;

export const nodeKeys = {
  all: ['nodes'] as const,
  details: () => [...nodeKeys.all, 'detail'] as const,
  detail: (id: string) => [...nodeKeys.details(), id] as const,
  history: (id: string) => [...nodeKeys.detail(id), 'history'] as const,
  checkIns: (id: string) => [...nodeKeys.detail(id), 'check-ins'] as const,
  search: (q: string) => [...nodeKeys.all, 'search', q] as const,
};

const nodePath = (id: string) => `/nodes/${encodeURIComponent(id)}`;

export const nodeQuery = (id: string) =>
  queryOptions({
    queryKey: nodeKeys.detail(id),
    queryFn: ({ signal }) => http<ApiNode>(nodePath(id), { signal }),
  });

export const nodeHistoryQuery = (id: string) =>
  queryOptions({
    queryKey: nodeKeys.history(id),
    queryFn: ({ signal }) => http<ApiChangeLogEntry[]>(`${nodePath(id)}/history?limit=50`, { signal }),
  });

export const checkInsQuery = (id: string) =>
  queryOptions({
    queryKey: nodeKeys.checkIns(id),
    queryFn: ({ signal }) => http<ApiCheckIn[]>(`${nodePath(id)}/check-ins`, { signal }),
  });

/** Nodes anywhere in the organisation whose key or title matches, for search beyond the current view. */
export const nodeSearchQuery = (q: string) =>
  queryOptions({
    queryKey: nodeKeys.search(q),
    queryFn: ({ signal }) =>
      http<NodePage>(`/nodes?q=${encodeURIComponent(q)}&limit=20&sort=key`, { signal }).then((page) => page.items),
    enabled: q.trim().length >= 2,
    staleTime: 30_000,
  });

export function useCreateNode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (node: NewNode) => http<ApiNode>('/nodes', { method: 'POST', json: node }),
    onSuccess: async (created) => {
      client.setQueryData(nodeKeys.detail(created.id), created);
      await Promise.all([
        invalidateGraphDerived(client),
        client.invalidateQueries({ queryKey: [...nodeKeys.all, 'search'] }),
      ]);
    },
  });
}

export interface NodeUpdate {
  id: string;
  /** The version the edit was based on; a newer one on the server answers 409 VERSION_CONFLICT. */
  version: number;
  fields: NodeFields;
}

export function useUpdateNode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, fields }: NodeUpdate) =>
      http<ApiNode>(nodePath(id), { method: 'PATCH', json: { ...fields, version } }),
    onSuccess: async (saved) => {
      client.setQueryData(nodeKeys.detail(saved.id), saved);
      await Promise.all([
        client.invalidateQueries({ queryKey: nodeKeys.history(saved.id) }),
        client.invalidateQueries({ queryKey: [...nodeKeys.all, 'search'] }),
        invalidateGraphDerived(client),
      ]);
    },
  });
}

export function useDeleteNode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http<void>(nodePath(id), { method: 'DELETE' }),
    onSuccess: async (_void, id) => {
      client.removeQueries({ queryKey: nodeKeys.detail(id) });
      await Promise.all([
        invalidateGraphDerived(client),
        client.invalidateQueries({ queryKey: linkKeys.all }),
        client.invalidateQueries({ queryKey: [...nodeKeys.all, 'search'] }),
      ]);
    },
  });
}

/** The body of `POST /api/nodes/{id}/check-ins`. */
export type NewCheckIn = ApiNewCheckIn;

export function useAddCheckIn(nodeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (checkIn: NewCheckIn) =>
      http<ApiCheckIn>(`${nodePath(nodeId)}/check-ins`, { method: 'POST', json: checkIn }),
    onSuccess: () =>
      Promise.all([
        // The key result's `current` (and so its version), its progress and its staleness all move.
        client.invalidateQueries({ queryKey: nodeKeys.detail(nodeId) }),
        client.invalidateQueries({ queryKey: coverageKeys.all }),
        client.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
  });
}

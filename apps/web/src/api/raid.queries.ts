import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RaidItem, RaidStatus, RaidType } from '@throughline/domain';
import type { ApiRedRisks } from './contract';
import { http } from './http';

export type { RaidItem };

/** Filters of `GET /api/raid` (issue 13). */
export interface RaidFilters {
  type?: RaidType | '';
  status?: RaidStatus | '';
  overdue?: boolean;
  red?: boolean;
  nodeId?: string;
  linkId?: string;
}

/** The body of `POST /api/raid` and `PATCH /api/raid/:id`. */
export interface RaidInput {
  type: RaidType;
  title: string;
  description: string;
  owner: string | null;
  status: RaidStatus;
  dueDate: string | null;
  likelihood: number | null;
  impact: number | null;
  decidedOn: string | null;
  decidedBy: string | null;
  attachments: ({ nodeId: string } | { linkId: string })[];
  version?: number;
}

/** Open red risks per node (`GET /api/raid/red-risks`), for badges. */
export type RedRisks = ApiRedRisks;

export const raidKeys = {
  all: ['raid'] as const,
  list: (filters: RaidFilters) => [...raidKeys.all, 'list', filters] as const,
  redRisks: () => [...raidKeys.all, 'red-risks'] as const,
};

function searchOf(filters: RaidFilters): string {
  const params = new URLSearchParams();
  if (filters.type) params.set('type', filters.type);
  if (filters.status) params.set('status', filters.status);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.red) params.set('red', 'true');
  if (filters.nodeId) params.set('nodeId', filters.nodeId);
  if (filters.linkId) params.set('linkId', filters.linkId);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** `GET /api/raid/export.csv` with the list's filters: the "Download CSV" link (the session cookie goes along). */
export function raidCsvPath(filters: RaidFilters): string {
  return `/api/raid/export.csv${searchOf(filters)}`;
}

export const raidQuery = (filters: RaidFilters = {}) =>
  queryOptions({
    queryKey: raidKeys.list(filters),
    queryFn: ({ signal }) => http<RaidItem[]>(`/raid${searchOf(filters)}`, { signal }),
  });

/** Open red risks per node: the map's and the dashboard's badges. */
export const redRisksQuery = () =>
  queryOptions({
    queryKey: raidKeys.redRisks(),
    queryFn: ({ signal }) => http<RedRisks[]>('/raid/red-risks', { signal }),
  });

export function useSaveRaidItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: RaidInput }) =>
      id
        ? http<RaidItem>(`/raid/${encodeURIComponent(id)}`, { method: 'PATCH', json: input })
        : http<RaidItem>('/raid', { method: 'POST', json: input }),
    onSettled: () => client.invalidateQueries({ queryKey: raidKeys.all }),
  });
}

export function useDeleteRaidItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http<void>(`/raid/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: raidKeys.all }),
  });
}

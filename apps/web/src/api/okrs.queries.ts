import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { NodeRecord, OkrCycle } from '@throughline/domain';
import { http } from './http';

export type { OkrCycle };

/** The organisation's key results with their figures (`GET /api/nodes?kind=key_result`, every page). */
export const keyResultsQuery = () =>
  queryOptions({
    queryKey: ['nodes', 'okrs', 'key-results'] as const,
    queryFn: async ({ signal }) => {
      const all: NodeRecord[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: NodeRecord[]; nextCursor: string | null } = await http(
          `/nodes?kind=key_result&limit=200&sort=key${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { signal },
        );
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
  });

export const okrCycleKeys = { all: ['okr-cycles'] as const };

/** The OKR cycles, newest first (`GET /api/okr-cycles`). */
export const okrCyclesQuery = () =>
  queryOptions({
    queryKey: okrCycleKeys.all,
    queryFn: ({ signal }) => http<OkrCycle[]>('/okr-cycles', { signal }),
  });

/** The body of `POST /api/okr-cycles` (and, partly, of PATCH). */
export interface OkrCycleInput {
  name: string;
  startsOn: string;
  endsOn: string;
}

/** Defines a cycle (id null) or changes one; a PMO's or admin's. */
export function useSaveOkrCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: Partial<OkrCycleInput> }) =>
      id
        ? http<OkrCycle>(`/okr-cycles/${encodeURIComponent(id)}`, { method: 'PATCH', json: input })
        : http<OkrCycle>('/okr-cycles', { method: 'POST', json: input }),
    onSettled: () => client.invalidateQueries({ queryKey: okrCycleKeys.all }),
  });
}

/** Deletes a cycle; its key results stay, in no cycle (so the key results are read again too). */
export function useDeleteOkrCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http<void>(`/okr-cycles/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: okrCycleKeys.all });
      await client.invalidateQueries({ queryKey: keyResultsQuery().queryKey });
    },
  });
}

/** Puts a key result in a cycle (or none): a PATCH of the node with the version it was read at. */
export function useSetKeyResultCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ keyResult, cycleId }: { keyResult: Pick<NodeRecord, 'id' | 'version'>; cycleId: string | null }) =>
      http<NodeRecord>(`/nodes/${encodeURIComponent(keyResult.id)}`, {
        method: 'PATCH',
        json: { version: keyResult.version, cycleId },
      }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: keyResultsQuery().queryKey });
      await client.invalidateQueries({ queryKey: okrCycleKeys.all });
    },
  });
}

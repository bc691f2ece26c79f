import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { ApiBody, ApiResult } from './contract';
import { http } from './http';

/** `GET /api/map-layouts` (issue 11): the organisation's arrangement of one map view. */
export type MapLayout = ApiResult<'/api/map-layouts', 'get'>;
export type MapLayoutPositions = ApiBody<'/api/map-layouts', 'put'>['positions'];

export const mapLayoutKeys = {
  all: ['map-layouts'] as const,
  view: (view: string) => [...mapLayoutKeys.all, view] as const,
};

const viewQuery = (view: string) => `?view=${encodeURIComponent(view)}`;

/**
 * The arrangement of a view. Refetched when the map is looked at again (focus, remount) so a PMO's rearranging
 * reaches everyone; a minute fresh in between, as it changes rarely.
 */
export const mapLayoutQuery = (view: string) =>
  queryOptions({
    queryKey: mapLayoutKeys.view(view),
    queryFn: ({ signal }) => http<MapLayout>(`/map-layouts${viewQuery(view)}`, { signal }),
    staleTime: 60_000,
  });

/**
 * The server side of the layout store's `SharedArrangement` (a PMO's or admin's): saves moves and clears a view,
 * and keeps the query's cache in step, so the map does not wait for a refetch to agree with itself.
 */
export function mapLayoutSharer(client: QueryClient) {
  return {
    async save(view: string, positions: MapLayoutPositions): Promise<void> {
      // A read that started before this save would answer without it: cancel it, the answer below is newer.
      await client.cancelQueries({ queryKey: mapLayoutKeys.view(view) });
      const saved = await http<MapLayout>('/map-layouts', { method: 'PUT', json: { view, positions } });
      client.setQueryData(mapLayoutKeys.view(view), saved);
    },
    async clear(view: string): Promise<void> {
      await client.cancelQueries({ queryKey: mapLayoutKeys.view(view) });
      await http<void>(`/map-layouts${viewQuery(view)}`, { method: 'DELETE' });
      client.setQueryData<MapLayout>(mapLayoutKeys.view(view), (old) => ({
        view,
        positions: {},
        updatedBy: old?.updatedBy ?? null,
        updatedAt: new Date().toISOString(),
      }));
    },
  };
}

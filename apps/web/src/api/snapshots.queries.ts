import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { SnapshotDiff } from '@throughline/domain';
import type { ApiSnapshot, ApiTrendPoint } from './contract';
import { http } from './http';

/** `GET /api/snapshots` (issue 13): a baseline's summary, without its graph. */
export type SnapshotSummary = ApiSnapshot;

export interface SnapshotDiffResult extends SnapshotDiff {
  from: SnapshotSummary;
  to: SnapshotSummary | null;
  /** Key and title of each node a listed link joins. */
  names: Record<string, { key: string; title: string }>;
}

/** `GET /api/snapshots/trend`: objective coverage at each snapshot, oldest first (the dashboard's trend). */
export type TrendPoint = ApiTrendPoint;

export const snapshotKeys = {
  all: ['snapshots'] as const,
  list: () => [...snapshotKeys.all, 'list'] as const,
  trend: () => [...snapshotKeys.all, 'trend'] as const,
  diff: (from: string, to: string) => [...snapshotKeys.all, 'diff', from, to] as const,
};

export const snapshotsQuery = () =>
  queryOptions({
    queryKey: snapshotKeys.list(),
    queryFn: ({ signal }) => http<SnapshotSummary[]>('/snapshots', { signal }),
  });

export const snapshotTrendQuery = () =>
  queryOptions({
    queryKey: snapshotKeys.trend(),
    queryFn: ({ signal }) => http<TrendPoint[]>('/snapshots/trend', { signal }),
  });

/** `to` is a snapshot id or `now`; a diff against now is refetched whenever the page asks again. */
export const snapshotDiffQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: snapshotKeys.diff(from, to),
    queryFn: ({ signal }) =>
      http<SnapshotDiffResult>(`/snapshots/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, {
        signal,
      }),
    staleTime: to === 'now' ? 0 : Infinity,
  });

export function useTakeSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => http<SnapshotSummary>('/snapshots', { method: 'POST', json: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: snapshotKeys.all }),
  });
}

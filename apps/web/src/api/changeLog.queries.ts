import { infiniteQueryOptions } from '@tanstack/react-query';
import type { ApiChangeLogPage } from './contract';
import { http } from './http';

/** The change log's filters, as the URL of `/change-log` carries them. */
export interface ChangeLogFilter {
  actor?: string;
  entityType?: string;
  action?: string;
  /** Calendar dates (inclusive), in the browser's time zone. */
  from?: string;
  to?: string;
}

/** A page as `GET /api/change-log` answers it: `nextBefore` is the cursor of the next (older) page. */
export type ChangeLogPage = ApiChangeLogPage;
export type ChangeLogEntry = ApiChangeLogPage['entries'][number];

export const CHANGE_LOG_PAGE_SIZE = 50;

export const changeLogKeys = {
  all: ['change-log'] as const,
  list: (filter: ChangeLogFilter) => [...changeLogKeys.all, filter] as const,
};

/** A day's bounds as instants: `from` at the day's start, `to` at the next day's start (exclusive). */
function dayStart(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
}

export function changeLogSearch(filter: ChangeLogFilter, before: number | null): string {
  const params = new URLSearchParams();
  if (filter.actor) params.set('actor', filter.actor);
  if (filter.entityType) params.set('entityType', filter.entityType);
  if (filter.action) params.set('action', filter.action);
  if (filter.from) params.set('from', dayStart(filter.from));
  if (filter.to) params.set('to', dayStart(filter.to, 1));
  if (before) params.set('before', String(before));
  params.set('limit', String(CHANGE_LOG_PAGE_SIZE));
  return params.toString();
}

/** Newest first, a page at a time: each page ends with the cursor of the next (older) one. */
export const changeLogQuery = (filter: ChangeLogFilter) =>
  infiniteQueryOptions({
    queryKey: changeLogKeys.list(filter),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) =>
      http<ChangeLogPage>(`/change-log?${changeLogSearch(filter, pageParam)}`, { signal }),
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });

import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ApiLink, ApiNode } from '../../api/contract';
import { http } from '../../api/http';
import { linksForNodeQuery } from '../../api/links.queries';
import { nodeKeys } from '../../api/nodes.queries';

const WORK = 'programme,project,bau,asset';

/** Every page of `GET /api/nodes?<query>` (200 a page), for lists a person reads whole. */
async function allNodes(query: string, signal: AbortSignal): Promise<ApiNode[]> {
  const items: ApiNode[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ApiNode[]; nextCursor: string | null } = await http(
      `/nodes?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { signal },
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** The work items of these units (programmes, projects, BAU, assets), by key. */
export function useUnitWork(unitIds: readonly string[]) {
  const results = useQueries({
    queries: unitIds.map((unitId) => ({
      queryKey: [...nodeKeys.all, 'unit-work', unitId],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        allNodes(`businessUnit=${encodeURIComponent(unitId)}&kind=${WORK}&sort=key`, signal),
    })),
  });
  const isPending = results.some((r) => r.isPending);
  const error = results.find((r) => r.error)?.error ?? null;
  const data = results.map((r) => r.data);
  const work = useMemo(() => data.flatMap((d) => d ?? []), [data]);
  return { work, isPending, error };
}

/** Objectives and key results: the targets a proposal may name, and the names of a link's target. */
export function useStrategyTargets() {
  return useQuery({
    queryKey: [...nodeKeys.all, 'strategy-targets'],
    queryFn: ({ signal }) => allNodes('kind=objective,key_result&sort=key', signal),
    staleTime: 60_000,
  });
}

/** Each item's links (shared with the map's panel cache), keyed by the item's id. */
export function useLinksOf(ids: readonly string[]): ReadonlyMap<string, ApiLink[]> {
  const results = useQueries({ queries: ids.map((id) => linksForNodeQuery(id)) });
  const data = results.map((r) => r.data);
  return useMemo(() => new Map(ids.map((id, i) => [id, data[i] ?? []])), [ids, data]);
}

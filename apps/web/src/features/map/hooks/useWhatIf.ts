import { useQuery } from '@tanstack/react-query';
import type { GraphLink, WorkImpact } from '@throughline/domain';
import { useCallback, useMemo, useState } from 'react';
import { http } from '../../../api/http';
import type { Highlight } from '../model/trace';

/** `GET /api/graph/impact/:id`: what would lose support if this work stopped. */
export const impactQuery = (id: string) => ({
  queryKey: ['graph', 'impact', id] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    http<WorkImpact>(`/graph/impact/${encodeURIComponent(id)}`, { signal }),
  staleTime: 10_000,
});

/** What the map lights for a what-if: the item, what it supports that would suffer, and what depends on it. */
export function impactHighlight(impact: WorkImpact, links: readonly GraphLink[]): Highlight {
  const nodeIds = new Set<string>([
    impact.item.nodeId,
    ...impact.losesAll.map((n) => n.nodeId),
    ...impact.losesPart.map((n) => n.nodeId),
    ...impact.dependents.map((n) => n.nodeId),
  ]);
  const linkIds = new Set(links.filter((l) => nodeIds.has(l.from) && nodeIds.has(l.to)).map((l) => l.id));
  return { nodeIds, linkIds };
}

/**
 * "What if this stops?": the work item asked about, the impact endpoint's answer, and the highlight
 * it makes on the map (lit: the item and everything that would lose support or depends on it).
 */
export function useWhatIf(links: readonly GraphLink[]) {
  const [itemId, setItemId] = useState<string | null>(null);
  const impact = useQuery({ ...impactQuery(itemId ?? ''), enabled: !!itemId });
  const highlight = useMemo(
    () => (itemId && impact.data ? impactHighlight(impact.data, links) : null),
    [itemId, impact.data, links],
  );
  const ask = useCallback((id: string) => setItemId(id), []);
  const clear = useCallback(() => setItemId(null), []);
  return { itemId, impact, highlight, ask, clear };
}

export type WhatIf = ReturnType<typeof useWhatIf>;

import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { GraphScope, TraceDirection } from '@throughline/domain';
import { auditKeys } from './audit.queries';
import type { ApiGraphView, ApiTraceView } from './contract';
import { coverageKeys } from './coverage.queries';
import { http } from './http';

/**
 * What the map asks the API for: one scoped view of the graph (docs/api.md, "The graph"). `auto`
 * is the whole organisation when it fits in `limit`, else its strategy; the answer's `scope` says which.
 */
export interface GraphViewParams {
  scope: GraphScope | 'auto';
  /** The theme or objective of a `chain` view. */
  rootId?: string;
  /** The unit of a `business_unit` view. */
  businessUnitId?: string;
  /** At most this many nodes in an `all` view (the API's default is 2,000). */
  limit?: number;
}

export const graphKeys = {
  all: ['graph'] as const,
  views: () => [...graphKeys.all, 'view'] as const,
  view: (params: GraphViewParams) => [...graphKeys.views(), params] as const,
  traces: () => [...graphKeys.all, 'trace'] as const,
  trace: (id: string, direction: TraceDirection) => [...graphKeys.traces(), id, direction] as const,
};

export function graphViewPath(params: GraphViewParams): string {
  const query = new URLSearchParams({ scope: params.scope, includeProposed: 'true' });
  if (params.scope === 'chain' && params.rootId) query.set('rootId', params.rootId);
  if (params.scope === 'business_unit' && params.businessUnitId) query.set('businessUnitId', params.businessUnitId);
  if ((params.scope === 'all' || params.scope === 'auto') && params.limit) query.set('limit', String(params.limit));
  return `/graph?${query.toString()}`;
}

export const graphViewQuery = (params: GraphViewParams) =>
  queryOptions({
    queryKey: graphKeys.view(params),
    queryFn: ({ signal }) => http<ApiGraphView>(graphViewPath(params), { signal }),
    // Keep drawing the previous view while the next one loads: the map never flashes empty.
    placeholderData: (previous) => previous,
  });

/** The chain through one node: up to its themes and down to its delivery (proposed links included, drawn dashed). */
export const traceQuery = (id: string, direction: TraceDirection = 'both') =>
  queryOptions({
    queryKey: graphKeys.trace(id, direction),
    queryFn: ({ signal }) =>
      http<ApiTraceView>(`/graph/trace/${encodeURIComponent(id)}?direction=${direction}&includeProposed=true`, {
        signal,
      }),
  });

/** What a change to the graph's shape makes stale: every drawn view, trace, the audit and the roll-ups. */
export function invalidateGraphDerived(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: graphKeys.all }),
    client.invalidateQueries({ queryKey: auditKeys.all }),
    client.invalidateQueries({ queryKey: coverageKeys.all }),
  ]);
}

import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiNodePage } from './contract';
import { graphKeys } from './graph.queries';
import { http } from './http';

/** Counts of what an import created or updated, per section (`POST /api/portfolio/import`). */
export interface ImportResult {
  businessUnits: { created: number; updated: number };
  nodes: { created: number; updated: number };
  links: { created: number; updated: number };
  checkIns: { created: number; updated: number };
}

/**
 * Whether the organisation has any node at all (a new one opens on a welcome instead of an empty
 * map). Under the graph's key, so drawing or importing the first node asks again.
 */
export const hasNodesQuery = () =>
  queryOptions({
    queryKey: [...graphKeys.all, 'has-nodes'] as const,
    queryFn: ({ signal }) => http<ApiNodePage>('/nodes?limit=1', { signal }).then((page) => page.items.length > 0),
  });

/** Imports an interchange document; everything the map shows is then read again. */
export function useImportDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (document: unknown) => http<ImportResult>('/portfolio/import', { method: 'POST', json: document }),
    onSuccess: () => client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'auth' }),
  });
}

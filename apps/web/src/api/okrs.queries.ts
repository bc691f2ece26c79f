import { queryOptions } from '@tanstack/react-query';
import type { NodeRecord } from '@throughline/domain';
import { http } from './http';

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

import { queryOptions } from '@tanstack/react-query';
import type { NodeRollup } from '@throughline/domain';
import { http } from './http';

export const coverageKeys = {
  all: ['coverage'] as const,
};

/**
 * The part of `GET /api/coverage` the map reads: the roll-up of each strategy node (its progress
 * bar and derived health). The rest of the report belongs to the coverage screen.
 */
interface CoverageRollups {
  rollups?: NodeRollup[];
}

export const rollupsQuery = () =>
  queryOptions({
    queryKey: coverageKeys.all,
    queryFn: ({ signal }) => http<CoverageRollups>('/coverage', { signal }),
    select: (report): ReadonlyMap<string, NodeRollup> => new Map((report.rollups ?? []).map((r) => [r.nodeId, r])),
  });

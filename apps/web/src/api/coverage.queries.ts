import { queryOptions } from '@tanstack/react-query';
import type { NodeRollup } from '@throughline/domain';
import type { ApiCoverageReport } from './contract';
import { http } from './http';

export const coverageKeys = {
  all: ['coverage'] as const,
};

/**
 * The map reads the roll-up of each strategy node from `GET /api/coverage` (its progress bar and
 * derived health). The rest of the report belongs to the coverage screen.
 */
export const rollupsQuery = () =>
  queryOptions({
    queryKey: coverageKeys.all,
    queryFn: ({ signal }) => http<ApiCoverageReport>('/coverage', { signal }),
    select: (report): ReadonlyMap<string, NodeRollup> => new Map(report.rollups.map((r) => [r.nodeId, r])),
  });

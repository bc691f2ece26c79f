import { queryOptions } from '@tanstack/react-query';
import type { AnnualisedMix, Dashboard } from '@throughline/domain';
import { http } from './http';

/**
 * `GET /api/dashboard`: the executive's one-screen answer (issue 12), computed by the API from the
 * same chain and delivery as `/coverage` (docs/domain.md, "Coverage") with libs/domain's
 * `computeDashboard`, whose types are the answer's.
 */
export type {
  Dashboard,
  DashboardUnit as OwnedUnit,
  HeatmapObjective,
  ObjectiveCard,
  UnitAccountability,
} from '@throughline/domain';
export type { CoverageMatrixCell as HeatmapCell, CoverageNodeRef as NodeRef } from '@throughline/domain';
export type Mix = AnnualisedMix;

export const dashboardKeys = {
  all: ['dashboard'] as const,
};

export const dashboardQuery = () =>
  queryOptions({
    queryKey: dashboardKeys.all,
    queryFn: ({ signal }) => http<Dashboard>('/dashboard', { signal }),
    // A board-pack figure may be a minute old; a decision elsewhere invalidates the key anyway.
    staleTime: 60_000,
  });

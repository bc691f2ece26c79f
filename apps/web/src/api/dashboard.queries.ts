import { queryOptions } from '@tanstack/react-query';
import type {
  AnnualisedMix,
  CoverageMatrixCell,
  Dashboard as ComputedDashboard,
  DashboardHeatmap,
} from '@throughline/domain';
import type { ApiResult } from './contract';
import { http } from './http';
import { raidKeys } from './raid.queries';

/**
 * `GET /api/dashboard`: the executive's one-screen answer (issue 12), computed by the API from the
 * same chain and delivery as `/coverage` (docs/domain.md, "Coverage") with libs/domain's
 * `computeDashboard`, whose types are the answer's — less the node ids behind each heatmap cell, which
 * `GET /api/dashboard/objectives/{id}/work` lists a cell at a time (docs/performance.md, "Dashboard").
 */
export type {
  DashboardUnit as OwnedUnit,
  HeatmapObjective,
  ObjectiveCard,
  UnitAccountability,
} from '@throughline/domain';
export type { CoverageNodeRef as NodeRef } from '@throughline/domain';
export type Mix = AnnualisedMix;
export type HeatmapCell = Omit<CoverageMatrixCell, 'nodeIds'>;
export type Dashboard = Omit<ComputedDashboard, 'heatmap'> & {
  heatmap: Omit<DashboardHeatmap, 'cells'> & { cells: HeatmapCell[] };
};
/** The work behind one heatmap cell. */
export type CellWork = ApiResult<'/api/dashboard/objectives/{id}/work', 'get'>;
/** Open red risks, and those along each objective's chain (the cards' badges). */
export type DashboardRedRisks = ApiResult<'/api/dashboard/red-risks', 'get'>;

export const dashboardKeys = {
  all: ['dashboard'] as const,
  cell: (objectiveId: string, businessUnitId: string | null) =>
    [...dashboardKeys.all, 'cell', objectiveId, businessUnitId] as const,
};

export const dashboardQuery = () =>
  queryOptions({
    queryKey: dashboardKeys.all,
    queryFn: ({ signal }) => http<Dashboard>('/dashboard', { signal }),
    // A board-pack figure may be a minute old; a decision elsewhere invalidates the key anyway.
    staleTime: 60_000,
  });

/** What a click on a heatmap cell lists (a unit's work in an objective's delivery; `null`: work without a unit). */
export const cellWorkQuery = (objectiveId: string, businessUnitId: string | null) =>
  queryOptions({
    queryKey: dashboardKeys.cell(objectiveId, businessUnitId),
    queryFn: ({ signal }) =>
      http<CellWork>(
        `/dashboard/objectives/${encodeURIComponent(objectiveId)}/work${
          businessUnitId ? `?businessUnitId=${encodeURIComponent(businessUnitId)}` : ''
        }`,
        { signal },
      ),
    staleTime: 60_000,
  });

/**
 * The dashboard's red risks, kept under the RAID log's keys: a risk logged, changed or closed invalidates them as it
 * does the map's badges.
 */
export const dashboardRedRisksQuery = () =>
  queryOptions({
    queryKey: [...raidKeys.all, 'dashboard'] as const,
    queryFn: ({ signal }) => http<DashboardRedRisks>('/dashboard/red-risks', { signal }),
  });

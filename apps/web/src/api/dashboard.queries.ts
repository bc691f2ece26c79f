import { queryOptions } from '@tanstack/react-query';
import type { NodeHealth } from '@throughline/domain';
import { http } from './http';

/**
 * `GET /api/dashboard`: the executive's one-screen answer (issue 12), computed by the API from the
 * same chain and delivery as `/coverage` (docs/domain.md, "Coverage"). Typed by hand from the API's
 * contract until the generated schema carries it.
 */
export interface Share {
  total: number;
  covered: number;
  share: number | null;
}
export interface Aligned {
  total: number;
  aligned: number;
  unaligned: number;
  share: number | null;
}
export interface NodeRef {
  nodeId: string;
  key: string;
  title: string;
}
export interface DashboardUnit {
  id: string | null;
  key: string | null;
  name: string | null;
}
export interface OwnedUnit {
  id: string;
  key: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
}
export interface Mix {
  change: number;
  bau: number;
  asset: number;
  items: number;
}
export interface HeatmapObjective extends NodeRef {
  priority: number | null;
  empty: boolean;
}
export interface HeatmapCell {
  objectiveId: string;
  businessUnitId: string | null;
  count: number;
  money: number;
  nodeIds: string[];
}
export interface ObjectiveCard extends NodeRef {
  owner: string | null;
  priority: number | null;
  themeIds: string[];
  progress: number | null;
  reportedHealth: NodeHealth;
  derivedHealth: NodeHealth;
  deliveryByKind: { programme: number; project: number; bau: number; asset: number };
  accountable: {
    owner: string | null;
    keyResultOwners: (NodeRef & { owner: string | null })[];
    accountableUnits: OwnedUnit[];
    deliveryUnits: (OwnedUnit & { items: number })[];
  };
}
export interface UnitAccountability {
  unit: OwnedUnit;
  work: { count: number; money: number };
  alignment: { count: number | null; money: number | null };
  objectivesServed: NodeRef[];
  accountableFor: NodeRef[];
  dependencies: { given: number; received: number };
  owners: string[];
}
export interface Dashboard {
  generatedAt: string;
  headline: {
    objectiveCoverage: Share;
    alignmentByCount: Aligned;
    alignmentByMoney: Aligned;
    unalignedMoney: number;
    openErrors: number;
    optimismGap: {
      count: number;
      objectives: (NodeRef & { reportedHealth: NodeHealth; derivedHealth: NodeHealth })[];
    };
  };
  heatmap: {
    businessUnits: DashboardUnit[];
    groups: { theme: (NodeRef & { priority: number | null }) | null; objectives: HeatmapObjective[] }[];
    cells: HeatmapCell[];
  };
  investmentMix: {
    basis: string;
    note: string;
    themes: (NodeRef & Mix)[];
    objectives: (NodeRef & Mix)[];
    unaligned: Mix;
  };
  objectives: ObjectiveCard[];
  accountability: UnitAccountability[];
}

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

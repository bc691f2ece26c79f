import type {
  AlignedAmount,
  CoverageMatrixCell,
  CoverageNodeRef,
  CoverageShare,
  CoverageUnit,
} from '../coverage-types.js';
import type { NodeHealth } from '../kinds.js';

/** A business unit with its named owner (a member), as the dashboard shows it. */
export interface DashboardUnit {
  id: string;
  key: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
}

export interface OptimismGapItem extends CoverageNodeRef {
  reportedHealth: NodeHealth;
  derivedHealth: NodeHealth;
}

/** The figures an executive reads first (docs/domain.md, "Dashboard"). */
export interface DashboardHeadline {
  objectiveCoverage: CoverageShare;
  alignmentByCount: AlignedAmount;
  alignmentByMoney: AlignedAmount;
  /** Money (budgets and BAU annual costs) of active work that serves no active objective. */
  unalignedMoney: number;
  /** Open `error` findings of the audit (waived ones are not open). */
  openErrors: number;
  /** Active objectives whose reported health is better than the health derived from their delivery. */
  optimismGap: { count: number; objectives: OptimismGapItem[] };
}

export interface HeatmapObjective extends CoverageNodeRef {
  priority: number | null;
  /** Its delivery is empty: the row has no cell. */
  empty: boolean;
}

export interface HeatmapGroup {
  /** An active theme, or null for the objectives that reach none. */
  theme: (CoverageNodeRef & { priority: number | null }) | null;
  objectives: HeatmapObjective[];
}

export interface DashboardHeatmap {
  businessUnits: CoverageUnit[];
  groups: HeatmapGroup[];
  /** Only cells with work: count, money (whole budgets and annual costs, as coverage), asset value, node ids. */
  cells: CoverageMatrixCell[];
}

export interface AnnualisedMix {
  /** Change budgets annualised (see `basis`). */
  change: number;
  bau: number;
  /** Assets' annual value: value, not spend, shown beside. */
  asset: number;
  items: number;
}

export interface DashboardInvestmentMix {
  basis: 'annualised';
  note: string;
  themes: (CoverageNodeRef & AnnualisedMix)[];
  objectives: (CoverageNodeRef & AnnualisedMix)[];
  /** Active work that serves no active objective. */
  unaligned: AnnualisedMix;
}

/** A unit whose work is in an objective's delivery (`id: null`: work without a unit), and how many items. */
export interface DeliveryUnit extends CoverageUnit {
  ownerId: string | null;
  ownerName: string | null;
  items: number;
}

export interface ObjectiveCard extends CoverageNodeRef {
  owner: string | null;
  priority: number | null;
  themeIds: string[];
  progress: number | null;
  reportedHealth: NodeHealth;
  derivedHealth: NodeHealth;
  deliveryByKind: { programme: number; project: number; bau: number; asset: number };
  accountable: {
    owner: string | null;
    keyResultOwners: (CoverageNodeRef & { owner: string | null })[];
    accountableUnits: DashboardUnit[];
    deliveryUnits: DeliveryUnit[];
  };
}

export interface UnitAccountability {
  unit: DashboardUnit;
  /** Its active work items: how many, and their money (budgets and annual costs). */
  work: { count: number; money: number };
  alignment: { count: number | null; money: number | null };
  /** Active objectives whose delivery holds some of its work. */
  objectivesServed: CoverageNodeRef[];
  /** Active objectives that name it accountable. */
  accountableFor: CoverageNodeRef[];
  /** Proposed (unacknowledged) depends_on links across units: from its work (given) and to it (received). */
  dependencies: { given: number; received: number };
  /** The unit's owner and the owners of its active work, by name, sorted, once each. */
  owners: string[];
}

/** `GET /api/dashboard`. */
export interface Dashboard {
  generatedAt: string;
  headline: DashboardHeadline;
  heatmap: DashboardHeatmap;
  investmentMix: DashboardInvestmentMix;
  objectives: ObjectiveCard[];
  accountability: UnitAccountability[];
}

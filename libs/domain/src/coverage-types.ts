import type { NodeHealth, NodeKind } from './kinds.js';

/**
 * Roll-up of one strategy node (docs/domain.md, "Coverage" → "Roll-up"): its progress (0–1, or
 * null when nothing measurable sits below it) and its reported health beside the health derived
 * from its delivery. Part of `GET /api/coverage`; the map's progress bars read it.
 */
export interface NodeRollup {
  nodeId: string;
  key: string;
  kind: Extract<NodeKind, 'theme' | 'objective' | 'key_result'>;
  progress: number | null;
  reportedHealth: NodeHealth;
  derivedHealth: NodeHealth;
}

/** A share of a whole: `share` is `covered / total`, or null when there is nothing to share. */
export interface CoverageShare {
  total: number;
  covered: number;
  share: number | null;
}

/** A business unit as coverage names it; `id: null` is the bucket of nodes without a unit. */
export interface CoverageUnit {
  id: string | null;
  key: string | null;
  name: string | null;
}

/** A strategy node as coverage names it. */
export interface CoverageNodeRef {
  nodeId: string;
  key: string;
  title: string;
}

/** docs/domain.md "Objective coverage": active objectives whose delivery is not empty. */
export interface ObjectiveCoverage {
  overall: CoverageShare;
  /** Per active theme: the active objectives whose chain reaches it (directly or through parent objectives). */
  byTheme: (CoverageNodeRef & CoverageShare)[];
  /** Active objectives whose chain reaches no theme. */
  withoutTheme: CoverageShare;
  /** Per business unit of the objective (strategy nodes may have none: `unit.id` null). */
  byBusinessUnit: ({ unit: CoverageUnit } & CoverageShare)[];
}

/** An amount split into the part that serves an active objective and the part that does not. */
export interface AlignedAmount {
  total: number;
  aligned: number;
  unaligned: number;
  /** `aligned / total`, or null when the total is 0. */
  share: number | null;
}

/**
 * docs/domain.md "Work alignment" for a set of active work items: by count; by money (budget for
 * change, annual cost for BAU); and assets' annual value apart, never added to spend.
 */
export interface AlignmentFigures {
  count: AlignedAmount;
  money: AlignedAmount;
  assetValue: AlignedAmount;
}

export interface WorkAlignment {
  overall: AlignmentFigures;
  byBusinessUnit: ({ unit: CoverageUnit } & AlignmentFigures)[];
}

/** Money in a strategy node's delivery by kind of work: change = budgets, bau = annual costs, asset = annual values. */
export interface InvestmentMix {
  change: number;
  bau: number;
  asset: number;
}

export interface NodeInvestment extends CoverageNodeRef, InvestmentMix {
  /** Active work items in the node's delivery. */
  items: number;
}

/** `GET /api/coverage`. */
export interface CoverageReport {
  generatedAt: string;
  objectives: ObjectiveCoverage;
  alignment: WorkAlignment;
  investmentMix: { themes: NodeInvestment[]; objectives: NodeInvestment[] };
  rollups: NodeRollup[];
}

/** One cell of the matrix: a unit's active work items in an objective's delivery. */
export interface CoverageMatrixCell {
  objectiveId: string;
  businessUnitId: string | null;
  count: number;
  money: number;
  assetValue: number;
  nodeIds: string[];
}

/** `GET /api/coverage/matrix`: active objectives × business units; only cells with work are listed. */
export interface CoverageMatrix {
  generatedAt: string;
  objectives: CoverageNodeRef[];
  businessUnits: CoverageUnit[];
  cells: CoverageMatrixCell[];
}

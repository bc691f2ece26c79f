import type { GraphIndex } from '../audit/graph-index.js';
import type { NodeRollup } from '../coverage-types.js';
import { coverageMatrix, objectiveCoverage, workAlignment, type UnitRecord } from '../coverage/coverage.js';
import { rollups } from '../coverage/rollup.js';
import { isChangeKind, type NodeHealth } from '../kinds.js';
import { accountability, objectiveCards } from './accountability.js';
import { annualisedCents } from './annualise.js';
import { activeOfKind, byPriority, ref } from './dashboard-helpers.js';
import type {
  AnnualisedMix,
  Dashboard,
  DashboardHeadline,
  DashboardHeatmap,
  DashboardInvestmentMix,
  HeatmapGroup,
} from './dashboard-types.js';

export interface DashboardInput {
  index: GraphIndex;
  now: Date;
  units: readonly UnitRecord[];
  /** Open error findings of the audit, after waivers (the API runs the audit; this stays pure). */
  openErrors: number;
}

export const INVESTMENT_BASIS_NOTE =
  'Change budgets are annualised: spread evenly over their start and end dates (work of a year or less counts in ' +
  'full; without both dates the whole budget counts as one year). BAU is its annual cost; assets their annual value.';

/**
 * The executive dashboard of docs/domain.md ("Dashboard"), from the same index and rules as coverage and the
 * audit: headline figures, the objectives × units heatmap, the annualised investment mix, a card per objective
 * with its accountable people, and accountability per business unit.
 */
export function computeDashboard(input: DashboardInput): Dashboard {
  const { index, units } = input;
  const rolled = new Map(rollups(index).map((r) => [r.nodeId, r]));
  const themes = themesByObjective(index);
  return {
    generatedAt: input.now.toISOString(),
    headline: headline(input, rolled),
    heatmap: heatmap(input, themes),
    investmentMix: investmentMix(index),
    objectives: objectiveCards(index, units, rolled, themes),
    accountability: accountability(index, units),
  };
}

/** For each active objective, the active themes its chain reaches (directly or through parent objectives). */
function themesByObjective(index: GraphIndex): Map<number, number[]> {
  const themes = new Set(activeOfKind(index, 'theme'));
  return new Map(
    activeOfKind(index, 'objective').map((o) => [
      o,
      index
        .chainAbove(o)
        .filter((j) => themes.has(j))
        .sort((a, b) => a - b),
    ]),
  );
}

const HEALTH_RANK: Record<NodeHealth, number> = { unknown: 0, red: 1, amber: 2, green: 3 };

/** Reported better than derived; an unknown health on either side says nothing, so it is no gap. */
export function isOptimistic(reported: NodeHealth, derived: NodeHealth): boolean {
  return reported !== 'unknown' && derived !== 'unknown' && HEALTH_RANK[reported] > HEALTH_RANK[derived];
}

function headline(input: DashboardInput, rolled: Map<string, NodeRollup>): DashboardHeadline {
  const { index, units } = input;
  const alignment = workAlignment(index, units).overall;
  const optimistic = activeOfKind(index, 'objective')
    .map((o) => ({ ...ref(index, o), rollup: rolled.get(index.node(o).id)! }))
    .filter(({ rollup }) => isOptimistic(rollup.reportedHealth, rollup.derivedHealth))
    .map(({ rollup, ...node }) => ({
      ...node,
      reportedHealth: rollup.reportedHealth,
      derivedHealth: rollup.derivedHealth,
    }));
  return {
    objectiveCoverage: objectiveCoverage(index, units).overall,
    alignmentByCount: alignment.count,
    alignmentByMoney: alignment.money,
    unalignedMoney: alignment.money.unaligned,
    openErrors: input.openErrors,
    optimismGap: { count: optimistic.length, objectives: optimistic },
  };
}

function heatmap(input: DashboardInput, themesOf: Map<number, number[]>): DashboardHeatmap {
  const { index, units } = input;
  const matrix = coverageMatrix({ index, now: input.now }, units);
  const order = byPriority(index);
  const row = (o: number) => ({
    ...ref(index, o),
    priority: index.node(o).priority ?? null,
    empty: index.delivery(o).length === 0,
  });
  const objectives = [...themesOf.keys()].sort(order);
  const groups: HeatmapGroup[] = activeOfKind(index, 'theme')
    .sort(order)
    .map((t) => ({
      theme: { ...ref(index, t), priority: index.node(t).priority ?? null },
      objectives: objectives.filter((o) => themesOf.get(o)!.includes(t)).map(row),
    }));
  const withoutTheme = objectives.filter((o) => themesOf.get(o)!.length === 0);
  if (withoutTheme.length) groups.push({ theme: null, objectives: withoutTheme.map(row) });
  return { businessUnits: matrix.businessUnits, groups, cells: matrix.cells };
}

/** Annualised mix of a set of work items, in cents while summing so the totals are exact. */
function mixOf(index: GraphIndex, items: Iterable<number>): AnnualisedMix {
  let change = 0;
  let bau = 0;
  let asset = 0;
  let count = 0;
  for (const j of items) {
    const node = index.node(j);
    count++;
    if (isChangeKind(node.kind)) change += annualisedCents(node.budget, node.startDate, node.endDate);
    else if (node.kind === 'bau') bau += Math.round((node.annualCost ?? 0) * 100);
    else if (node.kind === 'asset') asset += Math.round((node.annualValue ?? 0) * 100);
  }
  return { change: change / 100, bau: bau / 100, asset: asset / 100, items: count };
}

function investmentMix(index: GraphIndex): DashboardInvestmentMix {
  const aligned = index.alignedWork();
  const unaligned: number[] = [];
  for (let i = 0; i < index.size; i++) if (index.isActiveWork[i] && !aligned[i]) unaligned.push(i);
  const mix = (i: number) => ({ ...ref(index, i), ...mixOf(index, index.delivery(i)) });
  const order = byPriority(index);
  return {
    basis: 'annualised',
    note: INVESTMENT_BASIS_NOTE,
    themes: activeOfKind(index, 'theme').sort(order).map(mix),
    objectives: activeOfKind(index, 'objective').sort(order).map(mix),
    unaligned: mixOf(index, unaligned),
  };
}

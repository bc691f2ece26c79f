import type { AuditGraph } from '../audit/audit-graph.js';
import type { GraphIndex } from '../audit/graph-index.js';
import { indexOf } from '../audit/run-audit.js';
import type {
  AlignedAmount,
  AlignmentFigures,
  CoverageMatrix,
  CoverageMatrixCell,
  CoverageNodeRef,
  CoverageReport,
  CoverageShare,
  CoverageUnit,
  InvestmentMix,
  NodeInvestment,
  ObjectiveCoverage,
  WorkAlignment,
} from '../coverage-types.js';
import { isChangeKind } from '../kinds.js';
import { workMoney } from '../nodes.js';
import { rollups } from './rollup.js';

/** A graph to index, or an index built before; `now` stamps the answer. */
export type CoverageInput = (Pick<AuditGraph, 'nodes' | 'links'> | { index: GraphIndex }) & Pick<AuditGraph, 'now'>;

/** A business unit as the loader gives it. */
export interface UnitRecord {
  id: string;
  key: string;
  name: string;
  /** The member who owns the unit (the dashboard's accountability), when the loader reads it. */
  ownerId?: string | null;
  ownerName?: string | null;
}

const NO_UNIT: CoverageUnit = { id: null, key: null, name: null };

/**
 * Strategic coverage of docs/domain.md ("Coverage"), computed from the same index as the audit:
 * objective coverage, work alignment, the investment mix, and every strategy node's roll-up.
 * A work item that serves two objectives counts in full in each objective's mix (and once in
 * a theme's), so objective figures are not meant to add up to a theme's.
 */
export function computeCoverage(input: CoverageInput, units: readonly UnitRecord[]): CoverageReport {
  const index = indexOf(input);
  return {
    generatedAt: input.now.toISOString(),
    objectives: objectiveCoverage(index, units),
    alignment: workAlignment(index, units),
    investmentMix: {
      themes: activeOfKind(index, 'theme').map((i) => investment(index, i)),
      objectives: activeOfKind(index, 'objective').map((i) => investment(index, i)),
    },
    rollups: rollups(index),
  };
}

function activeOfKind(index: GraphIndex, kind: 'theme' | 'objective'): number[] {
  const found: number[] = [];
  for (let i = 0; i < index.size; i++) {
    const node = index.node(i);
    if (node.kind === kind && node.status === 'active') found.push(i);
  }
  return found;
}

function ref(index: GraphIndex, i: number): CoverageNodeRef {
  const node = index.node(i);
  return { nodeId: node.id, key: node.key, title: node.title ?? node.key };
}

function share(total: number, covered: number): CoverageShare {
  return { total, covered, share: total ? covered / total : null };
}

/** Units in key order, then the bucket of nodes without a unit, each with what `figure` says of its members. */
function perUnit<T>(
  units: readonly UnitRecord[],
  members: Map<string | null, number[]>,
  figure: (items: number[]) => T,
): ({ unit: CoverageUnit } & T)[] {
  const rows = [...units]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((u): { unit: CoverageUnit } & T => ({
      unit: { id: u.id, key: u.key, name: u.name },
      ...figure(members.get(u.id) ?? []),
    }));
  const none = members.get(null);
  if (none?.length) rows.push({ unit: NO_UNIT, ...figure(none) });
  return rows;
}

/** Items by business unit; a unit the loader did not describe counts as none. */
function groupByUnit(
  index: GraphIndex,
  items: Iterable<number>,
  units: readonly UnitRecord[],
): Map<string | null, number[]> {
  const known = new Set(units.map((u) => u.id));
  const groups = new Map<string | null, number[]>();
  for (const i of items) {
    const id = index.node(i).businessUnitId;
    const unit = id !== null && known.has(id) ? id : null;
    const group = groups.get(unit);
    if (group) group.push(i);
    else groups.set(unit, [i]);
  }
  return groups;
}

export function objectiveCoverage(index: GraphIndex, units: readonly UnitRecord[]): ObjectiveCoverage {
  const objectives = activeOfKind(index, 'objective');
  const covered = (items: number[]) => share(items.length, items.filter((i) => index.delivery(i).length > 0).length);
  const themes = activeOfKind(index, 'theme');
  const themeOf = new Map<number, number[]>(themes.map((t) => [t, []]));
  const withoutTheme: number[] = [];
  for (const o of objectives) {
    const above = index.chainAbove(o).filter((j) => themeOf.has(j));
    if (above.length === 0) withoutTheme.push(o);
    for (const t of above) themeOf.get(t)!.push(o);
  }
  return {
    overall: covered(objectives),
    byTheme: themes.map((t) => ({ ...ref(index, t), ...covered(themeOf.get(t)!) })),
    withoutTheme: covered(withoutTheme),
    byBusinessUnit: perUnit(units, groupByAccountableUnit(index, objectives, units), covered),
  };
}

/**
 * Objectives by the units accountable for them (`accountableUnits`): an objective with two counts in both, one
 * with none (or only units the loader did not describe) in the "no unit" bucket.
 */
export function groupByAccountableUnit(
  index: GraphIndex,
  objectives: Iterable<number>,
  units: readonly UnitRecord[],
): Map<string | null, number[]> {
  const known = new Set(units.map((u) => u.id));
  const groups = new Map<string | null, number[]>();
  const add = (unit: string | null, i: number) => {
    const group = groups.get(unit);
    if (group) group.push(i);
    else groups.set(unit, [i]);
  };
  for (const i of objectives) {
    const accountable = [...new Set(index.node(i).accountableUnitIds ?? [])].filter((id) => known.has(id));
    if (accountable.length === 0) add(null, i);
    for (const unit of accountable) add(unit, i);
  }
  return groups;
}

function amount(total: number, aligned: number): AlignedAmount {
  return { total, aligned, unaligned: total - aligned, share: total ? aligned / total : null };
}

/** Alignment figures of a set of active work items. Money is summed in cents so the totals are exact. */
function alignment(index: GraphIndex, items: readonly number[], aligned: Uint8Array): AlignmentFigures {
  let count = 0;
  let money = 0;
  let moneyAligned = 0;
  let value = 0;
  let valueAligned = 0;
  for (const i of items) {
    const node = index.node(i);
    const cents = Math.round(workMoney(node) * 100);
    const valueCents = node.kind === 'asset' ? Math.round((node.annualValue ?? 0) * 100) : 0;
    money += cents;
    value += valueCents;
    if (aligned[i]) {
      count++;
      moneyAligned += cents;
      valueAligned += valueCents;
    }
  }
  return {
    count: amount(items.length, count),
    money: amount(money / 100, moneyAligned / 100),
    assetValue: amount(value / 100, valueAligned / 100),
  };
}

export function workAlignment(index: GraphIndex, units: readonly UnitRecord[]): WorkAlignment {
  const aligned = index.alignedWork();
  const work: number[] = [];
  for (let i = 0; i < index.size; i++) if (index.isActiveWork[i]) work.push(i);
  return {
    overall: alignment(index, work, aligned),
    byBusinessUnit: perUnit(units, groupByUnit(index, work, units), (items) => alignment(index, items, aligned)),
  };
}

/** Money in a node's delivery by kind: change (budgets), BAU (annual costs) and assets (annual values). */
export function investment(index: GraphIndex, i: number): NodeInvestment {
  const delivery = index.delivery(i);
  const mix: InvestmentMix = { change: 0, bau: 0, asset: 0 };
  for (const j of delivery) {
    const node = index.node(j);
    if (isChangeKind(node.kind)) mix.change += Math.round((node.budget ?? 0) * 100);
    else if (node.kind === 'bau') mix.bau += Math.round((node.annualCost ?? 0) * 100);
    else if (node.kind === 'asset') mix.asset += Math.round((node.annualValue ?? 0) * 100);
  }
  return {
    ...ref(index, i),
    items: delivery.length,
    change: mix.change / 100,
    bau: mix.bau / 100,
    asset: mix.asset / 100,
  };
}

/**
 * The coverage matrix: for each active objective and each business unit, that unit's active work
 * items in the objective's delivery (count, money, asset value and the ids behind the cell).
 */
export function coverageMatrix(input: CoverageInput, units: readonly UnitRecord[]): CoverageMatrix {
  const index = indexOf(input);
  const objectives = activeOfKind(index, 'objective');
  const cells: CoverageMatrixCell[] = [];
  let anyWithoutUnit = false;
  const order = new Map(
    [...units]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((u, rank) => [u.id as string | null, rank]),
  );
  for (const o of objectives) {
    const groups = groupByUnit(index, index.delivery(o), units);
    const unitIds = [...groups.keys()].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
    for (const unitId of unitIds) {
      const items = groups.get(unitId)!;
      if (unitId === null) anyWithoutUnit = true;
      let money = 0;
      let value = 0;
      for (const j of items) {
        const node = index.node(j);
        money += Math.round(workMoney(node) * 100);
        if (node.kind === 'asset') value += Math.round((node.annualValue ?? 0) * 100);
      }
      cells.push({
        objectiveId: index.node(o).id,
        businessUnitId: unitId,
        count: items.length,
        money: money / 100,
        assetValue: value / 100,
        nodeIds: items.map((j) => index.node(j).id),
      });
    }
  }
  const businessUnits: CoverageUnit[] = [...units]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((u) => ({ id: u.id, key: u.key, name: u.name }));
  if (anyWithoutUnit) businessUnits.push(NO_UNIT);
  return {
    generatedAt: input.now.toISOString(),
    objectives: objectives.map((o) => ref(index, o)),
    businessUnits,
    cells,
  };
}

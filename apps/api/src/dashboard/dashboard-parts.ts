import type { CoverageMatrixCell, Dashboard, DashboardHeatmap, GraphIndex, NodeKind } from '@throughline/domain';

/**
 * What `GET /api/dashboard` and its two detail routes answer, cut from libs/domain's `computeDashboard`
 * (docs/performance.md, "Dashboard"): the page's answer leaves out the node ids behind each heatmap cell — on a
 * 6,000-node organisation they were most of its 590 kB — and the work behind one cell, and the open red risks along
 * each objective's chain, are asked for apart, from the same computation.
 */

/** A heatmap cell as the page's answer has it: its figures, not the ids of its work. */
export type HeatmapCellSummary = Omit<CoverageMatrixCell, 'nodeIds'>;

export type DashboardSummary = Omit<Dashboard, 'heatmap'> & {
  heatmap: Omit<DashboardHeatmap, 'cells'> & { cells: HeatmapCellSummary[] };
};

export function summary(dashboard: Dashboard): DashboardSummary {
  return {
    ...dashboard,
    heatmap: { ...dashboard.heatmap, cells: dashboard.heatmap.cells.map(({ nodeIds: _ids, ...cell }) => cell) },
  };
}

export interface CellWorkItem {
  nodeId: string;
  key: string;
  title: string;
  kind: NodeKind;
  /** Its budget, else its annual cost (what the cell's list shows beside it); null when it has neither. */
  money: number | null;
}

export interface CellWork {
  objectiveId: string;
  businessUnitId: string | null;
  items: CellWorkItem[];
}

/**
 * The ids of the work behind one heatmap cell: the unit's active work in the objective's delivery (`businessUnitId`
 * null: work without a unit), in the cell's order; none when the cell is empty. Undefined when `objectiveId` is not
 * an active objective of the dashboard.
 */
export function cellNodeIds(
  dashboard: Dashboard,
  objectiveId: string,
  businessUnitId: string | null,
): string[] | undefined {
  if (!dashboard.objectives.some((o) => o.nodeId === objectiveId)) return undefined;
  const cell = dashboard.heatmap.cells.find(
    (c) => c.objectiveId === objectiveId && c.businessUnitId === businessUnitId,
  );
  return cell?.nodeIds ?? [];
}

/** The cell's work as its list shows it; `titles` by node id (the topology holds work items' keys, not titles). */
export function cellWork(
  index: GraphIndex,
  cell: { objectiveId: string; businessUnitId: string | null; nodeIds: readonly string[] },
  titles: ReadonlyMap<string, string>,
): CellWork {
  const items = cell.nodeIds.map((id): CellWorkItem => {
    const node = index.node(index.position(id)!);
    return {
      nodeId: node.id,
      key: node.key,
      title: titles.get(node.id) ?? node.title ?? node.key,
      kind: node.kind,
      money: node.budget ?? node.annualCost ?? null,
    };
  });
  return { objectiveId: cell.objectiveId, businessUnitId: cell.businessUnitId, items };
}

export interface DashboardRedRisks {
  /** Distinct open red risks on any node (a risk on several nodes is one risk). */
  open: number;
  /** Objectives whose chain carries at least one, in the cards' order. */
  objectives: { objectiveId: string; count: number }[];
}

/**
 * Open red risks along each objective's chain: the distinct red risks on the objective itself, its key results and
 * the work in its delivery (the heatmap's cells hold that work, unit by unit). A risk on several of those nodes
 * counts once.
 */
export function chainRedRisks(
  dashboard: Dashboard,
  redRisks: readonly { nodeId: string; itemIds: string[] }[],
): DashboardRedRisks {
  const open = new Set(redRisks.flatMap((r) => r.itemIds)).size;
  const itemsOn = new Map(redRisks.map((r) => [r.nodeId, r.itemIds]));
  if (itemsOn.size === 0) return { open, objectives: [] };
  const work = new Map<string, string[]>();
  for (const cell of dashboard.heatmap.cells) {
    const list = work.get(cell.objectiveId) ?? [];
    list.push(...cell.nodeIds);
    work.set(cell.objectiveId, list);
  }
  const objectives: DashboardRedRisks['objectives'] = [];
  for (const o of dashboard.objectives) {
    const chain = [o.nodeId, ...o.accountable.keyResultOwners.map((k) => k.nodeId), ...(work.get(o.nodeId) ?? [])];
    const items = new Set(chain.flatMap((id) => itemsOn.get(id) ?? []));
    if (items.size > 0) objectives.push({ objectiveId: o.nodeId, count: items.size });
  }
  return { open, objectives };
}

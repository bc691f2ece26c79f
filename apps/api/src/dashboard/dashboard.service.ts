import { Injectable } from '@nestjs/common';
import {
  computeDashboard,
  RED_RISK_SCORE,
  type Dashboard,
  type GraphIndex,
  type UnitRecord,
} from '@throughline/domain';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { RaidRepository } from '../raid/raid.repository.js';
import { Clock } from '../topology/clock.js';
import { TopologySnapshots } from '../topology/topology-snapshots.js';
import { TopologyRepository } from '../topology/topology.repository.js';
import {
  cellNodeIds,
  cellWork,
  chainRedRisks,
  summary,
  type CellWork,
  type DashboardRedRisks,
  type DashboardSummary,
} from './dashboard-parts.js';

interface Computed {
  units: readonly UnitRecord[];
  full: Dashboard;
  summary: DashboardSummary;
}

/**
 * The executive dashboard (docs/domain.md, "Dashboard"): the pure `computeDashboard` of libs/domain over the same
 * cached topology snapshot as coverage and the audit, with the audit's open error count (after waivers).
 *
 * The computation depends on the snapshot alone (the open error count and the time are put in after), so it is kept
 * with the snapshot's index — which `TopologySnapshots` replaces whenever the graph's fingerprint changes — and made
 * once per version of the graph: ~60 ms of CPU for 6,000 nodes that every look at the dashboard, and each of its
 * cell lists, would otherwise pay again.
 */
@Injectable()
export class DashboardService {
  private readonly computed = new WeakMap<GraphIndex, Computed>();

  constructor(
    private readonly snapshots: TopologySnapshots,
    private readonly audit: AuditService,
    private readonly raid: RaidRepository,
    private readonly topology: TopologyRepository,
    private readonly clock: Clock,
  ) {}

  /** The page's answer: every figure, without the node ids behind the heatmap's cells. */
  async dashboard(): Promise<DashboardSummary> {
    const [{ summary }, openErrors] = await Promise.all([this.current(), this.audit.openErrorCount()]);
    return {
      ...summary,
      generatedAt: this.clock.now().toISOString(),
      headline: { ...summary.headline, openErrors },
    };
  }

  /** The work behind one heatmap cell (`businessUnitId` null: the objective's work without a unit). */
  async cellWork(objectiveId: string, businessUnitId: string | null): Promise<CellWork> {
    const { index, full } = await this.current();
    const nodeIds = cellNodeIds(full, objectiveId, businessUnitId);
    if (!nodeIds) throw new DomainError('NOT_FOUND', 'No active objective has this id.');
    const titles = nodeIds.length ? await this.topology.titles(requestContext.orgId(), nodeIds) : new Map();
    return cellWork(index, { objectiveId, businessUnitId, nodeIds }, titles);
  }

  /** The open red risks of the RAID log, and how many lie along each objective's chain. */
  async redRisks(): Promise<DashboardRedRisks> {
    const [{ full }, risks] = await Promise.all([this.current(), this.raid.redRisksByNode(RED_RISK_SCORE)]);
    return chainRedRisks(full, risks);
  }

  private async current(): Promise<Computed & { index: GraphIndex }> {
    const { index, units } = await this.snapshots.current(requestContext.orgId());
    let computed = this.computed.get(index);
    if (!computed || computed.units !== units) {
      // openErrors and generatedAt are the request's own: dashboard() puts them in.
      const full = computeDashboard({ index, units, now: this.clock.now(), openErrors: 0 });
      computed = { units, full, summary: summary(full) };
      this.computed.set(index, computed);
    }
    return { ...computed, index };
  }
}

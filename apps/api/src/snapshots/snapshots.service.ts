import { Injectable } from '@nestjs/common';
import {
  computeCoverage,
  diffSnapshots,
  type SnapshotContent,
  type SnapshotCoverage,
  type SnapshotDiff,
} from '@throughline/domain';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { Clock } from '../topology/clock.js';
import { TopologySnapshots } from '../topology/topology-snapshots.js';
import { SnapshotsRepository, type SnapshotSummary } from './snapshots.repository.js';

export interface SnapshotDiffResult extends SnapshotDiff {
  from: SnapshotSummary;
  /** null when the diff is against now. */
  to: SnapshotSummary | null;
  /** The key and title of every node a listed link joins (from either side), so a link reads "PRJ-1 → OBJ-1". */
  names: Record<string, { key: string; title: string }>;
}

/** One point of the dashboard's coverage trend. */
export interface TrendPoint {
  snapshotId: string;
  name: string;
  takenAt: string;
  objectiveCoverage: number | null;
  objectivesCovered: number;
  objectivesTotal: number;
}

/** Snapshots (docs/domain.md, "Snapshots"): baselines of the graph, coverage and audit, and their diffs. */
@Injectable()
export class SnapshotsService {
  constructor(
    private readonly repository: SnapshotsRepository,
    private readonly topology: TopologySnapshots,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async take(name: string): Promise<SnapshotSummary> {
    return this.repository.insert(name.trim(), await this.now());
  }

  list(): Promise<SnapshotSummary[]> {
    return this.repository.list();
  }

  /** Oldest first: the dashboard draws it left to right. */
  async trend(): Promise<TrendPoint[]> {
    const snapshots = await this.repository.list();
    return snapshots.reverse().map((s) => ({
      snapshotId: s.id,
      name: s.name,
      takenAt: s.takenAt,
      objectiveCoverage: s.coverage.objectives?.share ?? null,
      objectivesCovered: s.coverage.objectives?.covered ?? 0,
      objectivesTotal: s.coverage.objectives?.total ?? 0,
    }));
  }

  async diff(fromId: string, toId: string): Promise<SnapshotDiffResult> {
    const from = await this.stored(fromId);
    const to = toId === 'now' ? null : await this.stored(toId);
    const later = to ?? (await this.now());
    const diff = diffSnapshots(from, later);
    const ends = new Set(
      [...diff.links.added, ...diff.links.removed, ...diff.links.changed.map((c) => c.record)].flatMap((l) => [
        String(l.fromId),
        String(l.toId),
      ]),
    );
    const names: SnapshotDiffResult['names'] = {};
    for (const node of [...from.graph.nodes, ...later.graph.nodes]) {
      if (ends.has(node.id)) names[node.id] = { key: String(node.key), title: String(node.title) };
    }
    return { ...diff, from: from.summary, to: to?.summary ?? null, names };
  }

  private async stored(id: string) {
    const snapshot = await this.repository.content(id);
    if (!snapshot) throw new DomainError('NOT_FOUND', `No snapshot ${id}.`);
    return snapshot;
  }

  /** The organisation as it is now, in a snapshot's shape. */
  private async now(): Promise<SnapshotContent> {
    const [graph, { index, units }, audit] = await Promise.all([
      this.repository.currentGraph(),
      this.topology.current(requestContext.orgId()),
      this.audit.report({}),
    ]);
    const report = computeCoverage({ index, now: this.clock.now() }, units);
    const { count, money } = report.alignment.overall;
    const coverage: SnapshotCoverage = {
      objectives: report.objectives.overall,
      workByCount: { total: count.total, aligned: count.aligned, share: count.share },
      workByMoney: { total: money.total, aligned: money.aligned, share: money.share },
    };
    return { graph, coverage, audit: audit.summary };
  }
}

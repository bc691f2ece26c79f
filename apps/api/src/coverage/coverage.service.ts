import { Injectable } from '@nestjs/common';
import { computeCoverage, coverageMatrix, type CoverageMatrix, type CoverageReport } from '@throughline/domain';
import { AuditGraphRepository, type GraphSnapshot } from '../audit/audit-graph.repository.js';
import { Clock } from '../audit/clock.js';
import { requestContext } from '../common/request-context.js';

/** Strategic coverage (DOMAIN.md, "Coverage") from the same one-snapshot load as the audit. */
@Injectable()
export class CoverageService {
  constructor(
    private readonly graphs: AuditGraphRepository,
    private readonly clock: Clock,
  ) {}

  async report(): Promise<CoverageReport> {
    const snapshot = await this.graphs.snapshot(requestContext.orgId());
    return computeCoverage(this.graph(snapshot), snapshot.units);
  }

  async matrix(): Promise<CoverageMatrix> {
    const snapshot = await this.graphs.snapshot(requestContext.orgId());
    return coverageMatrix(this.graph(snapshot), snapshot.units);
  }

  private graph(snapshot: GraphSnapshot) {
    return { nodes: snapshot.nodes, links: snapshot.links, settings: snapshot.settings, now: this.clock.now() };
  }
}

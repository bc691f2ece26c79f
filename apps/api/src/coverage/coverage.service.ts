import { Injectable } from '@nestjs/common';
import { computeCoverage, coverageMatrix, type CoverageMatrix, type CoverageReport } from '@throughline/domain';
import { Clock } from '../topology/clock.js';
import { TopologySnapshots } from '../topology/topology-snapshots.js';
import { requestContext } from '../platform/request-context/request-context.js';

/** Strategic coverage (docs/domain.md, "Coverage") from the same snapshots as the audit. */
@Injectable()
export class CoverageService {
  constructor(
    private readonly snapshots: TopologySnapshots,
    private readonly clock: Clock,
  ) {}

  async report(): Promise<CoverageReport> {
    const { index, units } = await this.snapshots.current(requestContext.orgId());
    return computeCoverage({ index, now: this.clock.now() }, units);
  }

  async matrix(): Promise<CoverageMatrix> {
    const { index, units } = await this.snapshots.current(requestContext.orgId());
    return coverageMatrix({ index, now: this.clock.now() }, units);
  }
}

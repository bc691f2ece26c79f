import { Injectable } from '@nestjs/common';
import { computeDashboard, type Dashboard } from '@throughline/domain';
import { AuditService } from '../audit/audit.service.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { Clock } from '../topology/clock.js';
import { TopologySnapshots } from '../topology/topology-snapshots.js';

/**
 * The executive dashboard (docs/domain.md, "Dashboard"): the pure `computeDashboard` of libs/domain over the same
 * cached topology snapshot as coverage and the audit, with the audit's open error count (after waivers).
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly snapshots: TopologySnapshots,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async dashboard(): Promise<Dashboard> {
    const [{ index, units }, openErrors] = await Promise.all([
      this.snapshots.current(requestContext.orgId()),
      this.audit.openErrorCount(),
    ]);
    return computeDashboard({ index, units, now: this.clock.now(), openErrors });
  }
}

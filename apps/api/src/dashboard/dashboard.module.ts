import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { RaidModule } from '../raid/raid.module.js';
import { TopologyModule } from '../topology/topology.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';

/** The executive dashboard: read-only, every role. */
@Module({
  imports: [TopologyModule, AuditModule, RaidModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}

import { Module } from '@nestjs/common';
import { AuditGraphRepository } from './audit-graph.repository.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';
import { Clock } from './clock.js';
import { GraphSnapshots } from './graph-snapshots.js';
import { WaiversRepository } from './waivers.repository.js';

/**
 * The gap audit, its settings and waivers. Exports the graph snapshots (loader and cache) and
 * the clock, which coverage and impact share, so all three read the graph the same way.
 */
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditGraphRepository, GraphSnapshots, WaiversRepository, Clock],
  exports: [AuditGraphRepository, GraphSnapshots, Clock],
})
export class AuditModule {}

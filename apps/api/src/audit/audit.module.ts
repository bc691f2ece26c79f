import { Module } from '@nestjs/common';
import { AuditGraphRepository } from './audit-graph.repository.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';
import { Clock } from './clock.js';
import { WaiversRepository } from './waivers.repository.js';

/**
 * The gap audit, its settings and waivers. Exports the snapshot loader and the clock, which
 * coverage and impact share, so all three read the graph the same way.
 */
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditGraphRepository, WaiversRepository, Clock],
  exports: [AuditGraphRepository, Clock],
})
export class AuditModule {}

import { Module } from '@nestjs/common';
import { TopologyModule } from '../topology/topology.module.js';
import { AuditSettingsRepository } from './audit-settings.repository.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';
import { WaiversRepository } from './waivers.repository.js';

/** The gap audit over the topology, its settings and its waivers. */
@Module({
  imports: [TopologyModule],
  controllers: [AuditController],
  providers: [AuditService, AuditSettingsRepository, WaiversRepository],
  exports: [AuditService],
})
export class AuditModule {}

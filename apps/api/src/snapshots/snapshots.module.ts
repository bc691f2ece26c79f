import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { TopologyModule } from '../topology/topology.module.js';
import { SnapshotsController } from './snapshots.controller.js';
import { SnapshotsRepository } from './snapshots.repository.js';
import { SnapshotsService } from './snapshots.service.js';

/** Snapshots (baselines) and their diffs; immutable once taken. */
@Module({
  imports: [TopologyModule, AuditModule],
  controllers: [SnapshotsController],
  providers: [SnapshotsService, SnapshotsRepository],
})
export class SnapshotsModule {}

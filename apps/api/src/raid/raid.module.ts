import { Module } from '@nestjs/common';
import { TopologyModule } from '../topology/topology.module.js';
import { RaidController } from './raid.controller.js';
import { RaidRepository } from './raid.repository.js';
import { RaidService } from './raid.service.js';

/** The RAID log: risks, actions, issues and decisions attached to nodes and links. */
@Module({
  imports: [TopologyModule],
  controllers: [RaidController],
  providers: [RaidService, RaidRepository],
  // The interchange import writes RAID items through the RAID log's own repository.
  exports: [RaidRepository],
})
export class RaidModule {}

import { Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { TopologySnapshots } from './topology-snapshots.js';
import { TopologyRepository } from './topology.repository.js';

/**
 * The organisation's topology (every node and link, the last check-ins, the units) loaded in one
 * consistent snapshot, indexed and cached by fingerprint, and the clock the computations over it
 * read. Shared by audit/, coverage/ and impact/, so all three read the graph the same way.
 */
@Module({
  providers: [TopologyRepository, TopologySnapshots, Clock],
  exports: [TopologyRepository, TopologySnapshots, Clock],
})
export class TopologyModule {}

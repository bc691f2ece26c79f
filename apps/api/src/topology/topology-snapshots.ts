import { Injectable } from '@nestjs/common';
import { GraphIndex, type AuditSettings, type UnitRecord } from '@throughline/domain';
import { TopologyRepository } from './topology.repository.js';

/** An organisation's graph, indexed and ready for the audit, coverage and impact computations. */
export interface TopologySnapshot {
  index: GraphIndex;
  units: UnitRecord[];
  settings: AuditSettings;
}

interface CachedTopology {
  fingerprint: string;
  index: GraphIndex;
  units: UnitRecord[];
}

/**
 * Large organisations: the large case's topology takes ~0.5–0.7 s to load and index, the rules
 * a fraction of that. So the indexed topology of the organisations audited last is kept in
 * memory (~100 MB for 60,000 nodes and 250,000 links, hence the small limit) and reused while the
 * graph's fingerprint, read in each request's own snapshot, is unchanged. No write path needs to
 * invalidate anything, and several API replicas stay correct each with its own copy.
 */
export const CACHED_ORGANISATIONS = 4;

@Injectable()
export class TopologySnapshots {
  private readonly cache = new Map<string, CachedTopology>();

  constructor(private readonly topology: TopologyRepository) {}

  async current(orgId: string): Promise<TopologySnapshot> {
    let cached = this.cache.get(orgId);
    // When the graph has changed, let go of the old copy before the new one loads: the large case
    // would otherwise hold two topologies at once.
    const read = await this.topology.snapshot(orgId, cached?.fingerprint, () => {
      cached = undefined;
      this.cache.delete(orgId);
    });
    if (!read.topology && cached) {
      this.remember(orgId, cached); // most recently used
      return { index: cached.index, units: cached.units, settings: read.settings };
    }
    const { nodes, links, units } = read.topology!;
    const fresh = { fingerprint: read.fingerprint, index: new GraphIndex({ nodes, links }), units };
    this.remember(orgId, fresh);
    return { index: fresh.index, units, settings: read.settings };
  }

  private remember(orgId: string, topology: CachedTopology) {
    this.cache.delete(orgId);
    this.cache.set(orgId, topology);
    while (this.cache.size > CACHED_ORGANISATIONS) this.cache.delete(this.cache.keys().next().value!);
  }
}

import { Injectable } from '@nestjs/common';
import { kindWithArticle, cancellationImpact, isWorkKind, type WorkImpact } from '@throughline/domain';
import { TopologyRepository } from '../topology/topology.repository.js';
import { TopologySnapshots } from '../topology/topology-snapshots.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';

/** What-if: the effect of cancelling one work item, on the organisation's current graph. */
@Injectable()
export class ImpactService {
  constructor(
    private readonly snapshots: TopologySnapshots,
    private readonly topology: TopologyRepository,
  ) {}

  async ofCancelling(id: string): Promise<WorkImpact> {
    const orgId = requestContext.orgId();
    const { index } = await this.snapshots.current(orgId);
    const position = index.position(id);
    if (position === undefined) throw new DomainError('NOT_FOUND', `No node has the id ${id}.`, { id });
    const node = index.node(position);
    if (!isWorkKind(node.kind)) {
      throw new DomainError(
        'INVALID_FIELD',
        `${node.key} is ${kindWithArticle(node.kind)}; only a work item (programme, project, BAU activity or value asset) can be cancelled in a what-if.`,
        { id, kind: node.kind },
      );
    }
    const impact = cancellationImpact({ index }, id)!;
    // The snapshot holds only strategy nodes' titles; name the work items too.
    const titles = await this.topology.titles(orgId, [id, ...impact.dependents.map((d) => d.nodeId)]);
    const titled = <T extends { nodeId: string; title: string }>(ref: T): T => ({
      ...ref,
      title: titles.get(ref.nodeId) ?? ref.title,
    });
    return { ...impact, item: titled(impact.item), dependents: impact.dependents.map(titled) };
  }
}

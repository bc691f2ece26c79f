import { Injectable } from '@nestjs/common';
import { cancellationImpact, isWorkKind, NODE_KIND_LABELS, type WorkImpact } from '@throughline/domain';
import { AuditGraphRepository } from '../audit/audit-graph.repository.js';
import { DomainError } from '../common/domain-error.js';
import { requestContext } from '../common/request-context.js';

/** What-if: the effect of cancelling one work item, on the organisation's current graph. */
@Injectable()
export class ImpactService {
  constructor(private readonly graphs: AuditGraphRepository) {}

  async ofCancelling(id: string): Promise<WorkImpact> {
    const snapshot = await this.graphs.snapshot(requestContext.orgId(), { allTitles: true });
    const node = snapshot.nodes.find((n) => n.id === id);
    if (!node) throw new DomainError('NOT_FOUND', `No node has the id ${id}.`, { id });
    if (!isWorkKind(node.kind)) {
      throw new DomainError(
        'INVALID_FIELD',
        `${node.key} is a ${NODE_KIND_LABELS[node.kind].toLowerCase()}; only a work item (programme, project, BAU activity or value asset) can be cancelled in a what-if.`,
        { id, kind: node.kind },
      );
    }
    return cancellationImpact(snapshot, id)!;
  }
}

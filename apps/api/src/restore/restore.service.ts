import { Injectable } from '@nestjs/common';
import { isChainLinkKind, type NodeRecord } from '@throughline/domain';
import { assertMayWriteNode } from '../access/contributor-rules.js';
import { ChangeLogRepository } from '../change-log/change-log.repository.js';
import { LinksRepository } from '../links/links.repository.js';
import { NodesRepository } from '../nodes/nodes.repository.js';
import { Db } from '../platform/database/db.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { RestoreRepository } from './restore.repository.js';

/** A link of the deleted node that could not come back, and why, in words. */
export interface SkippedLink {
  id: string;
  fromId: string;
  toId: string;
  kind: string;
  reason: string;
}

export interface Restored {
  node: NodeRecord;
  restoredLinkIds: string[];
  skippedLinks: SkippedLink[];
}

/**
 * Undoing a delete: the node comes back with the same id and key, its check-ins and the links
 * deleted with it, in one transaction, from the change log's image of the deletion. A link whose
 * other end is gone, that exists again, or that would now close a chain loop stays out and is named.
 */
@Injectable()
export class RestoreService {
  constructor(
    private readonly db: Db,
    private readonly restore: RestoreRepository,
    private readonly nodes: NodesRepository,
    private readonly links: LinksRepository,
    private readonly changeLog: ChangeLogRepository,
  ) {}

  restoreNode(id: string): Promise<Restored> {
    return this.db.transaction(
      async () => {
        if (await this.restore.nodeExists(id)) {
          throw new DomainError('CONFLICT', 'This node exists: there is nothing to restore.');
        }
        const deletion = await this.restore.lastDeletion(id);
        if (!deletion) throw new DomainError('NOT_FOUND', `No deleted node ${id} to restore.`);
        const { node } = deletion;
        assertMayWriteNode(node);
        if (await this.restore.keyTaken(node.key)) {
          throw new DomainError(
            'KEY_TAKEN',
            `${node.key} cannot come back: another node has taken the key ${node.key} since it was deleted.`,
            [{ field: 'key', problems: ['is taken'] }],
          );
        }
        const unit =
          node.businessUnitId && (await this.restore.unitExists(node.businessUnitId)) ? node.businessUnitId : null;
        await this.restore.insertNode(node, unit);
        for (const checkIn of node.checkIns ?? []) await this.restore.insertCheckIn(checkIn);

        const restoredLinkIds: string[] = [];
        const skippedLinks: SkippedLink[] = [];
        for (const link of deletion.links) {
          const skip = (reason: string) =>
            skippedLinks.push({ id: link.id, fromId: link.fromId, toId: link.toId, kind: link.kind, reason });
          if (isChainLinkKind(link.kind) && (await this.links.chainPath(link.toId, link.fromId))) {
            skip('it would now close a loop in the chain');
          } else if (await this.restore.insertLink(link)) {
            restoredLinkIds.push(link.id);
          } else {
            skip('its other end no longer exists, or the same link was made again');
          }
        }

        const restored = (await this.nodes.find(id))!;
        const restoredLinks = deletion.links.filter((l) => restoredLinkIds.includes(l.id));
        await this.changeLog.append([
          {
            action: 'create',
            entityType: 'node',
            entityId: id,
            nodeIds: [id],
            before: null,
            after: { ...restored, checkIns: node.checkIns ?? [], restoredFrom: 'delete' },
          },
          ...restoredLinks.map((link) => ({
            action: 'create' as const,
            entityType: 'link' as const,
            entityId: link.id,
            nodeIds: [link.fromId, link.toId],
            before: null,
            after: link,
          })),
        ]);
        return { node: restored, restoredLinkIds, skippedLinks };
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }
}

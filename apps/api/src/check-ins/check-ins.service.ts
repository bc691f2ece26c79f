import { Injectable } from '@nestjs/common';
import { kindWithArticle, todayIso, type CheckInRecord } from '@throughline/domain';
import { assertMayCheckIn } from '../access/contributor-rules.js';
import { ChangeLogRepository, type ChangeToRecord } from '../change-log/change-log.repository.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { Db } from '../platform/database/db.js';
import { NodesRepository } from '../nodes/nodes.repository.js';
import { CheckInsRepository } from './check-ins.repository.js';
import type { CreateCheckInDto } from './dto/check-in.dto.js';

@Injectable()
export class CheckInsService {
  constructor(
    private readonly db: Db,
    private readonly checkIns: CheckInsRepository,
    private readonly nodes: NodesRepository,
    private readonly changeLog: ChangeLogRepository,
  ) {}

  async list(nodeId: string): Promise<CheckInRecord[]> {
    await this.keyResult(nodeId);
    return this.checkIns.list(nodeId);
  }

  /**
   * Records a check-in and, when it is the newest, makes its value the key result's `current`
   * (a back-dated check-in fills in history without moving today's figure). One transaction;
   * both changes are in the change log.
   */
  add(nodeId: string, dto: CreateCheckInDto): Promise<CheckInRecord> {
    return this.db.transaction(async () => {
      const before = await this.keyResult(nodeId, true);
      assertMayCheckIn(before);
      const existing = await this.checkIns.list(nodeId);
      const at = dto.at ?? todayIso();
      if (existing.some((c) => c.at === at && c.value === dto.value)) {
        // A reading is its key result, day and value: the identity the import matches on.
        throw new DomainError('CONFLICT', `${before.key} already has a check-in of ${dto.value} on ${at}.`, {
          at,
          value: dto.value,
        });
      }
      const newestBefore = existing[0];
      const checkIn = await this.checkIns.insert({
        nodeId,
        at,
        value: dto.value,
        confidence: dto.confidence ?? null,
        note: dto.note ?? '',
      });
      const changes: ChangeToRecord[] = [
        {
          action: 'create',
          entityType: 'check_in',
          entityId: checkIn.id,
          nodeIds: [nodeId],
          before: null,
          after: checkIn,
        },
      ];
      if (!newestBefore || checkIn.at >= newestBefore.at) {
        const after = await this.nodes.update(
          nodeId,
          { current: checkIn.value, ...(checkIn.confidence !== null ? { confidence: checkIn.confidence } : {}) },
          before.version + 1,
        );
        changes.push({ action: 'update', entityType: 'node', entityId: nodeId, nodeIds: [nodeId], before, after });
      }
      await this.changeLog.append(changes);
      return checkIn;
    });
  }

  private async keyResult(nodeId: string, lock = false) {
    const node = lock ? await this.nodes.findForUpdate(nodeId) : await this.nodes.find(nodeId);
    if (!node) throw new DomainError('NOT_FOUND', `No node ${nodeId} in this organisation.`);
    if (node.kind !== 'key_result') {
      throw new DomainError(
        'INVALID_STATE',
        `${node.key} is ${kindWithArticle(node.kind)}; check-ins belong to key results.`,
      );
    }
    return node;
  }
}

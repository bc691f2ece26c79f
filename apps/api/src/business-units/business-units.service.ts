import { Injectable } from '@nestjs/common';
import type { BusinessUnitRecord } from '@throughline/domain';
import { ChangeLogRepository } from '../change-log/change-log.repository.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import { BusinessUnitsRepository } from './business-units.repository.js';
import type { CreateBusinessUnitDto, UpdateBusinessUnitDto } from './dto/business-unit.dto.js';

@Injectable()
export class BusinessUnitsService {
  constructor(
    private readonly db: Db,
    private readonly units: BusinessUnitsRepository,
    private readonly changeLog: ChangeLogRepository,
  ) {}

  list(): Promise<BusinessUnitRecord[]> {
    return this.units.list();
  }

  async get(id: string): Promise<BusinessUnitRecord> {
    return (await this.units.find(id)) ?? notFound(id);
  }

  create(dto: CreateBusinessUnitDto): Promise<BusinessUnitRecord> {
    return this.db.transaction(
      async () => {
        await this.assertKeyFree(dto.key);
        if (dto.parentId) await this.assertParentExists(dto.parentId);
        if (dto.ownerId) await this.assertMember(dto.ownerId);
        const unit = await this.units.insert({
          key: dto.key,
          name: dto.name,
          parentId: dto.parentId ?? null,
          ownerId: dto.ownerId ?? null,
        });
        await this.log('create', unit.id, null, unit);
        return unit;
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }

  update(id: string, dto: UpdateBusinessUnitDto): Promise<BusinessUnitRecord> {
    return this.db.transaction(
      async () => {
        const before = (await this.units.findForUpdate(id)) ?? notFound(id);
        if (dto.version !== undefined && dto.version !== before.version) {
          throw new DomainError(
            'VERSION_CONFLICT',
            `Business unit ${before.key} has changed since version ${dto.version}.`,
            { current: before },
          );
        }
        if (dto.key !== undefined && dto.key !== before.key) await this.assertKeyFree(dto.key);
        const parentId = dto.parentId === undefined ? before.parentId : dto.parentId;
        if (parentId && parentId !== before.parentId) {
          await this.assertParentExists(parentId);
          if (parentId === id || (await this.units.ancestors(parentId)).includes(id)) {
            throw new DomainError('INVALID_FIELD', 'parentId would put the unit under itself.', [
              { field: 'parentId', problems: ['would make a loop of parent units'] },
            ]);
          }
        }
        const ownerId = dto.ownerId === undefined ? (before.ownerId ?? null) : dto.ownerId;
        if (ownerId && ownerId !== before.ownerId) await this.assertMember(ownerId);
        const after = await this.units.update(id, {
          key: dto.key ?? before.key,
          name: dto.name ?? before.name,
          parentId,
          ownerId,
          version: before.version + 1,
        });
        await this.log('update', id, before, after);
        return after;
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }

  private async assertMember(userId: string) {
    if (!(await this.units.isMember(userId))) {
      throw new DomainError('INVALID_FIELD', 'ownerId must be a member of this organisation.', [
        { field: 'ownerId', problems: ['is no member of this organisation'] },
      ]);
    }
  }

  delete(id: string): Promise<void> {
    return this.db.transaction(
      async () => {
        const unit = (await this.units.findForUpdate(id)) ?? notFound(id);
        const usage = await this.units.usage(id);
        if (usage.nodes > 0 || usage.children > 0) {
          throw new DomainError(
            'IN_USE',
            `Business unit ${unit.key} is still used by ${usage.nodes} node(s) and ${usage.children} child unit(s); move them first.`,
            usage,
          );
        }
        await this.units.delete(id);
        await this.log('delete', id, unit, null);
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }

  private async assertKeyFree(key: string) {
    if (await this.units.findByKey(key)) {
      throw new DomainError('KEY_TAKEN', `A business unit with key ${key} already exists.`, [
        { field: 'key', problems: ['is taken'] },
      ]);
    }
  }

  private async assertParentExists(parentId: string) {
    if (!(await this.units.find(parentId))) {
      throw new DomainError('INVALID_FIELD', 'parentId refers to no business unit of this organisation.', [
        { field: 'parentId', problems: ['refers to no business unit'] },
      ]);
    }
  }

  private log(action: 'create' | 'update' | 'delete', id: string, before: unknown, after: unknown) {
    return this.changeLog.append([{ action, entityType: 'business_unit', entityId: id, nodeIds: [], before, after }]);
  }
}

function notFound(id: string): never {
  throw new DomainError('NOT_FOUND', `No business unit ${id} in this organisation.`);
}

import { Injectable } from '@nestjs/common';
import type { BusinessUnitRecord } from '@throughline/domain';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import { BusinessUnitEntity } from './business-unit.entity.js';

@Injectable()
export class BusinessUnitsRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<BusinessUnitRecord[]> {
    const units = await this.db.manager.find(BusinessUnitEntity, {
      where: { orgId: requestContext.orgId() },
      order: { key: 'ASC' },
    });
    return units.map(toRecord);
  }

  async find(id: string): Promise<BusinessUnitRecord | undefined> {
    const unit = await this.db.manager.findOne(BusinessUnitEntity, { where: { orgId: requestContext.orgId(), id } });
    return unit ? toRecord(unit) : undefined;
  }

  /** Locks the unit's row for the rest of the transaction (a concurrent update waits). */
  async findForUpdate(id: string): Promise<BusinessUnitRecord | undefined> {
    const unit = await this.db.manager
      .createQueryBuilder(BusinessUnitEntity, 'u')
      .where('u.org_id = :orgId AND u.id = :id', { orgId: requestContext.orgId(), id })
      .setLock('pessimistic_write')
      .getOne();
    return unit ? toRecord(unit) : undefined;
  }

  async findByKey(key: string): Promise<BusinessUnitRecord | undefined> {
    const unit = await this.db.manager.findOne(BusinessUnitEntity, { where: { orgId: requestContext.orgId(), key } });
    return unit ? toRecord(unit) : undefined;
  }

  async insert(values: {
    key: string;
    name: string;
    parentId: string | null;
    ownerId: string | null;
  }): Promise<BusinessUnitRecord> {
    const unit = this.db.manager.create(BusinessUnitEntity, { ...values, orgId: requestContext.orgId() });
    return toRecord(await this.db.manager.save(unit));
  }

  async update(
    id: string,
    values: { key: string; name: string; parentId: string | null; ownerId: string | null; version: number },
  ) {
    await this.db.manager.update(BusinessUnitEntity, { orgId: requestContext.orgId(), id }, values);
    return (await this.find(id))!;
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(BusinessUnitEntity, { orgId: requestContext.orgId(), id });
  }

  /** Whether `userId` is a member of this organisation (a unit's owner must be). */
  async isMember(userId: string): Promise<boolean> {
    const row = await this.db.one(`SELECT 1 FROM memberships WHERE org_id = $1 AND user_id = $2`, [
      requestContext.orgId(),
      userId,
    ]);
    return row !== undefined;
  }

  /** Which of `ids` are no business unit of this organisation. */
  async missing(ids: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM unnest($2::uuid[]) AS given(id)
        WHERE NOT EXISTS (SELECT 1 FROM business_units u WHERE u.org_id = $1 AND u.id = given.id)`,
      [requestContext.orgId(), ids],
    );
    return rows.map((r) => r.id);
  }

  /**
   * How many nodes (in the unit, or objectives naming it accountable) and child units still use the unit (a unit
   * in use cannot be deleted).
   */
  async usage(id: string): Promise<{ nodes: number; children: number }> {
    const row = await this.db.one<{ nodes: number; children: number }>(
      `SELECT (SELECT count(*)::int FROM nodes
                WHERE org_id = $1 AND (business_unit_id = $2 OR accountable_unit_ids @> ARRAY[$2::uuid])) AS nodes,
              (SELECT count(*)::int FROM business_units WHERE org_id = $1 AND parent_id = $2) AS children`,
      [requestContext.orgId(), id],
    );
    return row ?? { nodes: 0, children: 0 };
  }

  /** The unit's ancestors, nearest first (to refuse a parent that would make a loop). */
  async ancestors(id: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `WITH RECURSIVE up(id, depth) AS (
         SELECT parent_id, 1 FROM business_units WHERE org_id = $1 AND id = $2 AND parent_id IS NOT NULL
         UNION
         SELECT u.parent_id, up.depth + 1 FROM business_units u JOIN up ON u.org_id = $1 AND u.id = up.id
          WHERE u.parent_id IS NOT NULL AND up.depth < 100
       )
       SELECT id FROM up ORDER BY depth`,
      [requestContext.orgId(), id],
    );
    return rows.map((r) => r.id);
  }
}

export function toRecord(unit: BusinessUnitEntity): BusinessUnitRecord {
  return {
    id: unit.id,
    key: unit.key,
    name: unit.name,
    parentId: unit.parentId,
    ownerId: unit.ownerId,
    version: unit.version,
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}

import { Injectable } from '@nestjs/common';
import type { AuditRuleId, AuditWaiver } from '@throughline/domain';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';

interface WaiverRow {
  id: string;
  finding_id: string;
  rule: AuditRuleId;
  node_ids: string[];
  path: string[];
  reason: string;
  expires_on: string;
  created_by: string;
  created_at: Date;
}

export type NewWaiver = Pick<AuditWaiver, 'findingId' | 'rule' | 'nodeIds' | 'path' | 'reason' | 'expiresOn'>;

const COLUMNS = `id, finding_id, rule, node_ids, path, reason, expires_on, created_by, created_at`;

/** Waivers of audit findings. */
@Injectable()
export class WaiversRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<AuditWaiver[]> {
    const rows = await this.db.query<WaiverRow>(
      `SELECT ${COLUMNS} FROM audit_waivers WHERE org_id = $1 ORDER BY expires_on, finding_id`,
      [requestContext.orgId()],
    );
    return rows.map(toWaiver);
  }

  async find(id: string): Promise<AuditWaiver | undefined> {
    const row = await this.db.one<WaiverRow>(`SELECT ${COLUMNS} FROM audit_waivers WHERE org_id = $1 AND id = $2`, [
      requestContext.orgId(),
      id,
    ]);
    return row && toWaiver(row);
  }

  /** The waiver of a finding, locked until the transaction ends (two PMOs waiving at once). */
  async findByFindingForUpdate(findingId: string): Promise<AuditWaiver | undefined> {
    const row = await this.db.one<WaiverRow>(
      `SELECT ${COLUMNS} FROM audit_waivers WHERE org_id = $1 AND finding_id = $2 FOR UPDATE`,
      [requestContext.orgId(), findingId],
    );
    return row && toWaiver(row);
  }

  async insert(waiver: NewWaiver): Promise<AuditWaiver> {
    const row = await this.db.one<WaiverRow>(
      `INSERT INTO audit_waivers (org_id, finding_id, rule, node_ids, path, reason, expires_on, created_by)
       VALUES ($1, $2, $3, $4::uuid[], $5::text[], $6, $7, $8)
       RETURNING ${COLUMNS}`,
      [
        requestContext.orgId(),
        waiver.findingId,
        waiver.rule,
        waiver.nodeIds,
        waiver.path,
        waiver.reason,
        waiver.expiresOn,
        requestContext.actor(),
      ],
    );
    return toWaiver(row!);
  }

  /** Replaces a lapsed waiver of the same finding: a new decision, by whoever makes it now. */
  async replace(id: string, waiver: NewWaiver): Promise<AuditWaiver> {
    const row = await this.db.one<WaiverRow>(
      // In a CTE so the driver answers rows (a bare UPDATE answers [rows, count] through TypeORM).
      `WITH replaced AS (
         UPDATE audit_waivers
            SET node_ids = $3::uuid[], path = $4::text[], reason = $5, expires_on = $6,
                created_by = $7, created_at = now(), updated_at = now()
          WHERE org_id = $1 AND id = $2
          RETURNING ${COLUMNS})
       SELECT * FROM replaced`,
      [
        requestContext.orgId(),
        id,
        waiver.nodeIds,
        waiver.path,
        waiver.reason,
        waiver.expiresOn,
        requestContext.actor(),
      ],
    );
    return toWaiver(row!);
  }

  async delete(id: string): Promise<void> {
    await this.db.query(`DELETE FROM audit_waivers WHERE org_id = $1 AND id = $2`, [requestContext.orgId(), id]);
  }
}

function toWaiver(row: WaiverRow): AuditWaiver {
  return {
    id: row.id,
    findingId: row.finding_id,
    rule: row.rule,
    nodeIds: row.node_ids,
    path: row.path,
    reason: row.reason,
    expiresOn: row.expires_on,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

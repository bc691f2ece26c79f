import { Injectable } from '@nestjs/common';
import type { CheckInRecord } from '@throughline/domain';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';

interface CheckInRow {
  id: string;
  node_id: string;
  at: string;
  value: number;
  confidence: number | null;
  note: string;
  created_by: string;
  created_at: Date;
}

const COLUMNS = 'id, node_id, at, value, confidence, note, created_by, created_at';

@Injectable()
export class CheckInsRepository {
  constructor(private readonly db: Db) {}

  /** A key result's check-ins, newest first (by the day measured, then by when recorded). */
  async list(nodeId: string): Promise<CheckInRecord[]> {
    const rows = await this.db.query<CheckInRow>(
      `SELECT ${COLUMNS} FROM key_result_check_ins WHERE org_id = $1 AND node_id = $2 ORDER BY at DESC, created_at DESC, id DESC`,
      [requestContext.orgId(), nodeId],
    );
    return rows.map(toRecord);
  }

  async insert(values: {
    nodeId: string;
    at: string;
    value: number;
    confidence: number | null;
    note: string;
  }): Promise<CheckInRecord> {
    const [row] = await this.db.query<CheckInRow>(
      `INSERT INTO key_result_check_ins (org_id, node_id, at, value, confidence, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING ${COLUMNS}`,
      [
        requestContext.orgId(),
        values.nodeId,
        values.at,
        values.value,
        values.confidence,
        values.note,
        requestContext.actor(),
      ],
    );
    return toRecord(row);
  }
}

function toRecord(row: CheckInRow): CheckInRecord {
  return {
    id: row.id,
    nodeId: row.node_id,
    at: row.at,
    value: row.value,
    confidence: row.confidence,
    note: row.note,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

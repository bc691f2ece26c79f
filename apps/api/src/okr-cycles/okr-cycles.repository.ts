import { Injectable } from '@nestjs/common';
import type { OkrCycle } from '@throughline/domain';
import { Db } from '../platform/database/db.js';
import { requestContext } from '../platform/request-context/request-context.js';

interface CycleRow {
  id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  key_results: number;
  created_at: Date;
}

export interface CycleValues {
  name: string;
  startsOn: string;
  endsOn: string;
}

const SELECT = `
  SELECT c.id, c.name, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.ends_on, 'YYYY-MM-DD') AS ends_on,
         (SELECT count(*) FROM nodes n WHERE n.org_id = c.org_id AND n.cycle_id = c.id)::int AS key_results,
         c.created_at
    FROM okr_cycles c`;

/** The organisation's OKR cycles. */
@Injectable()
export class OkrCyclesRepository {
  constructor(private readonly db: Db) {}

  /** Newest first (by first day), then by name. */
  async list(): Promise<OkrCycle[]> {
    const rows = await this.db.query<CycleRow>(`${SELECT} WHERE c.org_id = $1 ORDER BY c.starts_on DESC, c.name`, [
      requestContext.orgId(),
    ]);
    return rows.map(toCycle);
  }

  async find(id: string): Promise<OkrCycle | undefined> {
    const row = await this.db.one<CycleRow>(`${SELECT} WHERE c.org_id = $1 AND c.id = $2`, [
      requestContext.orgId(),
      id,
    ]);
    return row && toCycle(row);
  }

  /** Whether another cycle of the organisation has `name` (`except`: the one being renamed). */
  async nameTaken(name: string, except?: string): Promise<boolean> {
    const row = await this.db.one<{ taken: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM okr_cycles WHERE org_id = $1 AND name = $2 AND id IS DISTINCT FROM $3::uuid) AS taken`,
      [requestContext.orgId(), name, except ?? null],
    );
    return row?.taken ?? false;
  }

  async insert(values: CycleValues): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO okr_cycles (org_id, name, starts_on, ends_on) VALUES ($1, $2, $3, $4) RETURNING id`,
      [requestContext.orgId(), values.name, values.startsOn, values.endsOn],
    );
    return row.id;
  }

  async update(id: string, values: CycleValues): Promise<void> {
    await this.db.query(`UPDATE okr_cycles SET name = $3, starts_on = $4, ends_on = $5 WHERE org_id = $1 AND id = $2`, [
      requestContext.orgId(),
      id,
      values.name,
      values.startsOn,
      values.endsOn,
    ]);
  }

  /** Deletes the cycle; its key results stay, in no cycle (the foreign key sets their `cycle_id` null). */
  async delete(id: string): Promise<void> {
    await this.db.query(`DELETE FROM okr_cycles WHERE org_id = $1 AND id = $2`, [requestContext.orgId(), id]);
  }
}

function toCycle(row: CycleRow): OkrCycle {
  return {
    id: row.id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    keyResults: row.key_results,
    createdAt: row.created_at.toISOString(),
  };
}

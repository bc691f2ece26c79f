import { Injectable } from '@nestjs/common';
import {
  AUDIT_SETTING_LIMITS,
  DEFAULT_AUDIT_SETTINGS,
  type AuditLink,
  type AuditNode,
  type AuditSettings,
  type LinkKind,
  type LinkState,
  type NodeHealth,
  type NodeKind,
  type NodeStatus,
  type UnitRecord,
} from '@throughline/domain';
import type pg from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { Db } from '../database/db.js';

/** What one snapshot holds: the graph the rules read, and what coverage names units by. */
export interface GraphSnapshot {
  nodes: AuditNode[];
  links: AuditLink[];
  settings: AuditSettings;
  units: UnitRecord[];
}

/**
 * Loads an organisation's whole topology for the audit, coverage and impact computations, in
 * ONE consistent snapshot: a REPEATABLE READ, READ ONLY transaction, so a link (or a node and
 * its links) written concurrently is either wholly in the snapshot or not at all, and no link
 * can refer to a node the snapshot lacks.
 *
 * Lean by design (measured, docs/performance.md): only the columns the rules read, rows as
 * arrays (pg's `rowMode: 'array'` skips building an object per row, which matters for ~250,000
 * links), titles only for strategy nodes, creation times only where a rule reads them. Nodes
 * come sorted by key in byte order, which is the order the in-memory index wants.
 */
@Injectable()
export class AuditGraphRepository {
  constructor(private readonly db: Db) {}

  /** `allTitles`: every node's title, not only strategy nodes' (for answers that name work items). */
  async snapshot(orgId: string, options: { allTitles?: boolean } = {}): Promise<GraphSnapshot> {
    const driver = this.db.dataSource.driver as PostgresDriver;
    const [client, release] = (await driver.obtainMasterConnection()) as [pg.PoolClient, (err?: unknown) => void];
    let failed: unknown;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const nodes = await this.nodes(client, orgId, options.allTitles ?? false);
      const links = await this.links(client, orgId);
      await this.lastCheckIns(client, orgId, nodes);
      const settings = await this.settings(client, orgId);
      const units = await this.units(client, orgId);
      await client.query('COMMIT');
      return { nodes, links, settings, units };
    } catch (error) {
      failed = error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // A connection that failed mid-transaction is not handed back to the pool for reuse.
      release(failed instanceof Error && !('code' in failed) ? failed : undefined);
    }
  }

  /** The organisation's audit settings, defaults filled in (also read outside a snapshot). */
  async settingsOf(orgId: string): Promise<AuditSettings> {
    const row = await this.db.one<{ audit: unknown }>(
      `SELECT settings -> 'audit' AS audit FROM organisations WHERE id = $1`,
      [orgId],
    );
    return readSettings(row?.audit);
  }

  private async nodes(client: pg.PoolClient, orgId: string, allTitles: boolean): Promise<AuditNode[]> {
    const { rows } = await client.query<unknown[]>({
      rowMode: 'array',
      text: `SELECT id, key, kind, status, health, business_unit_id,
                    owner IS NOT NULL AND btrim(owner) <> '' AS has_owner,
                    target_date, end_date,
                    CASE WHEN kind = 'key_result' THEN created_at END AS created_at,
                    budget, annual_cost, annual_value, baseline, target, current,
                    CASE WHEN $2 OR kind IN ('theme', 'objective', 'key_result') THEN title END AS title
               FROM nodes
              WHERE org_id = $1
              ORDER BY key COLLATE "C"`,
      values: [orgId, allTitles],
    });
    return rows.map((r) => ({
      id: r[0] as string,
      key: r[1] as string,
      kind: r[2] as NodeKind,
      status: r[3] as NodeStatus,
      health: r[4] as NodeHealth,
      businessUnitId: r[5] as string | null,
      hasOwner: r[6] as boolean,
      targetDate: r[7] as string | null,
      endDate: r[8] as string | null,
      createdAt: r[9] ? (r[9] as Date).toISOString() : '',
      lastCheckInAt: null,
      budget: r[10] as number | null,
      annualCost: r[11] as number | null,
      annualValue: r[12] as number | null,
      baseline: r[13] as number | null,
      target: r[14] as number | null,
      current: r[15] as number | null,
      title: (r[16] as string | null) ?? undefined,
    }));
  }

  /** Approved and proposed links (rejected ones count nowhere); creation times for proposals only. */
  private async links(client: pg.PoolClient, orgId: string): Promise<AuditLink[]> {
    const { rows } = await client.query<unknown[]>({
      rowMode: 'array',
      text: `SELECT from_id, to_id, kind, state, weight, CASE WHEN state = 'proposed' THEN created_at END
               FROM links
              WHERE org_id = $1 AND state <> 'rejected'`,
      values: [orgId],
    });
    return rows.map((r) => ({
      from: r[0] as string,
      to: r[1] as string,
      kind: r[2] as LinkKind,
      state: r[3] as LinkState,
      weight: r[4] as number | null,
      createdAt: r[5] ? (r[5] as Date).toISOString() : undefined,
    }));
  }

  /** The date of each key result's newest check-in, written onto its node. */
  private async lastCheckIns(client: pg.PoolClient, orgId: string, nodes: AuditNode[]) {
    const { rows } = await client.query<[string, string]>({
      rowMode: 'array',
      text: `SELECT node_id, max(at) FROM key_result_check_ins WHERE org_id = $1 GROUP BY node_id`,
      values: [orgId],
    });
    if (rows.length === 0) return;
    const latest = new Map(rows.map((r) => [r[0], r[1]]));
    for (const node of nodes) if (node.kind === 'key_result') node.lastCheckInAt = latest.get(node.id) ?? null;
  }

  private async settings(client: pg.PoolClient, orgId: string): Promise<AuditSettings> {
    const { rows } = await client.query<{ audit: unknown }>(
      `SELECT settings -> 'audit' AS audit FROM organisations WHERE id = $1`,
      [orgId],
    );
    return readSettings(rows[0]?.audit);
  }

  private async units(client: pg.PoolClient, orgId: string): Promise<UnitRecord[]> {
    const { rows } = await client.query<UnitRecord>(
      `SELECT id, key, name FROM business_units WHERE org_id = $1 ORDER BY key COLLATE "C"`,
      [orgId],
    );
    return rows;
  }
}

/** Stored settings with defaults for anything missing or out of bounds (the jsonb is shared with other settings). */
export function readSettings(stored: unknown): AuditSettings {
  const given = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const settings = { ...DEFAULT_AUDIT_SETTINGS };
  for (const name of Object.keys(DEFAULT_AUDIT_SETTINGS) as (keyof AuditSettings)[]) {
    const value = given[name];
    const { min, max } = AUDIT_SETTING_LIMITS[name];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) settings[name] = value;
  }
  return settings;
}

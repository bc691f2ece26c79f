import { Injectable } from '@nestjs/common';
import {
  auditSettingsFrom,
  type AuditLink,
  type AuditNode,
  type AuditSettings,
  type LinkKind,
  type NodeHealth,
  type NodeKind,
  type NodeStatus,
  type UnitRecord,
} from '@throughline/domain';
import type pg from 'pg';
import { Db } from '../platform/database/db.js';

/** The topology of one organisation, as loaded: what the rules read and what coverage names units by. */
export interface Topology {
  nodes: AuditNode[];
  /** Read once, by the index: made row by row so the ~250,000 links never all live as objects at once. */
  links: Iterable<AuditLink>;
  units: UnitRecord[];
}

/**
 * One consistent read: the graph's fingerprint and the audit settings (read in the same snapshot,
 * so an audit never mixes a graph with settings it was not current with), and the topology
 * unless the caller already holds the topology with that fingerprint.
 */
export interface SnapshotRead {
  fingerprint: string;
  settings: AuditSettings;
  topology?: Topology;
}

/**
 * The topology loader: an organisation's whole graph (nodes, links, last check-ins, units) for
 * the audit, coverage and impact computations, in
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
export class TopologyRepository {
  constructor(private readonly db: Db) {}

  /**
   * The snapshot, skipping the topology when its fingerprint equals `known` (the caller's copy
   * is then still exact: the fingerprint is read in the same transaction as the data would be).
   * `onChanged` runs before a topology is loaded, so the caller can drop its stale copy first.
   */
  snapshot(orgId: string, known?: string, onChanged?: () => void): Promise<SnapshotRead> {
    // A connection of its own, in the request's tenant (Db sets app.org_id with the BEGIN).
    return this.db.readOnlySnapshot(async (client) => {
      const fingerprint = await this.fingerprint(client, orgId);
      const settings = await this.settings(client, orgId);
      let topology: Topology | undefined;
      if (fingerprint !== known) {
        onChanged?.();
        topology = await readTopology(client, orgId);
      }
      return { fingerprint, settings, topology };
    });
  }

  /** Titles of the given nodes (the snapshot carries only strategy nodes' titles). */
  async titles(orgId: string, ids: string[]): Promise<Map<string, string>> {
    const rows = await this.db.query<{ id: string; title: string }>(
      `SELECT id, title FROM nodes WHERE org_id = $1 AND id = ANY($2::uuid[])`,
      [orgId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /**
   * Changes whenever anything the computations read changes: per table, the row count and the
   * sum of the rows' `xmin` (the id of the transaction that wrote each row version). An insert
   * or update writes rows with a new transaction id, a delete lowers the count or the sum, so
   * an unchanged fingerprint means an unchanged graph — whoever wrote it, through whichever
   * module, on whichever replica of the API. ~70 ms on the large graph, against ~0.5–0.7 s to load it.
   */
  private async fingerprint(client: pg.ClientBase, orgId: string): Promise<string> {
    const part = (table: string) =>
      `(SELECT count(*)::text || '.' || coalesce(sum(xmin::text::bigint), 0)::text FROM ${table} WHERE org_id = $1)`;
    const { rows } = await client.query<[string]>({
      rowMode: 'array',
      text: `SELECT ${['nodes', 'links', 'key_result_check_ins', 'business_units'].map(part).join(` || '/' || `)}`,
      values: [orgId],
    });
    return rows[0][0];
  }

  private async settings(client: pg.ClientBase, orgId: string): Promise<AuditSettings> {
    const { rows } = await client.query<{ audit: unknown }>(
      `SELECT settings -> 'audit' AS audit FROM organisations WHERE id = $1`,
      [orgId],
    );
    return auditSettingsFrom(rows[0]?.audit);
  }
}

/**
 * The topology the rules read, in the caller's transaction (which must be REPEATABLE READ for
 * the reads to agree). Exported so the benchmark's floor (bench/audit.ts) loads exactly this.
 */
export async function readTopology(client: pg.ClientBase, orgId: string): Promise<Topology> {
  const nodes = await readNodes(client, orgId);
  const links = await readLinks(client, orgId);
  await readLastCheckIns(client, orgId, nodes);
  return { nodes, links, units: await readUnits(client, orgId) };
}

async function readNodes(client: pg.ClientBase, orgId: string): Promise<AuditNode[]> {
  const { rows } = await client.query<unknown[]>({
    rowMode: 'array',
    text: `SELECT id, key, kind, status, health, business_unit_id,
                  owner IS NOT NULL AND btrim(owner) <> '' AS has_owner,
                  target_date, end_date,
                  CASE WHEN kind = 'key_result' THEN created_at END AS created_at,
                  budget, annual_cost, annual_value, baseline, target, current,
                  CASE WHEN kind IN ('theme', 'objective', 'key_result') THEN title END AS title,
                  nullif(btrim(owner), '') AS owner, start_date,
                  CASE WHEN kind = 'objective' THEN accountable_unit_ids END AS accountable_unit_ids,
                  priority
             FROM nodes
            WHERE org_id = $1
            ORDER BY key COLLATE "C"`,
    values: [orgId],
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
    owner: r[17] as string | null,
    startDate: r[18] as string | null,
    ...(r[19] ? { accountableUnitIds: r[19] as string[] } : {}),
    priority: r[20] as number | null,
  }));
}

/**
 * Approved links (four columns, the bulk of the rows) and then proposed ones with their
 * creation times. Rejected links count nowhere and are left in the database.
 */
async function readLinks(client: pg.ClientBase, orgId: string): Promise<Iterable<AuditLink>> {
  const approved = await client.query<[string, string, LinkKind, number | null]>({
    rowMode: 'array',
    text: `SELECT from_id, to_id, kind, weight FROM links WHERE org_id = $1 AND state = 'approved'`,
    values: [orgId],
  });
  const proposed = await client.query<[string, string, LinkKind, number | null, Date]>({
    rowMode: 'array',
    text: `SELECT from_id, to_id, kind, weight, created_at FROM links WHERE org_id = $1 AND state = 'proposed'`,
    values: [orgId],
  });
  return (function* () {
    for (const r of approved.rows) yield { from: r[0], to: r[1], kind: r[2], state: 'approved', weight: r[3] };
    for (const r of proposed.rows) {
      yield { from: r[0], to: r[1], kind: r[2], state: 'proposed', weight: r[3], createdAt: r[4].toISOString() };
    }
  })();
}

/** The date of each key result's newest check-in, written onto its node. */
async function readLastCheckIns(client: pg.ClientBase, orgId: string, nodes: AuditNode[]) {
  const { rows } = await client.query<[string, string]>({
    rowMode: 'array',
    text: `SELECT node_id, max(at) FROM key_result_check_ins WHERE org_id = $1 GROUP BY node_id`,
    values: [orgId],
  });
  if (rows.length === 0) return;
  const latest = new Map(rows.map((r) => [r[0], r[1]]));
  for (const node of nodes) if (node.kind === 'key_result') node.lastCheckInAt = latest.get(node.id) ?? null;
}

async function readUnits(client: pg.ClientBase, orgId: string): Promise<UnitRecord[]> {
  const { rows } = await client.query<UnitRecord>(
    `SELECT b.id, b.key, b.name, b.owner_id AS "ownerId", u.name AS "ownerName"
       FROM business_units b LEFT JOIN users u ON u.id = b.owner_id
      WHERE b.org_id = $1 ORDER BY b.key COLLATE "C"`,
    [orgId],
  );
  return rows;
}

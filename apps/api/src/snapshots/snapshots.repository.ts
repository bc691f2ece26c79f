import { Injectable } from '@nestjs/common';
import type { AuditSummary, SnapshotContent, SnapshotCoverage, SnapshotRecord } from '@throughline/domain';
import { Db } from '../platform/database/db.js';
import { requestContext } from '../platform/request-context/request-context.js';

/** A snapshot without its graph (the list and the trend). */
export interface SnapshotSummary {
  id: string;
  name: string;
  takenAt: string;
  takenBy: string;
  nodeCount: number;
  linkCount: number;
  coverage: SnapshotCoverage;
  audit: AuditSummary;
}

interface SummaryRow {
  id: string;
  name: string;
  taken_at: Date;
  taken_by: string;
  node_count: number;
  link_count: number;
  coverage: SnapshotCoverage;
  audit: AuditSummary;
}

const SUMMARY = `id, name, taken_at, taken_by, jsonb_array_length(graph->'nodes') AS node_count,
                 jsonb_array_length(graph->'links') AS link_count, coverage, audit`;

/**
 * Snapshots are written once and never changed: this repository has no UPDATE or DELETE, and the request role
 * could not run one (app-role.ts grants SELECT and INSERT only).
 */
@Injectable()
export class SnapshotsRepository {
  constructor(private readonly db: Db) {}

  /**
   * The graph as a snapshot keeps it: every node and link with its columns (camelCased), less the organisation
   * id. Read in one statement so nodes and links belong to the same moment.
   */
  async currentGraph(): Promise<SnapshotContent['graph']> {
    const [row] = await this.db.query<{
      nodes: Record<string, unknown>[] | null;
      links: Record<string, unknown>[] | null;
    }>(
      `SELECT (SELECT jsonb_agg(to_jsonb(n) - 'org_id' ORDER BY n.key) FROM nodes n WHERE n.org_id = $1) AS nodes,
              (SELECT jsonb_agg(to_jsonb(l) - 'org_id' ORDER BY l.id) FROM links l WHERE l.org_id = $1) AS links`,
      [requestContext.orgId()],
    );
    return { nodes: (row.nodes ?? []).map(camelCased), links: (row.links ?? []).map(camelCased) };
  }

  async insert(name: string, content: SnapshotContent): Promise<SnapshotSummary> {
    const [row] = await this.db.query<SummaryRow>(
      `INSERT INTO snapshots (org_id, name, taken_by, graph, coverage, audit)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${SUMMARY}`,
      [
        requestContext.orgId(),
        name,
        requestContext.actor(),
        JSON.stringify(content.graph),
        JSON.stringify(content.coverage),
        JSON.stringify(content.audit),
      ],
    );
    return toSummary(row);
  }

  /** Newest first. */
  async list(): Promise<SnapshotSummary[]> {
    const rows = await this.db.query<SummaryRow>(
      `SELECT ${SUMMARY} FROM snapshots WHERE org_id = $1 ORDER BY taken_at DESC, id DESC`,
      [requestContext.orgId()],
    );
    return rows.map(toSummary);
  }

  async content(id: string): Promise<(SnapshotContent & { summary: SnapshotSummary }) | null> {
    const [row] = await this.db.query<SummaryRow & { graph: SnapshotContent['graph'] }>(
      `SELECT ${SUMMARY}, graph FROM snapshots WHERE org_id = $1 AND id = $2`,
      [requestContext.orgId(), id],
    );
    if (!row) return null;
    return { graph: row.graph, coverage: row.coverage, audit: row.audit, summary: toSummary(row) };
  }
}

function toSummary(row: SummaryRow): SnapshotSummary {
  return {
    id: row.id,
    name: row.name,
    takenAt: row.taken_at.toISOString(),
    takenBy: row.taken_by,
    nodeCount: row.node_count,
    linkCount: row.link_count,
    coverage: row.coverage,
    audit: row.audit,
  };
}

/** `business_unit_id` → `businessUnitId`, as the API's node and link fields are named. */
function camelCased(row: Record<string, unknown>): SnapshotRecord {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row))
    out[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  return out as SnapshotRecord;
}

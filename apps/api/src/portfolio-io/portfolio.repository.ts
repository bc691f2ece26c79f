import { Injectable } from '@nestjs/common';
import { CHAIN_LINK_KINDS, type LinkKind, type LinkState, type NodeKind } from '@throughline/domain';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import { NODE_COLUMNS } from './node-columns.js';

/** How many rows an upsert created and updated (the rest of its input was already so). */
export interface Upserted {
  created: number;
  updated: number;
}

export interface UnitRow {
  id: string;
  key: string;
  name: string;
  parent_key: string | null;
}

/**
 * A node row as the import writes it: every column, a new node's defaults applied, unit
 * resolved to its id. `present` names the columns the document gave: a stored node keeps the
 * others (an omitted field keeps its value, an explicit null clears it).
 */
export type NodeInputRow = { key: string; kind: NodeKind; present: string[] } & Record<
  (typeof NODE_COLUMNS)[number]['column'],
  unknown
>;

export interface LinkInputRow {
  from_key: string;
  to_key: string;
  kind: LinkKind;
  weight: number | null;
  rationale: string;
  state: LinkState;
  /** The fields the document gave (weight, rationale, state); a stored link keeps the others. */
  present: string[];
}

export interface CheckInInputRow {
  node_key: string;
  at: string;
  value: number;
  confidence: number | null;
  note: string;
  /** The fields the document gave (confidence, note); a stored reading keeps the others. */
  present: string[];
}

/** How an upsert's rows go into the change log: their entity type, the nodes they concern, their JSON. */
export interface ChangeLogShape {
  entityType: 'node' | 'link' | 'check_in' | 'okr_cycle' | 'waiver';
  nodeIds: (alias: string) => string;
  json: (alias: string) => string;
}

/** The fields whose REST name differs from the document's (they hold ids where the document has keys). */
const REST_NAMES: Record<string, string> = { businessUnit: 'businessUnitId', accountableUnits: 'accountableUnitIds' };

/** The node as the change log records it (the REST API's field names). */
const NODE_JSON = (alias: string) =>
  `jsonb_build_object('id', ${alias}.id, 'key', ${alias}.key, 'kind', ${alias}.kind, ${NODE_COLUMNS.map(
    (c) => `'${REST_NAMES[c.field] ?? c.field}', ${alias}.${c.column}`,
  ).join(', ')}, 'version', ${alias}.version)`;

const LINK_JSON = (alias: string) =>
  `jsonb_build_object('id', ${alias}.id, 'fromId', ${alias}.from_id, 'toId', ${alias}.to_id, 'kind', ${alias}.kind,
     'weight', ${alias}.weight, 'rationale', ${alias}.rationale, 'state', ${alias}.state, 'version', ${alias}.version)`;

/**
 * Set-based SQL for the interchange document: one statement per entity kind however large the
 * document, each writing its change-log entries in the same statement (a data-modifying CTE),
 * so a 60,000-node import is a handful of round trips, not hundreds of thousands.
 */
@Injectable()
export class PortfolioRepository {
  constructor(private readonly db: Db) {}

  async units(): Promise<UnitRow[]> {
    return this.db.query<UnitRow>(
      `SELECT u.id, u.key, u.name, p.key AS parent_key
         FROM business_units u LEFT JOIN business_units p ON p.org_id = u.org_id AND p.id = u.parent_id
        WHERE u.org_id = $1 ORDER BY u.key`,
      [requestContext.orgId()],
    );
  }

  async nodeKinds(): Promise<Map<string, NodeKind>> {
    const rows = await this.db.query<{ key: string; kind: NodeKind }>(`SELECT key, kind FROM nodes WHERE org_id = $1`, [
      requestContext.orgId(),
    ]);
    return new Map(rows.map((r) => [r.key, r.kind]));
  }

  /** The chain links that are not rejected, by key (for the import's cycle check). */
  async chainLinkKeys(): Promise<[string, string][]> {
    const rows = await this.db.query<{ f: string; t: string }>(
      `SELECT f.key AS f, t.key AS t FROM links l
         JOIN nodes f ON f.org_id = l.org_id AND f.id = l.from_id
         JOIN nodes t ON t.org_id = l.org_id AND t.id = l.to_id
        WHERE l.org_id = $1 AND l.kind = ANY($2::text[]) AND l.state <> 'rejected'`,
      [requestContext.orgId(), CHAIN_LINK_KINDS],
    );
    return rows.map((r) => [r.f, r.t]);
  }

  async insertUnit(key: string, name: string): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO business_units (org_id, key, name) VALUES ($1, $2, $3) RETURNING id`,
      [requestContext.orgId(), key, name],
    );
    return row.id;
  }

  async updateUnit(id: string, name: string, parentId: string | null): Promise<void> {
    await this.db.query(
      `UPDATE business_units SET name = $3, parent_id = $4, version = version + 1, updated_at = now() WHERE org_id = $1 AND id = $2`,
      [requestContext.orgId(), id, name, parentId],
    );
  }

  /** Inserts new nodes and updates changed ones (matched by key); unchanged rows are not touched. */
  async upsertNodes(rows: NodeInputRow[]): Promise<Upserted> {
    const columns = NODE_COLUMNS.map((c) => c.column);
    const record = [
      'key text',
      'kind text',
      'present text[]',
      ...NODE_COLUMNS.map((c) => `${c.column} ${c.type}`),
    ].join(', ');
    return this.upsert(
      `WITH input AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS i(${record})),
       old AS MATERIALIZED (SELECT n.* FROM nodes n JOIN input i ON n.org_id = $1 AND n.key = i.key),
       merged AS (
         SELECT i.key, i.kind, ${columns.map((c) => kept(c, 'i', 'o')).join(', ')}
           FROM input i LEFT JOIN old o ON o.key = i.key
       ),
       upserted AS (
         INSERT INTO nodes AS n (org_id, key, kind, ${columns.join(', ')}, created_by, updated_by)
         SELECT $1, i.key, i.kind, ${columns.map((c) => `i.${c}`).join(', ')}, $3, $3 FROM merged i
         ON CONFLICT (org_id, key) DO UPDATE SET
           ${columns.map((c) => `${c} = excluded.${c}`).join(', ')},
           version = n.version + 1, updated_at = now(), updated_by = excluded.updated_by
         WHERE (${columns.map((c) => `n.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `excluded.${c}`).join(', ')})
         RETURNING n.*
       )`,
      rows,
      { entityType: 'node', nodeIds: (alias) => `ARRAY[${alias}.id]`, json: NODE_JSON },
    );
  }

  /**
   * Refreshes the planner's statistics of the graph tables inside the import's transaction.
   * After tens of thousands of new nodes the statistics still describe an empty organisation,
   * and the foreign-key checks of the links that follow (one per link end) are then planned as
   * scans of every node of a kind: 0.6 ms each, 280 s for a large import. Measured in
   * docs/performance.md. Through a definer function: the request role does not own the tables.
   */
  async refreshStatistics(): Promise<void> {
    await this.db.query(`SELECT refresh_graph_statistics()`);
  }

  /** Inserts new links and updates changed ones (matched by ends and kind). */
  async upsertLinks(rows: LinkInputRow[]): Promise<Upserted> {
    return this.upsert(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb)
           AS i(from_key text, to_key text, kind text, weight numeric, rationale text, state text, present text[])
       ),
       given AS (
         SELECT f.id AS from_id, f.kind AS from_kind, t.id AS to_id, t.kind AS to_kind, i.kind, i.weight, i.rationale, i.state, i.present
           FROM input i
           JOIN nodes f ON f.org_id = $1 AND f.key = i.from_key
           JOIN nodes t ON t.org_id = $1 AND t.key = i.to_key
       ),
       old AS MATERIALIZED (
         SELECT l.* FROM links l JOIN given r ON l.org_id = $1 AND l.from_id = r.from_id AND l.to_id = r.to_id AND l.kind = r.kind
       ),
       resolved AS (
         SELECT r.from_id, r.from_kind, r.to_id, r.to_kind, r.kind, ${['weight', 'rationale', 'state'].map((c) => kept(c, 'r', 'o')).join(', ')}
           FROM given r LEFT JOIN old o ON o.from_id = r.from_id AND o.to_id = r.to_id AND o.kind = r.kind
       ),
       upserted AS (
         INSERT INTO links AS l (org_id, from_id, from_kind, to_id, to_kind, kind, weight, rationale, state, proposed_by, decided_by, decided_at)
         SELECT $1, r.from_id, r.from_kind, r.to_id, r.to_kind, r.kind, r.weight, r.rationale, r.state, $3,
                CASE WHEN r.state = 'proposed' THEN NULL ELSE $3 END,
                CASE WHEN r.state = 'proposed' THEN NULL ELSE now() END
           FROM resolved r
         ON CONFLICT (org_id, from_id, to_id, kind) DO UPDATE SET
           weight = excluded.weight, rationale = excluded.rationale, state = excluded.state,
           decided_by = CASE WHEN excluded.state = l.state THEN l.decided_by ELSE excluded.decided_by END,
           decided_at = CASE WHEN excluded.state = l.state THEN l.decided_at ELSE excluded.decided_at END,
           version = l.version + 1, updated_at = now()
         WHERE (l.weight, l.rationale, l.state) IS DISTINCT FROM (excluded.weight, excluded.rationale, excluded.state)
         RETURNING l.*
       )`,
      rows,
      { entityType: 'link', nodeIds: (alias) => `ARRAY[${alias}.from_id, ${alias}.to_id]`, json: LINK_JSON },
    );
  }

  /** Inserts new check-ins and updates the confidence or note of known ones (a reading is node, day and value). */
  async upsertCheckIns(rows: CheckInInputRow[]): Promise<Upserted> {
    const json = (alias: string) =>
      `jsonb_build_object('id', ${alias}.id, 'nodeId', ${alias}.node_id, 'at', ${alias}.at, 'value', ${alias}.value,
         'confidence', ${alias}.confidence, 'note', ${alias}.note)`;
    return this.upsert(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb)
           AS i(node_key text, at date, value numeric, confidence numeric, note text, present text[])
       ),
       given AS (
         SELECT n.id AS node_id, i.at, i.value, i.confidence, i.note, i.present
           FROM input i JOIN nodes n ON n.org_id = $1 AND n.key = i.node_key
       ),
       old AS MATERIALIZED (
         SELECT c.* FROM key_result_check_ins c
           JOIN given r ON c.org_id = $1 AND c.node_id = r.node_id AND c.at = r.at AND c.value = r.value
       ),
       resolved AS (
         SELECT r.node_id, r.at, r.value, ${['confidence', 'note'].map((c) => kept(c, 'r', 'o')).join(', ')}
           FROM given r LEFT JOIN old o ON o.node_id = r.node_id AND o.at = r.at AND o.value = r.value
       ),
       upserted AS (
         INSERT INTO key_result_check_ins AS c (org_id, node_id, at, value, confidence, note, created_by)
         SELECT $1, r.node_id, r.at, r.value, r.confidence, r.note, $3 FROM resolved r
         ON CONFLICT (org_id, node_id, at, value) DO UPDATE SET confidence = excluded.confidence, note = excluded.note
         WHERE (c.confidence, c.note) IS DISTINCT FROM (excluded.confidence, excluded.note)
         RETURNING c.*
       )`,
      rows,
      { entityType: 'check_in', nodeIds: (alias) => `ARRAY[${alias}.node_id]`, json },
    );
  }

  /** Runs an upsert and writes its change-log entries (`upsertLogged`). */
  private upsert(ctes: string, rows: unknown[], log: ChangeLogShape): Promise<Upserted> {
    return upsertLogged(this.db, ctes, rows, log);
  }
}

/**
 * Runs an upsert (`ctes` ends with `old`, the rows as they were, and `upserted`, the rows
 * written) and writes a change-log entry for each written row in the same statement: create
 * when there was no old row, update otherwise, with both states as `log.json` describes them.
 */
export async function upsertLogged(db: Db, ctes: string, rows: unknown[], log: ChangeLogShape): Promise<Upserted> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  const [counts] = await db.query<Upserted>(
    `${ctes},
     logged AS (
       INSERT INTO change_log (org_id, actor, request_id, action, entity_type, entity_id, node_ids, before, after)
       SELECT $1, $3, $4, CASE WHEN o.id IS NULL THEN 'create' ELSE 'update' END, '${log.entityType}', u.id,
              ${log.nodeIds('u')}, CASE WHEN o.id IS NULL THEN NULL ELSE ${log.json('o')} END, ${log.json('u')}
         FROM upserted u LEFT JOIN old o ON o.id = u.id
     )
     SELECT count(*) FILTER (WHERE o.id IS NULL)::int AS created, count(o.id)::int AS updated
       FROM upserted u LEFT JOIN old o ON o.id = u.id`,
    [requestContext.orgId(), JSON.stringify(rows), requestContext.actor(), requestContext.get()?.requestId ?? null],
  );
  return counts;
}

/**
 * A column as the import writes it: the document's value for something new or a field the
 * document gave (null included: it clears), else the stored value (an omitted field is kept).
 */
function kept(column: string, input: string, old: string): string {
  return `CASE WHEN ${old}.id IS NULL OR '${column}' = ANY(${input}.present) THEN ${input}.${column} ELSE ${old}.${column} END AS ${column}`;
}

import { Injectable } from '@nestjs/common';
import { CHAIN_LINK_KINDS, LINK_KINDS, type LinkState, type TraceDirection } from '@throughline/domain';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import { GRAPH_LINK_COLUMNS, GRAPH_NODE_COLUMNS, jsonArray, nodeOrder, walk } from './views.sql.js';

/** A view answered as JSON text straight from PostgreSQL, and whether its root exists. */
export interface ViewText {
  found: boolean;
  json: string;
}

/*
 * Parameters shared by every query below, in this order:
 *   $1 organisation, $2 root (node or unit; may be null), $3 link states to follow and show,
 *   $4 chain link kinds (walked), $5 link kinds shown, $6 node limit (and, for a trace, $7 its direction).
 * Every query references all six, so PostgreSQL can type each one.
 */
const ROOT_EXISTS = 'EXISTS (SELECT 1 FROM nodes WHERE org_id = $1 AND id = $2::uuid)';

@Injectable()
export class ViewsRepository {
  constructor(private readonly db: Db) {}

  /**
   * The chain of docs/domain.md from one node, in one recursive query: `down` to the work that
   * delivers it, `up` to the themes it serves, or both. The answer holds the nodes reached and
   * the chain links between them (never depends_on, which is not part of the chain).
   */
  async trace(rootId: string, direction: TraceDirection, states: LinkState[]): Promise<ViewText> {
    const [row] = await this.db.prepared<ViewText>(
      `graph-trace-${direction}`,
      traceSql(direction),
      traceParameters(requestContext.orgId(), rootId, direction, states),
    );
    return row;
  }

  /** How many nodes the organisation holds (for `scope=auto`: one map, or strategy first?). */
  async nodeCount(): Promise<number> {
    const [row] = await this.db.prepared<{ count: number }>(
      'graph-node-count',
      'SELECT count(*)::int AS count FROM nodes WHERE org_id = $1',
      [requestContext.orgId()],
    );
    return row.count;
  }

  /** The map's view of a theme's or objective's chain: both directions, with depends_on links among its nodes. */
  chainView(rootId: string, states: LinkState[], limit: number): Promise<ViewText> {
    return this.view(
      'graph-view-chain',
      `WITH RECURSIVE ${walk('down_walk', 'down', 'SELECT $2::uuid', '$4', '$3')}, ${walk('up_walk', 'up', 'SELECT $2::uuid', '$4', '$3')},
       ${keptOf('SELECT id FROM down_walk UNION SELECT id FROM up_walk')}`,
      viewJson("'chain'"),
      [requestContext.orgId(), rootId, states, CHAIN_LINK_KINDS, LINK_KINDS, limit],
      ROOT_EXISTS,
    );
  }

  /** A business unit's work (and its sub-units'), and every node that work serves, up to the themes. */
  businessUnitView(unitId: string, states: LinkState[], limit: number): Promise<ViewText> {
    return this.view(
      'graph-view-business-unit',
      `WITH RECURSIVE units(id) AS (
         SELECT id FROM business_units WHERE org_id = $1 AND id = $2::uuid
         UNION
         SELECT u.id FROM business_units u JOIN units ON u.org_id = $1 AND u.parent_id = units.id
       ),
       ${walk('up_walk', 'up', 'SELECT n.id FROM nodes n JOIN units ON n.business_unit_id = units.id WHERE n.org_id = $1', '$4', '$3', true)},
       ${keptOf('SELECT id FROM up_walk')}`,
      viewJson("'business_unit'"),
      [requestContext.orgId(), unitId, states, CHAIN_LINK_KINDS, LINK_KINDS, limit],
      'EXISTS (SELECT 1 FROM business_units WHERE org_id = $1 AND id = $2::uuid)',
    );
  }

  /** The first `limit` nodes of the organisation in layout order, and the links among them. */
  allView(states: LinkState[], limit: number): Promise<ViewText> {
    return this.view(
      'graph-view-all',
      `WITH ${keptOf('SELECT id FROM nodes WHERE org_id = $1')}`,
      viewJson("'all'"),
      [requestContext.orgId(), null, states, CHAIN_LINK_KINDS, LINK_KINDS, limit],
      '$2::uuid IS NULL AND $4::text[] IS NOT NULL',
    );
  }

  /**
   * Themes, objectives and key results with the links among them; the work below each
   * strategy node is collapsed into counts per kind of the work items linked to it directly.
   */
  strategyView(states: LinkState[]): Promise<ViewText> {
    return this.view(
      'graph-view-strategy',
      `WITH kept AS MATERIALIZED (
         SELECT id FROM nodes WHERE org_id = $1 AND kind IN ('theme', 'objective', 'key_result')
       ),
       collapsed AS (
         SELECT counted.id, json_object_agg(counted.kind, counted.count) AS counts
           FROM (SELECT l.to_id AS id, l.from_kind AS kind, count(*) AS count
                   FROM links l
                  WHERE l.org_id = $1 AND l.kind = 'contributes_to' AND l.state = ANY($3::text[])
                    AND l.from_kind IN ('programme', 'project', 'bau', 'asset')
                  GROUP BY l.to_id, l.from_kind) counted
          GROUP BY counted.id
       )`,
      `json_build_object('scope', 'strategy', 'rootId', $2::uuid, 'truncated', false,
         'nodes', (${jsonArray(
           `(SELECT ${GRAPH_NODE_COLUMNS}, coalesce(c.counts, '{}'::json) AS collapsed
               FROM kept k JOIN nodes n ON n.org_id = $1 AND n.id = k.id LEFT JOIN collapsed c ON c.id = k.id) x`,
           nodeOrder('x'),
         )}),
         'links', (${linksAmong('kept', '$5')}))`,
      [requestContext.orgId(), null, states, CHAIN_LINK_KINDS, LINK_KINDS, null],
      '$4::text[] IS NOT NULL AND $6::int IS NULL',
    );
  }

  private async view(
    name: string,
    ctes: string,
    json: string,
    parameters: unknown[],
    found: string,
  ): Promise<ViewText> {
    const [row] = await this.db.prepared<ViewText>(name, viewSql(ctes, json, found), parameters);
    return row;
  }
}

function viewSql(ctes: string, json: string, found: string): string {
  return `${ctes} SELECT ${found} AS found, (${json})::text AS json`;
}

/**
 * The trace's one statement, exported so the benchmark runs exactly this SQL straight through
 * `pg` beside the API (bench/trace.ts). Parameters: `traceParameters`.
 */
export function traceSql(direction: TraceDirection): string {
  const walks = [
    ...(direction !== 'up' ? [walk('down_walk', 'down', 'SELECT $2::uuid', '$4', '$3')] : []),
    ...(direction !== 'down' ? [walk('up_walk', 'up', 'SELECT $2::uuid', '$4', '$3')] : []),
  ];
  const reached =
    direction === 'both' ? 'SELECT id FROM down_walk UNION SELECT id FROM up_walk' : `SELECT id FROM ${direction}_walk`;
  return viewSql(
    `WITH RECURSIVE ${walks.join(',\n')}, kept AS MATERIALIZED (${reached})`,
    `json_build_object('rootId', $2::uuid, 'direction', $7::text, 'nodes', (${nodesOf('kept')}), 'links', (${linksAmong('kept', '$5')}))`,
    `${ROOT_EXISTS} AND $6::int IS NULL`,
  );
}

export function traceParameters(
  orgId: string,
  rootId: string,
  direction: TraceDirection,
  states: LinkState[],
): unknown[] {
  return [orgId, rootId, states, CHAIN_LINK_KINDS, CHAIN_LINK_KINDS, null, direction];
}
/**
 * The nodes of a set of ids, in layout order, as a JSON array. Each node is fetched by a
 * LATERAL index probe (`OFFSET 0` keeps the planner from flattening it into a hash join over
 * every node of the organisation, which it otherwise prefers for a few hundred ids).
 */
function nodesOf(set: string): string {
  return jsonArray(
    `(SELECT ${GRAPH_NODE_COLUMNS} FROM ${set} r CROSS JOIN LATERAL (SELECT * FROM nodes WHERE org_id = $1 AND id = r.id OFFSET 0) n) x`,
    nodeOrder('x'),
  );
}

/**
 * The links of the given kinds (and of the states in $3) with both ends in a set of ids, as a
 * JSON array: probed per source node (a node's outgoing links are few: the work item's one to three
 * targets), then joined to the set for the target end (a join, hashed once; `IN (subquery)` here was
 * re-hashed per probe: 250 ms for 2,000 nodes). Probed per target instead, the first 2,000 nodes of
 * a large organisation — its strategy — fetched every link into them from work outside the view.
 */
function linksAmong(set: string, kinds: string): string {
  return jsonArray(
    `(SELECT ${GRAPH_LINK_COLUMNS} FROM ${set} r
        CROSS JOIN LATERAL (
          SELECT * FROM links WHERE org_id = $1 AND from_id = r.id AND kind = ANY(${kinds}::text[]) AND state = ANY($3::text[]) OFFSET 0
        ) l
        JOIN ${set} target ON target.id = l.to_id) x`,
    'x."from", x."to", x.kind',
  );
}

/**
 * `reached`: at most `limit` + 1 of the given ids in layout order (one more than shown says the
 * view was cut), read along `nodes_layout_order_idx` (the order's own index: the first 2,000 of
 * 60,000 nodes without a sort of all 60,000); `kept`: the first `limit` of them, the nodes the view shows.
 */
function keptOf(ids: string): string {
  return `reached AS MATERIALIZED (
      SELECT n.id, n.kind, n.key FROM nodes n WHERE n.org_id = $1 AND n.id IN (${ids}) ORDER BY ${nodeOrder()} LIMIT $6::int + 1),
    kept AS MATERIALIZED (
      SELECT r.id FROM reached r ORDER BY ${nodeOrder('r')} LIMIT $6::int)`;
}

/** A map view: its scope, root, the kept nodes and every link kind among them. */
function viewJson(scope: string): string {
  return `json_build_object('scope', ${scope}, 'rootId', $2::uuid,
    'truncated', (SELECT count(*) FROM reached) > $6::int,
    'nodes', (${nodesOf('kept')}),
    'links', (${linksAmong('kept', '$5')}))`;
}

/**
 * SQL fragments of the graph views, kept in one place so every view serialises nodes and
 * links the same way (the `GraphNode` / `GraphLink` shapes of libs/domain) and in one order.
 *
 * Views are built as JSON text inside PostgreSQL and sent to the client as they are: for a
 * trace of a few hundred nodes, parsing rows into objects and stringifying them again in Node
 * would cost as much as the query itself.
 */

/**
 * A node as the map draws it: the columns of a row that `json_agg` turns into one compact JSON
 * object (`json_build_object` would write a space around every colon, 8 % of the bytes). `n`
 * is the nodes alias.
 */
export const GRAPH_NODE_COLUMNS = `n.id, n.key, n.kind, n.title, n.owner, n.business_unit_id AS "businessUnitId",
  n.status, n.health, n.version`;

/** A link as the map draws it; `l` is the links alias. */
export const GRAPH_LINK_COLUMNS = `l.id, l.from_id AS "from", l.to_id AS "to", l.kind, l.state, l.weight`;

/** The JSON array of the rows of `rows` (a FROM item aliased `x`), in `order`. */
export function jsonArray(rows: string, order: string): string {
  return `SELECT coalesce(json_agg(x ORDER BY ${order}), '[]'::json) FROM ${rows}`;
}

/** Strategy first, in the order of the chain, then by key: the order the map lays out in (`alias` is a node row). */
export function nodeOrder(alias = 'n'): string {
  return `array_position(ARRAY['theme','objective','key_result','programme','project','bau','asset'], ${alias}.kind), ${alias}.key`;
}

/**
 * A recursive walk along chain links from the ids of `seed` (a SELECT of ids).
 * `down` follows links backwards (to the work that moves a node), `up` forwards (to what a
 * node serves). UNION visits each node once, so the walk ends on any graph; the LATERAL probe
 * makes each step an index-only scan on the covering link indexes instead of a hash join over
 * all links. `$1` is the organisation; `kinds` and `states` name the parameters holding the
 * link kinds and states to follow.
 *
 * From a large seed the planner still flattens the probe into that hash join (a business unit's
 * 2,800 work items: a scan of all 232,000 links of a large organisation); `probeEachStep` adds
 * `OFFSET 0`, which it cannot flatten (that view: 105 → 66 ms). Not for a walk from one node,
 * where the planner's own choice measured ~1 ms quicker (bench/trace.ts).
 */
export function walk(
  name: string,
  direction: 'down' | 'up',
  seed: string,
  kinds: string,
  states: string,
  probeEachStep = false,
): string {
  const [near, far] = direction === 'down' ? ['to_id', 'from_id'] : ['from_id', 'to_id'];
  return `${name}(id) AS (
    ${seed}
    UNION
    SELECT step.id FROM ${name}
    CROSS JOIN LATERAL (
      SELECT l.${far} AS id FROM links l
       WHERE l.org_id = $1 AND l.${near} = ${name}.id AND l.kind = ANY(${kinds}::text[]) AND l.state = ANY(${states}::text[])
      ${probeEachStep ? 'OFFSET 0' : ''}
    ) step
  )`;
}

/**
 * SQL fragments of the graph views, kept in one place so every view serialises nodes and
 * links the same way (the `GraphNode` / `GraphLink` shapes of libs/domain) and in one order.
 *
 * Views are built as JSON text inside PostgreSQL and sent to the client as they are: for a
 * trace of a few hundred nodes, parsing rows into objects and stringifying them again in Node
 * would cost as much as the query itself.
 */

/** A node as the map draws it, plus any `extra` key/value pairs. `n` is the nodes alias. */
export function graphNodeJson(extra = ''): string {
  return `json_build_object(
    'id', n.id, 'key', n.key, 'kind', n.kind, 'title', n.title, 'owner', n.owner,
    'businessUnitId', n.business_unit_id, 'status', n.status, 'health', n.health, 'version', n.version${extra})`;
}

/** A link as the map draws it. `l` is the links alias. */
export const GRAPH_LINK_JSON = `json_build_object(
  'id', l.id, 'from', l.from_id, 'to', l.to_id, 'kind', l.kind, 'state', l.state, 'weight', l.weight)`;

/** Strategy first, in the order of the chain, then by key: the order the map lays out in. */
export const NODE_ORDER = `array_position(ARRAY['theme','objective','key_result','programme','project','bau','asset'], n.kind), n.key`;

/**
 * A recursive walk along chain links from the ids of `seed` (a SELECT of ids).
 * `down` follows links backwards (to the work that moves a node), `up` forwards (to what a
 * node serves). UNION visits each node once, so the walk ends on any graph; the LATERAL probe
 * makes each step an index-only scan on the covering link indexes instead of a hash join over
 * all links. `$1` is the organisation; `kinds` and `states` name the parameters holding the
 * link kinds and states to follow.
 */
export function walk(name: string, direction: 'down' | 'up', seed: string, kinds: string, states: string): string {
  const [near, far] = direction === 'down' ? ['to_id', 'from_id'] : ['from_id', 'to_id'];
  return `${name}(id) AS (
    ${seed}
    UNION
    SELECT step.id FROM ${name}
    CROSS JOIN LATERAL (
      SELECT l.${far} AS id FROM links l
       WHERE l.org_id = $1 AND l.${near} = ${name}.id AND l.kind = ANY(${kinds}::text[]) AND l.state = ANY(${states}::text[])
    ) step
  )`;
}

import type { NodeHealth, NodeKind, NodeStatus } from './kinds.js';
import type { LinkKind, LinkState } from './links.js';

/**
 * The map's view of the graph (`GET /api/graph`, `GET /api/graph/trace/:id`): lean nodes and
 * links, enough to draw and lay out; the side panel fetches a node's full record on demand.
 */
export interface GraphNode {
  id: string;
  key: string;
  kind: NodeKind;
  title: string;
  owner: string | null;
  businessUnitId: string | null;
  status: NodeStatus;
  health: NodeHealth;
  version: number;
  /** In a collapsed view: how many delivery items of each kind sit below this strategy node. */
  collapsed?: Partial<Record<NodeKind, number>>;
}

export interface GraphLink {
  id: string;
  from: string;
  to: string;
  kind: LinkKind;
  state: LinkState;
  weight: number | null;
}

export const GRAPH_SCOPES = ['all', 'chain', 'business_unit', 'strategy'] as const;
export type GraphScope = (typeof GRAPH_SCOPES)[number];

export interface GraphView {
  scope: GraphScope;
  /** The node a `chain` scope starts from, or the unit of a `business_unit` scope. */
  rootId?: string;
  nodes: GraphNode[];
  links: GraphLink[];
  /** True when the view hit its node limit and holds only part of what was asked for. */
  truncated: boolean;
}

export const TRACE_DIRECTIONS = ['down', 'up', 'both'] as const;
export type TraceDirection = (typeof TRACE_DIRECTIONS)[number];

export interface TraceView {
  rootId: string;
  direction: TraceDirection;
  nodes: GraphNode[];
  links: GraphLink[];
}

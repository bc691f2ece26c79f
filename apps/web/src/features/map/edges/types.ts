import type { GraphLink } from '@throughline/domain';
import type { Edge } from '@xyflow/react';

/** A link on the map: the link itself, nothing else (highlighting is the edge's className). */
export type MapEdgeData = { link: GraphLink };
export type ChainEdgeType = Edge<MapEdgeData, 'chain'>;
export type DependencyEdgeType = Edge<MapEdgeData, 'dependency'>;
export type MapEdge = ChainEdgeType | DependencyEdgeType;

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GRAPH_SCOPES,
  LINK_KINDS,
  LINK_STATES,
  NODE_HEALTHS,
  NODE_KINDS,
  NODE_STATUSES,
  TRACE_DIRECTIONS,
  type GraphLink,
  type GraphNode,
  type GraphScope,
  type GraphView,
  type LinkKind,
  type LinkState,
  type NodeHealth,
  type NodeKind,
  type NodeStatus,
  type TraceDirection,
  type TraceView,
} from '@throughline/domain';

/** A node as the map draws it (GraphNode, libs/domain views.ts); the side panel fetches the full node. */
export class GraphNodeDto implements GraphNode {
  @ApiProperty({ format: 'uuid', example: '9b2f0f7e-3c1d-4a57-b7d5-0e1f2a3b4c5d' }) id: string;
  @ApiProperty({ example: 'OBJ-3' }) key: string;
  @ApiProperty({ enum: NODE_KINDS, enumName: 'NodeKind', example: 'objective' }) kind: NodeKind;
  @ApiProperty({ example: 'Cut household energy waste' }) title: string;
  @ApiProperty({ nullable: true, type: String, example: 'Dana Ruiz' }) owner: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) businessUnitId: string | null;
  @ApiProperty({ enum: NODE_STATUSES, enumName: 'NodeStatus', example: 'active' }) status: NodeStatus;
  @ApiProperty({ enum: NODE_HEALTHS, enumName: 'NodeHealth', example: 'amber' }) health: NodeHealth;
  @ApiProperty({ example: 2 }) version: number;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'In a collapsed view: how many delivery items of each kind sit below this strategy node.',
    example: { project: 4, bau: 1 },
  })
  collapsed?: Partial<Record<NodeKind, number>>;
}

/** A link as the map draws it. */
export class GraphLinkDto implements GraphLink {
  @ApiProperty({ format: 'uuid', example: '0c4e2d8a-51b7-4f0e-9a63-7d2b1c9e8f10' }) id: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The source node’s id.',
    example: '5d1e7a90-2b3c-4d5e-8f90-a1b2c3d4e5f6',
  })
  from: string;
  @ApiProperty({
    format: 'uuid',
    description: 'The target node’s id.',
    example: '9b2f0f7e-3c1d-4a57-b7d5-0e1f2a3b4c5d',
  })
  to: string;
  @ApiProperty({ enum: LINK_KINDS, enumName: 'LinkKind', example: 'contributes_to' }) kind: LinkKind;
  @ApiProperty({ enum: LINK_STATES, enumName: 'LinkState', example: 'approved' }) state: LinkState;
  @ApiProperty({ nullable: true, type: Number, example: 40 }) weight: number | null;
}

/** `GET /api/graph`: one scoped view of the graph. */
export class GraphViewDto implements GraphView {
  @ApiProperty({ enum: GRAPH_SCOPES, enumName: 'GraphScope', example: 'chain', description: 'The scope answered.' })
  scope: GraphScope;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The node a `chain` view starts from, or the unit of a `business_unit` view.',
  })
  rootId?: string;
  @ApiProperty({ type: [GraphNodeDto] }) nodes: GraphNodeDto[];
  @ApiProperty({ type: [GraphLinkDto] }) links: GraphLinkDto[];
  @ApiProperty({ example: false, description: 'True when the view hit its node limit and holds only part.' })
  truncated: boolean;
}

/** `GET /api/graph/trace/{id}`: the chain through one node. */
export class TraceViewDto implements TraceView {
  @ApiProperty({ format: 'uuid', example: '9b2f0f7e-3c1d-4a57-b7d5-0e1f2a3b4c5d' }) rootId: string;
  @ApiProperty({ enum: TRACE_DIRECTIONS, enumName: 'TraceDirection', example: 'both' }) direction: TraceDirection;
  @ApiProperty({ type: [GraphNodeDto] }) nodes: GraphNodeDto[];
  @ApiProperty({ type: [GraphLinkDto] }) links: GraphLinkDto[];
}

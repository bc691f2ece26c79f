import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSET_LIFECYCLES,
  KEY_RESULT_DIRECTIONS,
  NODE_HEALTHS,
  NODE_KINDS,
  NODE_STATUSES,
  RAG_RATINGS,
  type AssetLifecycle,
  type ChangeLogEntry,
  type KeyResultDirection,
  type NodeHealth,
  type NodeKind,
  type NodeRecord,
  type NodeStatus,
  type RagRating,
} from '@throughline/domain';

const kindField = (kinds: string, example: unknown) => ({
  nullable: true,
  example,
  description: `Only on ${kinds}.`,
});

/** A node as the API returns it (NodeRecord, libs/domain nodes.ts): the common fields plus its kind's own. */
export class NodeDto implements NodeRecord {
  @ApiProperty({ format: 'uuid', example: '9b2f0f7e-3c1d-4a57-b7d5-0e1f2a3b4c5d' }) id: string;
  @ApiProperty({ example: 'KR-12', description: 'Unique in the organisation.' }) key: string;
  @ApiProperty({ enum: NODE_KINDS, enumName: 'NodeKind', example: 'key_result' }) kind: NodeKind;
  @ApiProperty({ example: 'Smart meters in 80% of homes' }) title: string;
  @ApiProperty({ example: '' }) description: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) businessUnitId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Dana Ruiz' }) owner: string | null;
  @ApiProperty({ enum: NODE_STATUSES, enumName: 'NodeStatus', example: 'active' }) status: NodeStatus;
  @ApiProperty({ enum: NODE_HEALTHS, enumName: 'NodeHealth', example: 'green' }) health: NodeHealth;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-01-01' }) startDate: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, example: '2026-12-31' }) endDate: string | null;
  @ApiProperty({ type: [String], example: ['metering'] }) tags: string[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'objective: the business units accountable for it; [] for every other kind.',
  })
  accountableUnitIds: string[];
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Only on key results: the OKR cycle it belongs to, or null.',
  })
  cycleId?: string | null;
  @ApiProperty({ example: 3, description: 'Send it back (body `version` or If-Match) with a change.' })
  version: number;
  @ApiProperty({ format: 'date-time', example: '2026-03-02T10:15:00.000Z' }) createdAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-03-09T08:00:00.000Z' }) updatedAt: string;
  @ApiProperty({ example: 'PMO lead' }) createdBy: string;
  @ApiProperty({ example: 'PMO lead' }) updatedBy: string;

  @ApiPropertyOptional({ type: Number, ...kindField('themes and objectives', 1) }) priority?: number | null;
  @ApiPropertyOptional({ type: String, format: 'date', ...kindField('objectives', '2026-12-31') })
  targetDate?: string | null;
  @ApiPropertyOptional({ type: String, ...kindField('key results', '%') }) unit?: string | null;
  @ApiPropertyOptional({ type: Number, ...kindField('key results', 12) }) baseline?: number | null;
  @ApiPropertyOptional({ type: Number, ...kindField('key results', 80) }) target?: number | null;
  @ApiPropertyOptional({ type: Number, ...kindField('key results (set by the newest check-in)', 41.5) })
  current?: number | null;
  @ApiPropertyOptional({
    type: String,
    enum: KEY_RESULT_DIRECTIONS,
    ...kindField('key results', 'increase'),
  })
  direction?: KeyResultDirection | null;
  @ApiPropertyOptional({ type: Number, ...kindField('key results (0–1)', 0.7) }) confidence?: number | null;
  @ApiPropertyOptional({ type: Number, ...kindField('programmes and projects', 250000) }) budget?: number | null;
  @ApiPropertyOptional({ type: String, ...kindField('programmes and projects', 'delivery') }) stage?: string | null;
  @ApiPropertyOptional({ type: Number, ...kindField('projects (person-days)', 120) }) effort?: number | null;
  @ApiPropertyOptional({ type: String, enum: RAG_RATINGS, ...kindField('projects', 'amber') })
  deliveryConfidence?: RagRating | null;
  @ApiPropertyOptional({ type: String, ...kindField('BAU activities', 'Tickets closed within SLA') })
  kpi?: string | null;
  @ApiPropertyOptional({ type: String, ...kindField('BAU activities', 'monthly') }) cadence?: string | null;
  @ApiPropertyOptional({ type: Number, ...kindField('BAU activities', 40000) }) annualCost?: number | null;
  @ApiPropertyOptional({ type: String, ...kindField('value assets', 'platform') }) assetType?: string | null;
  @ApiPropertyOptional({ type: String, enum: ASSET_LIFECYCLES, ...kindField('value assets', 'run') })
  lifecycle?: AssetLifecycle | null;
  @ApiPropertyOptional({ type: Number, ...kindField('value assets', 90000) }) annualValue?: number | null;
}

/** One page of `GET /api/nodes`. */
export class NodePageDto {
  @ApiProperty({ type: [NodeDto] }) items: NodeDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'eyJrIjoiS1ItMTIifQ',
    description: 'Pass as `cursor` for the next page; null on the last.',
  })
  nextCursor: string | null;
}

const ENTITY_TYPES = ['node', 'link', 'business_unit', 'check_in', 'waiver'] as const;

/** One entry of the change log (`GET /api/nodes/{id}/history`). */
export class ChangeLogEntryDto implements ChangeLogEntry {
  @ApiProperty({ example: 1042 }) id: number;
  @ApiProperty({ format: 'date-time', example: '2026-03-09T08:00:00.000Z' }) at: string;
  @ApiProperty({ example: 'PMO lead' }) actor: string;
  @ApiProperty({ enum: ['create', 'update', 'delete'], enumName: 'ChangeAction', example: 'update' })
  action: 'create' | 'update' | 'delete';
  @ApiProperty({ enum: ENTITY_TYPES, enumName: 'ChangeEntityType', example: 'node' })
  entityType: (typeof ENTITY_TYPES)[number];
  @ApiProperty({ format: 'uuid', example: '9b2f0f7e-3c1d-4a57-b7d5-0e1f2a3b4c5d' }) entityId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The entity before the change (null on create).',
    example: { title: 'Smart meters in 70% of homes', version: 2 },
  })
  before: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The entity after the change (null on delete).',
    example: { title: 'Smart meters in 80% of homes', version: 3 },
  })
  after: unknown;
}

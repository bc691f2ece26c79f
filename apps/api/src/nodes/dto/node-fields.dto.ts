import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSET_LIFECYCLES,
  KEY_RESULT_DIRECTIONS,
  NODE_HEALTHS,
  NODE_STATUSES,
  RAG_RATINGS,
  type AssetLifecycle,
  type KeyResultDirection,
  type NodeHealth,
  type NodeStatus,
  type RagRating,
} from '@throughline/domain';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import {
  IsDecimal,
  IsCalendarDate,
  MAX_AMOUNT,
  Nullable,
  OptionalNotNull,
} from '../../platform/validation/validators.js';

/**
 * The editable fields of a node other than its title and key, shared by create and update. Whether a kind-specific field
 * applies to the node's kind is checked by the service (`nodeFieldProblems`), so the message can
 * name the kind.
 */
export class NodeFieldsDto {
  @ApiPropertyOptional({ example: 'Second wave of the regulated roll-out.' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @Nullable()
  @IsUUID()
  businessUnitId?: string | null;

  @ApiPropertyOptional({ example: 'Programme Director', nullable: true, type: String })
  @Nullable()
  @IsString()
  @Length(1, 200)
  owner?: string | null;

  @ApiPropertyOptional({ enum: NODE_STATUSES, example: 'active' })
  @OptionalNotNull()
  @IsIn(NODE_STATUSES)
  status?: NodeStatus;

  @ApiPropertyOptional({ enum: NODE_HEALTHS, example: 'amber' })
  @OptionalNotNull()
  @IsIn(NODE_HEALTHS)
  health?: NodeHealth;

  @ApiPropertyOptional({ example: '2026-04-01', nullable: true, type: String })
  @Nullable()
  @IsCalendarDate()
  startDate?: string | null;

  @ApiPropertyOptional({ example: '2027-09-30', nullable: true, type: String })
  @Nullable()
  @IsCalendarDate()
  endDate?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['regulated', 'smart'] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ description: 'theme, objective: 1 = highest', example: 1, nullable: true, type: Number })
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(1000)
  priority?: number | null;

  @ApiPropertyOptional({ description: 'objective', example: '2028-03-31', nullable: true, type: String })
  @Nullable()
  @IsCalendarDate()
  targetDate?: string | null;

  @ApiPropertyOptional({ description: 'key_result', example: '%', nullable: true, type: String })
  @Nullable()
  @IsString()
  @MaxLength(30)
  unit?: string | null;

  @ApiPropertyOptional({ description: 'key_result', example: 38, nullable: true, type: Number })
  @Nullable()
  @IsDecimal(6)
  @Min(-MAX_AMOUNT)
  @Max(MAX_AMOUNT)
  baseline?: number | null;

  @ApiPropertyOptional({ description: 'key_result (required)', example: 80, nullable: true, type: Number })
  @Nullable()
  @IsDecimal(6)
  @Min(-MAX_AMOUNT)
  @Max(MAX_AMOUNT)
  target?: number | null;

  @ApiPropertyOptional({ description: 'key_result', example: 51, nullable: true, type: Number })
  @Nullable()
  @IsDecimal(6)
  @Min(-MAX_AMOUNT)
  @Max(MAX_AMOUNT)
  current?: number | null;

  @ApiPropertyOptional({ description: 'key_result', enum: KEY_RESULT_DIRECTIONS, nullable: true })
  @Nullable()
  @IsIn(KEY_RESULT_DIRECTIONS)
  direction?: KeyResultDirection | null;

  @ApiPropertyOptional({ description: 'key_result, 0–1', example: 0.6, nullable: true, type: Number })
  @Nullable()
  @IsDecimal(6)
  @Min(0)
  @Max(1)
  confidence?: number | null;

  @ApiPropertyOptional({ description: 'programme, project', example: 42000000, nullable: true, type: Number })
  @Nullable()
  @IsDecimal(2)
  @Min(0)
  @Max(MAX_AMOUNT)
  budget?: number | null;

  @ApiPropertyOptional({ description: 'programme, project', example: 'build', nullable: true, type: String })
  @Nullable()
  @IsString()
  @MaxLength(50)
  stage?: string | null;

  @ApiPropertyOptional({ description: 'project, person-days', example: 1200, nullable: true, type: Number })
  @Nullable()
  @IsDecimal(6)
  @Min(0)
  @Max(MAX_AMOUNT)
  effort?: number | null;

  @ApiPropertyOptional({ description: 'project', enum: RAG_RATINGS, nullable: true })
  @Nullable()
  @IsIn(RAG_RATINGS)
  deliveryConfidence?: RagRating | null;

  @ApiPropertyOptional({ description: 'bau', example: 'Bills sent on time', nullable: true, type: String })
  @Nullable()
  @IsString()
  @MaxLength(200)
  kpi?: string | null;

  @ApiPropertyOptional({ description: 'bau', example: 'monthly', nullable: true, type: String })
  @Nullable()
  @IsString()
  @MaxLength(50)
  cadence?: string | null;

  @ApiPropertyOptional({ description: 'bau', example: 3500000, nullable: true, type: Number })
  @Nullable()
  @IsDecimal(2)
  @Min(0)
  @Max(MAX_AMOUNT)
  annualCost?: number | null;

  @ApiPropertyOptional({
    description: 'asset: product, platform, service, data, brand, site…',
    example: 'platform',
    nullable: true,
    type: String,
  })
  @Nullable()
  @IsString()
  @MaxLength(50)
  assetType?: string | null;

  @ApiPropertyOptional({ description: 'asset', enum: ASSET_LIFECYCLES, nullable: true })
  @Nullable()
  @IsIn(ASSET_LIFECYCLES)
  lifecycle?: AssetLifecycle | null;

  @ApiPropertyOptional({ description: 'asset', example: 12000000, nullable: true, type: Number })
  @Nullable()
  @IsDecimal(2)
  @Min(0)
  @Max(MAX_AMOUNT)
  annualValue?: number | null;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { GRAPH_SCOPES, TRACE_DIRECTIONS, type GraphScope, type TraceDirection } from '@throughline/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { OptionalNotNull } from '../../platform/validation/validators.js';

/** Query strings carry booleans as words. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ViewQuery {
  @ApiPropertyOptional({
    enum: [...GRAPH_SCOPES, 'auto'],
    default: 'strategy',
    description:
      'all: the first `limit` nodes; chain: a node’s chain up and down (rootId); business_unit: a unit’s work and what it serves (businessUnitId); strategy: themes, objectives and key results with delivery collapsed into counts; auto: `all` when the organisation fits in `limit`, else `strategy` (the answer says which).',
  })
  @OptionalNotNull()
  @IsIn([...GRAPH_SCOPES, 'auto'])
  scope?: GraphScope | 'auto';

  @ApiPropertyOptional({ format: 'uuid', description: 'The theme or objective of a `chain` view.' })
  @ValidateIf((query: ViewQuery) => query.scope === 'chain' || query.rootId !== undefined)
  @IsUUID(undefined, { message: 'rootId must be a UUID (a chain view needs one)' })
  rootId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The unit of a `business_unit` view.' })
  @ValidateIf((query: ViewQuery) => query.scope === 'business_unit' || query.businessUnitId !== undefined)
  @IsUUID(undefined, { message: 'businessUnitId must be a UUID (a business_unit view needs one)' })
  businessUnitId?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5000,
    default: 2000,
    description: 'Most nodes in the view; beyond it the view says `truncated`.',
  })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;

  @ApiPropertyOptional({
    default: true,
    description: 'Follow and show proposed links too (drawn dashed); rejected links never.',
  })
  @OptionalNotNull()
  @Transform(toBoolean)
  @IsBoolean()
  includeProposed?: boolean;
}

export class TraceQuery {
  @ApiPropertyOptional({ enum: TRACE_DIRECTIONS, default: 'down' })
  @OptionalNotNull()
  @IsIn(TRACE_DIRECTIONS)
  direction?: TraceDirection;

  @ApiPropertyOptional({ default: false, description: 'Follow proposed links too (approved links only by default).' })
  @OptionalNotNull()
  @Transform(toBoolean)
  @IsBoolean()
  includeProposed?: boolean;
}

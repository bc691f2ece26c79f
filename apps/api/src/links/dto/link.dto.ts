import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LINK_FIELD_RULES as R,
  LINK_KINDS,
  LINK_STATES,
  LINK_DECISION_RULES,
  NODE_KINDS,
  type LinkKind,
  type NodeKind,
  type LinkState,
} from '@throughline/domain';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsInt, IsObject, IsUUID, Max, Min } from 'class-validator';
import { apiPropertyFor, FollowsRule } from '../../platform/validation/field-rule.js';
import { OptionalNotNull } from '../../platform/validation/validators.js';

/** The only state a client may ask for: the server decides `approved` from the caller's role. */
const PROPOSED_ONLY = ['proposed'] as const;

/** The rules of a link's fields are `LINK_FIELD_RULES` of libs/domain, the ones import checks too. */
export class CreateLinkDto {
  @ApiProperty({ format: 'uuid', description: 'The source node (e.g. the project).' })
  @IsUUID()
  fromId: string;

  @ApiProperty({ format: 'uuid', description: 'The target node (e.g. the key result it moves).' })
  @IsUUID()
  toId: string;

  @ApiProperty(apiPropertyFor(R.kind, { example: 'contributes_to' }))
  @FollowsRule(R.kind)
  kind: LinkKind;

  @ApiPropertyOptional(
    apiPropertyFor(R.weight, {
      example: 40,
      description: 'Share (0–100) of the source’s effort that serves the target.',
    }),
  )
  @FollowsRule(R.weight)
  weight?: number | null;

  @ApiPropertyOptional(apiPropertyFor(R.rationale, { example: 'Wave 2 installs most of the remaining meters.' }))
  @FollowsRule(R.rationale)
  rationale?: string;

  @ApiPropertyOptional(
    apiPropertyFor(
      { type: 'enum', values: PROPOSED_ONLY },
      {
        description:
          'A pmo or admin may ask for its link to be a proposal rather than approved at once. A contributor’s link is ' +
          'always proposed. `approved` is refused: approval is a decision (POST /links/{id}/approve), never a field.',
      },
    ),
  )
  @FollowsRule({ type: 'enum', values: PROPOSED_ONLY })
  state?: 'proposed';
}

export class UpdateLinkDto {
  @ApiPropertyOptional(apiPropertyFor(R.weight, { example: 60 }))
  @FollowsRule(R.weight)
  weight?: number | null;

  @ApiPropertyOptional(apiPropertyFor(R.rationale, { example: 'Re-scoped after the spring review.' }))
  @FollowsRule(R.rationale)
  rationale?: string;

  @ApiPropertyOptional({ example: 1, description: 'The version this change is based on; a stale one gets 409.' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  version?: number;
}

export class ListLinksQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Links with this node at either end.' })
  @OptionalNotNull()
  @IsUUID()
  nodeId?: string;

  @ApiPropertyOptional({ enum: LINK_STATES })
  @OptionalNotNull()
  @IsIn(LINK_STATES)
  state?: LinkState;

  @ApiPropertyOptional({ enum: LINK_KINDS })
  @OptionalNotNull()
  @IsIn(LINK_KINDS)
  kind?: LinkKind;
}

export class LinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fromId: string;
  @ApiProperty({ format: 'uuid' }) toId: string;
  @ApiProperty({ enum: LINK_KINDS }) kind: LinkKind;
  @ApiProperty({ nullable: true, type: Number, example: 40 }) weight: number | null;
  @ApiProperty() rationale: string;
  @ApiProperty({ enum: LINK_STATES }) state: LinkState;
  @ApiProperty() proposedBy: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The member who proposed it (null for links imported or made before accounts).',
  })
  proposedById: string | null;
  @ApiProperty() proposedAt: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The decider’s comment; a rejection always has one.' })
  decisionComment: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class LinkEndViewDto {
  @ApiProperty({ example: 'PRJ-7' }) key: string;
  @ApiProperty({ enum: NODE_KINDS }) kind: NodeKind;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) businessUnitId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'NET' }) businessUnitKey: string | null;
}

/** A proposal in the queue: the link (who proposed it, `rationale` as its interpretation note) and both ends. */
export class LinkProposalDto extends LinkDto {
  @ApiProperty({ type: LinkEndViewDto }) from: LinkEndViewDto;
  @ApiProperty({ type: LinkEndViewDto }) to: LinkEndViewDto;
  @ApiProperty({
    description:
      'A depends_on between two different business units: the target unit’s owner may acknowledge it ' +
      '(POST /links/{id}/acknowledge) as well as a pmo or admin.',
  })
  crossUnit: boolean;
}

const COMMENT = LINK_DECISION_RULES.approveComment;
const REQUIRED_COMMENT = LINK_DECISION_RULES.rejectComment;

/** Approve (or acknowledge) a proposal: an optional comment, and the version it was read at. */
export class ApproveLinkDto {
  @ApiPropertyOptional(apiPropertyFor(COMMENT, { example: 'Agreed at the portfolio board.' }))
  @FollowsRule(COMMENT)
  comment?: string;

  @ApiPropertyOptional({ example: 1, description: 'The version you decided on; a stale one gets 409.' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  version?: number;
}

/** Reject a proposal: the comment is required, so the proposer learns why. */
export class RejectLinkDto {
  @ApiProperty(apiPropertyFor(REQUIRED_COMMENT, { example: 'This work serves KR-2.1, not KR-3.1.' }))
  @FollowsRule(REQUIRED_COMMENT)
  comment: string;

  @ApiPropertyOptional({ example: 1, description: 'The version you decided on; a stale one gets 409.' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  version?: number;
}

export const LINK_DECISIONS = ['approve', 'reject'] as const;

/** Several proposals decided at once; each is re-checked and decided in a transaction of its own. */
export class BulkLinkDecisionDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 100 })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids: string[];

  @ApiProperty({ enum: LINK_DECISIONS })
  @IsIn(LINK_DECISIONS)
  decision: (typeof LINK_DECISIONS)[number];

  @ApiPropertyOptional(
    apiPropertyFor(COMMENT, { description: 'Recorded on every link decided; required (non-blank) to reject.' }),
  )
  @FollowsRule(COMMENT)
  comment?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1 },
    description: 'For each id, the version you decided on (optional); a link changed since is not decided.',
    example: { '3f9c1a52-8e2b-4c1d-9a0e-2b7f4d6c8e10': 1 },
  })
  @OptionalNotNull()
  @IsObject()
  versions?: Record<string, number>;
}

export class LinkDecisionResultDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Whether this link was decided.' }) ok: boolean;
  @ApiPropertyOptional({ type: LinkDto, description: 'The link as decided (when ok).' }) link?: LinkDto;
  @ApiPropertyOptional({ example: 'INVALID_STATE', description: 'Why not (when not ok): the error code.' })
  code?: string;
  @ApiPropertyOptional({ description: 'Why not, in words.' }) message?: string;
}

export class BulkLinkDecisionResultDto {
  @ApiProperty({ enum: LINK_DECISIONS }) decision: string;
  @ApiProperty({ type: [LinkDecisionResultDto], description: 'One per id, in the order given.' })
  results: LinkDecisionResultDto[];
  @ApiProperty() decided: number;
  @ApiProperty() failed: number;
}

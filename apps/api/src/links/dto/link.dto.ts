import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LINK_FIELD_RULES as R,
  LINK_KINDS,
  LINK_STATES,
  NODE_KINDS,
  type LinkKind,
  type NodeKind,
  type LinkState,
} from '@throughline/domain';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
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
  @ApiProperty() proposedAt: string;
  @ApiProperty({ nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class LinkEndViewDto {
  @ApiProperty({ example: 'PRJ-7' }) key: string;
  @ApiProperty({ enum: NODE_KINDS }) kind: NodeKind;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) businessUnitId: string | null;
}

/** A proposal in the queue: the link (who proposed it, `rationale` as its note) and both ends. */
export class LinkProposalDto extends LinkDto {
  @ApiProperty({ type: LinkEndViewDto }) from: LinkEndViewDto;
  @ApiProperty({ type: LinkEndViewDto }) to: LinkEndViewDto;
}

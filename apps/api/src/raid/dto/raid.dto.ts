import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsUUID, Min, ValidateNested } from 'class-validator';
import {
  MAX_RAID_ATTACHMENTS,
  RAID_FIELD_RULES as R,
  RAID_STATUSES,
  RAID_TYPES,
  type RaidStatus,
  type RaidType,
} from '@throughline/domain';
import { apiPropertyFor, FollowsRule } from '../../platform/validation/field-rule.js';
import { OptionalNotNull } from '../../platform/validation/validators.js';

export class RaidAttachmentInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'A node of the organisation (or give linkId).' })
  @OptionalNotNull()
  @IsUUID()
  nodeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A link of the organisation (or give nodeId).' })
  @OptionalNotNull()
  @IsUUID()
  linkId?: string;
}

/** The fields of a RAID item; their rules are RAID_FIELD_RULES of libs/domain. */
class RaidFields {
  @ApiPropertyOptional(apiPropertyFor(R.title, { example: 'Supplier may slip the meter rollout' }))
  @FollowsRule(R.title, { optional: true })
  title?: string;

  @ApiPropertyOptional(apiPropertyFor(R.description))
  @FollowsRule(R.description)
  description?: string;

  @ApiPropertyOptional(apiPropertyFor(R.owner, { example: 'Head of Metering' }))
  @FollowsRule(R.owner)
  owner?: string | null;

  @ApiPropertyOptional({ enum: RAID_STATUSES, default: 'open' })
  @FollowsRule(R.status)
  status?: RaidStatus;

  @ApiPropertyOptional(apiPropertyFor(R.dueDate, { example: '2026-12-31' }))
  @FollowsRule(R.dueDate)
  dueDate?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.likelihood, { description: 'Risks only (required for them), 1–5.' }))
  @FollowsRule(R.likelihood)
  likelihood?: number | null;

  @ApiPropertyOptional(apiPropertyFor(R.impact, { description: 'Risks only (required for them), 1–5.' }))
  @FollowsRule(R.impact)
  impact?: number | null;

  @ApiPropertyOptional(apiPropertyFor(R.decidedOn, { description: 'Decisions only: the day it was decided.' }))
  @FollowsRule(R.decidedOn)
  decidedOn?: string | null;

  @ApiPropertyOptional(apiPropertyFor(R.decidedBy, { description: 'Decisions only: who decided.' }))
  @FollowsRule(R.decidedBy)
  decidedBy?: string | null;

  @ApiPropertyOptional({
    type: [RaidAttachmentInput],
    maxItems: MAX_RAID_ATTACHMENTS,
    description: 'The nodes and links the item is about; on PATCH, replaces them all.',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(MAX_RAID_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => RaidAttachmentInput)
  attachments?: RaidAttachmentInput[];
}

export class CreateRaidItemDto extends RaidFields {
  @ApiProperty({ enum: RAID_TYPES })
  @FollowsRule(R.type)
  type: RaidType;

  @ApiProperty(apiPropertyFor(R.title, { example: 'Supplier may slip the meter rollout' }))
  @FollowsRule(R.title)
  declare title: string;
}

export class UpdateRaidItemDto extends RaidFields {
  @ApiPropertyOptional({ enum: RAID_TYPES })
  @FollowsRule(R.type, { optional: true })
  type?: RaidType;

  @ApiPropertyOptional({ example: 1, description: 'The version this change is based on; a stale one gets 409.' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  version?: number;
}

export class RaidListQuery {
  @ApiPropertyOptional({ enum: RAID_TYPES })
  @OptionalNotNull()
  @IsIn(RAID_TYPES)
  type?: RaidType;

  @ApiPropertyOptional({ enum: RAID_STATUSES })
  @OptionalNotNull()
  @IsIn(RAID_STATUSES)
  status?: RaidStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Items attached to this node.' })
  @OptionalNotNull()
  @IsUUID()
  nodeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Items attached to this link.' })
  @OptionalNotNull()
  @IsUUID()
  linkId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only overdue items (or only not overdue).' })
  @OptionalNotNull()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only open red risks (likelihood × impact ≥ 15).' })
  @OptionalNotNull()
  @IsIn(['true', 'false'])
  red?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only items with a deleted node or link.' })
  @OptionalNotNull()
  @IsIn(['true', 'false'])
  detached?: 'true' | 'false';
}

export class RaidAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) nodeId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) linkId: string | null;
  @ApiProperty({ description: 'What it was attached to, kept when that is deleted.' }) label: string;
  @ApiProperty({ nullable: true, type: String }) detachedAt: string | null;
}

export class RaidItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RAID_TYPES }) type: RaidType;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) owner: string | null;
  @ApiProperty({ enum: RAID_STATUSES }) status: RaidStatus;
  @ApiProperty({ nullable: true, type: String }) dueDate: string | null;
  @ApiProperty({ nullable: true, type: Number }) likelihood: number | null;
  @ApiProperty({ nullable: true, type: Number }) impact: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'likelihood × impact (risks).' }) score: number | null;
  @ApiProperty({ description: 'An open risk scoring 15 or more.' }) red: boolean;
  @ApiProperty({ description: 'Not closed and past its due date.' }) overdue: boolean;
  @ApiProperty({ nullable: true, type: String }) decidedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedBy: string | null;
  @ApiProperty({ type: [RaidAttachmentDto] }) attachments: RaidAttachmentDto[];
  @ApiProperty({ description: 'A node or link it was attached to has been deleted.' }) detached: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedBy: string;
  @ApiProperty() updatedAt: string;
}

export class RedRisksDto {
  @ApiProperty({ format: 'uuid' }) nodeId: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: [String] }) itemIds: string[];
}

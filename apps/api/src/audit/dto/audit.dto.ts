import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AUDIT_RULE_IDS,
  AUDIT_SETTING_LIMITS,
  AUDIT_SEVERITIES,
  type AuditRuleId,
  type AuditSeverity,
  type WaiverStanding,
} from '@throughline/domain';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '../../platform/validation/validators.js';

/** `GET /api/audit` filters, combined with AND. */
export class AuditQuery {
  @ApiPropertyOptional({ enum: AUDIT_RULE_IDS })
  @IsOptional()
  @IsIn(AUDIT_RULE_IDS)
  rule?: AuditRuleId;

  @ApiPropertyOptional({ enum: AUDIT_SEVERITIES })
  @IsOptional()
  @IsIn(AUDIT_SEVERITIES)
  severity?: AuditSeverity;

  @ApiPropertyOptional({ format: 'uuid', description: 'A business unit id: findings about a node of that unit.' })
  @IsOptional()
  @IsUUID()
  businessUnit?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Findings about this node.' })
  @IsOptional()
  @IsUUID()
  nodeId?: string;
}

const STALE = AUDIT_SETTING_LIMITS.staleCheckInDays;
const DANGLING = AUDIT_SETTING_LIMITS.danglingProposalDays;

/** `PATCH /api/audit/settings`: the organisation's limits; fields left out keep their value. */
export class UpdateAuditSettingsDto {
  @ApiPropertyOptional({ minimum: STALE.min, maximum: STALE.max, example: 30, description: 'stale-key-result: days' })
  @IsOptional()
  @IsInt()
  @Min(STALE.min)
  @Max(STALE.max)
  staleCheckInDays?: number;

  @ApiPropertyOptional({
    minimum: DANGLING.min,
    maximum: DANGLING.max,
    example: 14,
    description: 'dangling-proposal: days',
  })
  @IsOptional()
  @IsInt()
  @Min(DANGLING.min)
  @Max(DANGLING.max)
  danglingProposalDays?: number;
}

/** `POST /api/audit/waivers`. */
export class CreateWaiverDto {
  @ApiProperty({ example: 'health-mismatch:1f0c9a7e42d3b815', description: 'The `id` of an open finding.' })
  @IsString()
  @Matches(/^[a-z-]+:[0-9a-f]{16}$/, { message: 'findingId must be the id of an audit finding' })
  findingId: string;

  @ApiProperty({ example: 'Recovery plan agreed at the October steering committee.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiProperty({ example: '2026-12-31', description: 'The last day the waiver applies (YYYY-MM-DD, UTC).' })
  @IsCalendarDate()
  expiresOn: string;
}

export class AuditSettingsDto {
  @ApiProperty({ example: 30 })
  staleCheckInDays: number;

  @ApiProperty({ example: 14 })
  danglingProposalDays: number;
}

export class AuditFindingDto {
  @ApiProperty({ example: 'orphan-work:0a1b2c3d4e5f6789', description: 'Stable for the same rule and nodes.' })
  id: string;

  @ApiProperty({ enum: AUDIT_RULE_IDS })
  rule: AuditRuleId;

  @ApiProperty({ enum: AUDIT_SEVERITIES })
  severity: AuditSeverity;

  @ApiProperty({ type: [String], description: 'The nodes the finding is about.' })
  nodeIds: string[];

  @ApiProperty({ type: [String], example: ['PRJ-7'] })
  nodeKeys: string[];

  @ApiProperty({ example: 'Project PRJ-7 is active but its chain reaches no active objective.' })
  message: string;

  @ApiProperty({ type: [String], description: 'The chain of node keys that explains the finding.' })
  path: string[];
}

export class AuditWaiverDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  findingId: string;

  @ApiProperty({ enum: AUDIT_RULE_IDS })
  rule: AuditRuleId;

  @ApiProperty({ type: [String] })
  nodeIds: string[];

  @ApiProperty({ type: [String], description: 'The finding’s path when it was waived.' })
  path: string[];

  @ApiProperty()
  reason: string;

  @ApiProperty({ example: '2026-12-31' })
  expiresOn: string;

  @ApiProperty()
  createdBy: string;

  @ApiProperty()
  createdAt: string;
}

export class AuditWaiverViewDto extends AuditWaiverDto {
  @ApiProperty({ enum: ['in_force', 'expired', 'path_changed', 'finding_gone'] })
  standing: WaiverStanding;
}

export class WaivedFindingDto extends AuditFindingDto {
  @ApiProperty({ type: AuditWaiverDto })
  waiver: AuditWaiverDto;
}

export class AuditSummaryDto {
  @ApiProperty()
  error: number;
  @ApiProperty()
  warning: number;
  @ApiProperty()
  info: number;
}

export class AuditReportDto {
  @ApiProperty({ example: '2026-11-01T12:00:00.000Z' })
  generatedAt: string;

  @ApiProperty({ type: AuditSummaryDto, description: 'Open findings by severity (after the filters).' })
  summary: AuditSummaryDto;

  @ApiProperty({ type: [AuditFindingDto] })
  findings: AuditFindingDto[];

  @ApiProperty({ type: [WaivedFindingDto], description: 'Findings a waiver in force covers, kept apart.' })
  waived: WaivedFindingDto[];
}

/** The settings one rule reads: only those, so every field is optional here. */
export class AuditRuleSettingsDto {
  @ApiPropertyOptional({ example: 30, description: 'stale-key-result: days' })
  staleCheckInDays?: number;

  @ApiPropertyOptional({ example: 14, description: 'dangling-proposal: days' })
  danglingProposalDays?: number;
}

export class AuditRuleInfoDto {
  @ApiProperty({ enum: AUDIT_RULE_IDS })
  id: AuditRuleId;

  @ApiProperty({ enum: AUDIT_SEVERITIES })
  severity: AuditSeverity;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: AuditRuleSettingsDto, description: 'The settings this rule reads (often none: `{}`).' })
  settings: AuditRuleSettingsDto;
}

export class AuditRulesDto {
  @ApiProperty({ type: AuditSettingsDto })
  settings: AuditSettingsDto;

  @ApiProperty({ type: [AuditRuleInfoDto] })
  rules: AuditRuleInfoDto[];
}

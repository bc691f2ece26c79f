import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export class TakeSnapshotDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Q4 baseline' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;
}

export class SnapshotDiffQuery {
  @ApiProperty({ format: 'uuid', description: 'The earlier snapshot.' })
  @IsUUID()
  from: string;

  @ApiProperty({ description: 'The later snapshot’s id, or `now` for the organisation as it is.', example: 'now' })
  @IsString()
  @Matches(/^(now|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/, {
    message: 'to must be a snapshot id or now',
  })
  to: string;
}

class ShareDto {
  @ApiProperty() total: number;
  @ApiProperty({ required: false }) covered?: number;
  @ApiProperty({ required: false }) aligned?: number;
  @ApiProperty({ nullable: true, type: Number }) share: number | null;
}

class SnapshotCoverageDto {
  @ApiProperty({ type: ShareDto }) objectives: ShareDto;
  @ApiProperty({ type: ShareDto }) workByCount: ShareDto;
  @ApiProperty({ type: ShareDto }) workByMoney: ShareDto;
}

class AuditSummaryDto {
  @ApiProperty() error: number;
  @ApiProperty() warning: number;
  @ApiProperty() info: number;
}

export class SnapshotDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() takenAt: string;
  @ApiProperty() takenBy: string;
  @ApiProperty() nodeCount: number;
  @ApiProperty() linkCount: number;
  @ApiProperty({ type: SnapshotCoverageDto }) coverage: SnapshotCoverageDto;
  @ApiProperty({ type: AuditSummaryDto }) audit: AuditSummaryDto;
}

export class TrendPointDto {
  @ApiProperty({ format: 'uuid' }) snapshotId: string;
  @ApiProperty() name: string;
  @ApiProperty() takenAt: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Objective coverage, 0–1.' })
  objectiveCoverage: number | null;
  @ApiProperty() objectivesCovered: number;
  @ApiProperty() objectivesTotal: number;
}

export class SnapshotDiffDto {
  @ApiProperty({ type: SnapshotDto }) from: SnapshotDto;
  @ApiProperty({ type: SnapshotDto, nullable: true }) to: SnapshotDto | null;
  @ApiProperty({ description: 'Added, removed and changed nodes and links.' }) counts: object;
  @ApiProperty({ description: '`added`, `removed`, `changed` (`{ id, record, changes: [{ field, from, to }] }`).' })
  nodes: object;
  @ApiProperty({ description: 'As `nodes`.' }) links: object;
  @ApiProperty({ description: 'Coverage deltas `{ from, to, delta }`.' }) coverage: object;
  @ApiProperty({ description: 'Audit finding count deltas by severity.' }) audit: object;
  @ApiProperty({ description: 'Key and title of each node a listed link joins, by node id.' }) names: object;
}

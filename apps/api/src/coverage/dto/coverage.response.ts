import { ApiProperty } from '@nestjs/swagger';
import {
  NODE_HEALTHS,
  type AlignedAmount,
  type AlignmentFigures,
  type CoverageMatrix,
  type CoverageMatrixCell,
  type CoverageNodeRef,
  type CoverageReport,
  type CoverageShare,
  type CoverageUnit,
  type NodeHealth,
  type NodeInvestment,
  type NodeRollup,
} from '@throughline/domain';

const UUID = '9b2f0f7e-3c1d-4a57-b7d5-0e1f2a3b4c5d';

export class CoverageShareDto implements CoverageShare {
  @ApiProperty({ example: 8 }) total: number;
  @ApiProperty({ example: 6 }) covered: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.75, description: '`covered / total`; null when total is 0.' })
  share: number | null;
}

export class CoverageUnitDto implements CoverageUnit {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: UUID,
    description: 'null: nodes without a unit.',
  })
  id: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'OPS' }) key: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Operations' }) name: string | null;
}

export class CoverageNodeRefDto implements CoverageNodeRef {
  @ApiProperty({ format: 'uuid', example: UUID }) nodeId: string;
  @ApiProperty({ example: 'OBJ-3' }) key: string;
  @ApiProperty({ example: 'Cut household energy waste' }) title: string;
}

export class ThemeCoverageDto extends CoverageShareDto {
  @ApiProperty({ format: 'uuid', example: UUID }) nodeId: string;
  @ApiProperty({ example: 'TH-1' }) key: string;
  @ApiProperty({ example: 'Affordable energy' }) title: string;
}

export class UnitCoverageDto extends CoverageShareDto {
  @ApiProperty({ type: CoverageUnitDto }) unit: CoverageUnitDto;
}

export class ObjectiveCoverageDto {
  @ApiProperty({ type: CoverageShareDto }) overall: CoverageShareDto;
  @ApiProperty({ type: [ThemeCoverageDto] }) byTheme: ThemeCoverageDto[];
  @ApiProperty({ type: CoverageShareDto }) withoutTheme: CoverageShareDto;
  @ApiProperty({ type: [UnitCoverageDto] }) byBusinessUnit: UnitCoverageDto[];
}

export class AlignedAmountDto implements AlignedAmount {
  @ApiProperty({ example: 500000 }) total: number;
  @ApiProperty({ example: 400000 }) aligned: number;
  @ApiProperty({ example: 100000 }) unaligned: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.8, description: '`aligned / total`; null when total is 0.' })
  share: number | null;
}

export class AlignmentFiguresDto implements AlignmentFigures {
  @ApiProperty({ type: AlignedAmountDto }) count: AlignedAmountDto;
  @ApiProperty({ type: AlignedAmountDto, description: 'Budget for change, annual cost for BAU.' })
  money: AlignedAmountDto;
  @ApiProperty({ type: AlignedAmountDto, description: 'Assets’ annual value, never added to spend.' })
  assetValue: AlignedAmountDto;
}

export class UnitAlignmentDto extends AlignmentFiguresDto {
  @ApiProperty({ type: CoverageUnitDto }) unit: CoverageUnitDto;
}

export class WorkAlignmentDto {
  @ApiProperty({ type: AlignmentFiguresDto }) overall: AlignmentFiguresDto;
  @ApiProperty({ type: [UnitAlignmentDto] }) byBusinessUnit: UnitAlignmentDto[];
}

export class NodeInvestmentDto extends CoverageNodeRefDto implements NodeInvestment {
  @ApiProperty({ example: 250000, description: 'Budgets of change work.' }) change: number;
  @ApiProperty({ example: 40000, description: 'Annual costs of BAU.' }) bau: number;
  @ApiProperty({ example: 90000, description: 'Annual values of assets.' }) asset: number;
  @ApiProperty({ example: 5, description: 'Active work items in the node’s delivery.' }) items: number;
}

export class InvestmentMixDto {
  @ApiProperty({ type: [NodeInvestmentDto] }) themes: NodeInvestmentDto[];
  @ApiProperty({ type: [NodeInvestmentDto] }) objectives: NodeInvestmentDto[];
}

export class NodeRollupDto implements NodeRollup {
  @ApiProperty({ format: 'uuid', example: UUID }) nodeId: string;
  @ApiProperty({ example: 'KR-12' }) key: string;
  @ApiProperty({ enum: ['theme', 'objective', 'key_result'], enumName: 'StrategyKind', example: 'key_result' })
  kind: NodeRollup['kind'];
  @ApiProperty({ nullable: true, type: Number, example: 0.42, description: '0–1; null when nothing measurable.' })
  progress: number | null;
  @ApiProperty({ enum: NODE_HEALTHS, enumName: 'NodeHealth', example: 'green' }) reportedHealth: NodeHealth;
  @ApiProperty({ enum: NODE_HEALTHS, enumName: 'NodeHealth', example: 'amber' }) derivedHealth: NodeHealth;
}

/** `GET /api/coverage` (CoverageReport, libs/domain coverage-types.ts). */
export class CoverageReportDto implements CoverageReport {
  @ApiProperty({ format: 'date-time', example: '2026-03-09T08:00:00.000Z' }) generatedAt: string;
  @ApiProperty({ type: ObjectiveCoverageDto }) objectives: ObjectiveCoverageDto;
  @ApiProperty({ type: WorkAlignmentDto }) alignment: WorkAlignmentDto;
  @ApiProperty({ type: InvestmentMixDto }) investmentMix: InvestmentMixDto;
  @ApiProperty({ type: [NodeRollupDto] }) rollups: NodeRollupDto[];
}

export class CoverageMatrixCellDto implements CoverageMatrixCell {
  @ApiProperty({ format: 'uuid', example: UUID }) objectiveId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) businessUnitId: string | null;
  @ApiProperty({ example: 2 }) count: number;
  @ApiProperty({ example: 120000 }) money: number;
  @ApiProperty({ example: 0 }) assetValue: number;
  @ApiProperty({ type: [String], format: 'uuid', example: [UUID] }) nodeIds: string[];
}

/** `GET /api/coverage/matrix`: active objectives × business units; only cells with work are listed. */
export class CoverageMatrixDto implements CoverageMatrix {
  @ApiProperty({ format: 'date-time', example: '2026-03-09T08:00:00.000Z' }) generatedAt: string;
  @ApiProperty({ type: [CoverageNodeRefDto] }) objectives: CoverageNodeRefDto[];
  @ApiProperty({ type: [CoverageUnitDto] }) businessUnits: CoverageUnitDto[];
  @ApiProperty({ type: [CoverageMatrixCellDto] }) cells: CoverageMatrixCellDto[];
}

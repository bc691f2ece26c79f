import { ApiProperty } from '@nestjs/swagger';
import { NODE_HEALTHS, NODE_KINDS, type NodeHealth, type NodeKind } from '@throughline/domain';

/**
 * The OpenAPI description of `Dashboard` (libs/domain, dashboard/dashboard-types.ts): the web app's types are
 * generated from these classes. Named Dashboard… so they never clash with coverage's schemas.
 */
const UUID = '9b2f0f7e-3c1d-4a57-b7d5-0e1f2a3b4c5d';

export class DashboardShareDto {
  @ApiProperty({ example: 8 }) total: number;
  @ApiProperty({ example: 6 }) covered: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.75, description: 'covered / total; null when total is 0.' })
  share: number | null;
}

export class DashboardAmountDto {
  @ApiProperty() total: number;
  @ApiProperty() aligned: number;
  @ApiProperty() unaligned: number;
  @ApiProperty({ nullable: true, type: Number, description: 'aligned / total; null when total is 0.' })
  share: number | null;
}

export class DashboardNodeRefDto {
  @ApiProperty({ format: 'uuid', example: UUID }) nodeId: string;
  @ApiProperty({ example: 'OBJ-3' }) key: string;
  @ApiProperty({ example: 'Make every home smart-ready' }) title: string;
}

export class DashboardColumnDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: work without a unit.' })
  id: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'NET' }) key: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Networks' }) name: string | null;
}

export class DashboardUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'NET' }) key: string;
  @ApiProperty({ example: 'Networks' }) name: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The member who owns the unit.' })
  ownerId: string | null;
  @ApiProperty({ nullable: true, type: String }) ownerName: string | null;
}

export class OptimismGapItemDto extends DashboardNodeRefDto {
  @ApiProperty({ enum: NODE_HEALTHS }) reportedHealth: NodeHealth;
  @ApiProperty({ enum: NODE_HEALTHS }) derivedHealth: NodeHealth;
}

export class OptimismGapDto {
  @ApiProperty() count: number;
  @ApiProperty({ type: [OptimismGapItemDto] }) objectives: OptimismGapItemDto[];
}

export class DashboardHeadlineDto {
  @ApiProperty({ type: DashboardShareDto, description: 'Active objectives whose delivery is not empty.' })
  objectiveCoverage: DashboardShareDto;
  @ApiProperty({ type: DashboardAmountDto, description: 'Active work items in the delivery of an active objective.' })
  alignmentByCount: DashboardAmountDto;
  @ApiProperty({ type: DashboardAmountDto, description: 'The same by money: budgets (whole) and BAU annual costs.' })
  alignmentByMoney: DashboardAmountDto;
  @ApiProperty({ description: 'Money of active work that serves no active objective.' }) unalignedMoney: number;
  @ApiProperty({ description: 'Open error findings of the audit (waived ones excluded).' }) openErrors: number;
  @ApiProperty({ type: OptimismGapDto, description: 'Active objectives reported healthier than derived.' })
  optimismGap: OptimismGapDto;
}

export class HeatmapThemeDto extends DashboardNodeRefDto {
  @ApiProperty({ nullable: true, type: Number }) priority: number | null;
}

export class HeatmapObjectiveDto extends DashboardNodeRefDto {
  @ApiProperty({ nullable: true, type: Number }) priority: number | null;
  @ApiProperty({ description: 'Its delivery is empty: no cell in its row.' }) empty: boolean;
}

export class HeatmapGroupDto {
  @ApiProperty({ type: HeatmapThemeDto, nullable: true, description: 'null: the objectives that reach no theme.' })
  theme: HeatmapThemeDto | null;
  @ApiProperty({ type: [HeatmapObjectiveDto], description: 'In priority order (none last), then key.' })
  objectives: HeatmapObjectiveDto[];
}

export class HeatmapCellDto {
  @ApiProperty({ format: 'uuid' }) objectiveId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) businessUnitId: string | null;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'Budgets (whole) and BAU annual costs of the cell’s work.' }) money: number;
  @ApiProperty({ description: 'Assets’ annual value, apart from money.' }) assetValue: number;
}

export class DashboardHeatmapDto {
  @ApiProperty({ type: [DashboardColumnDto] }) businessUnits: DashboardColumnDto[];
  @ApiProperty({
    type: [HeatmapGroupDto],
    description: 'Themes in priority order; an objective under each theme it reaches.',
  })
  groups: HeatmapGroupDto[];
  @ApiProperty({ type: [HeatmapCellDto], description: 'Only cells with work.' }) cells: HeatmapCellDto[];
}

export class AnnualisedMixDto {
  @ApiProperty({ description: 'Change budgets, annualised (see basis).' }) change: number;
  @ApiProperty({ description: 'BAU annual costs.' }) bau: number;
  @ApiProperty({ description: 'Assets’ annual value.' }) asset: number;
  @ApiProperty() items: number;
}

export class NodeMixDto extends AnnualisedMixDto {
  @ApiProperty({ format: 'uuid' }) nodeId: string;
  @ApiProperty() key: string;
  @ApiProperty() title: string;
}

export class DashboardInvestmentMixDto {
  @ApiProperty({ enum: ['annualised'] }) basis: 'annualised';
  @ApiProperty({ description: 'What the figures are, in words, for the page.' }) note: string;
  @ApiProperty({ type: [NodeMixDto] }) themes: NodeMixDto[];
  @ApiProperty({ type: [NodeMixDto] }) objectives: NodeMixDto[];
  @ApiProperty({ type: AnnualisedMixDto, description: 'Active work that serves no active objective.' })
  unaligned: AnnualisedMixDto;
}

export class DeliveryByKindDto {
  @ApiProperty() programme: number;
  @ApiProperty() project: number;
  @ApiProperty() bau: number;
  @ApiProperty() asset: number;
}

export class KeyResultOwnerDto extends DashboardNodeRefDto {
  @ApiProperty({ nullable: true, type: String }) owner: string | null;
}

export class DeliveryUnitDto extends DashboardColumnDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) ownerId: string | null;
  @ApiProperty({ nullable: true, type: String }) ownerName: string | null;
  @ApiProperty({ description: 'Items of the objective’s delivery in this unit.' }) items: number;
}

export class AccountablePeopleDto {
  @ApiProperty({ nullable: true, type: String }) owner: string | null;
  @ApiProperty({ type: [KeyResultOwnerDto] }) keyResultOwners: KeyResultOwnerDto[];
  @ApiProperty({ type: [DashboardUnitDto] }) accountableUnits: DashboardUnitDto[];
  @ApiProperty({ type: [DeliveryUnitDto] }) deliveryUnits: DeliveryUnitDto[];
}

export class ObjectiveCardDto extends DashboardNodeRefDto {
  @ApiProperty({ nullable: true, type: String }) owner: string | null;
  @ApiProperty({ nullable: true, type: Number }) priority: number | null;
  @ApiProperty({ type: [String], format: 'uuid' }) themeIds: string[];
  @ApiProperty({ nullable: true, type: Number, description: '0–1 roll-up; null when nothing is measured.' })
  progress: number | null;
  @ApiProperty({ enum: NODE_HEALTHS }) reportedHealth: NodeHealth;
  @ApiProperty({ enum: NODE_HEALTHS }) derivedHealth: NodeHealth;
  @ApiProperty({ type: DeliveryByKindDto }) deliveryByKind: DeliveryByKindDto;
  @ApiProperty({ type: AccountablePeopleDto }) accountable: AccountablePeopleDto;
}

export class UnitWorkDto {
  @ApiProperty() count: number;
  @ApiProperty() money: number;
}

export class UnitAlignmentDto {
  @ApiProperty({ nullable: true, type: Number }) count: number | null;
  @ApiProperty({ nullable: true, type: Number }) money: number | null;
}

export class UnitDependenciesDto {
  @ApiProperty({ description: 'Unacknowledged depends_on from its work to another unit’s.' }) given: number;
  @ApiProperty({ description: 'Unacknowledged depends_on from another unit’s work to its own.' }) received: number;
}

export class UnitAccountabilityDto {
  @ApiProperty({ type: DashboardUnitDto }) unit: DashboardUnitDto;
  @ApiProperty({ type: UnitWorkDto }) work: UnitWorkDto;
  @ApiProperty({ type: UnitAlignmentDto }) alignment: UnitAlignmentDto;
  @ApiProperty({ type: [DashboardNodeRefDto] }) objectivesServed: DashboardNodeRefDto[];
  @ApiProperty({ type: [DashboardNodeRefDto] }) accountableFor: DashboardNodeRefDto[];
  @ApiProperty({ type: UnitDependenciesDto }) dependencies: UnitDependenciesDto;
  @ApiProperty({ type: [String] }) owners: string[];
}

export class DashboardDto {
  @ApiProperty() generatedAt: string;
  @ApiProperty({ type: DashboardHeadlineDto }) headline: DashboardHeadlineDto;
  @ApiProperty({ type: DashboardHeatmapDto }) heatmap: DashboardHeatmapDto;
  @ApiProperty({ type: DashboardInvestmentMixDto }) investmentMix: DashboardInvestmentMixDto;
  @ApiProperty({ type: [ObjectiveCardDto] }) objectives: ObjectiveCardDto[];
  @ApiProperty({ type: [UnitAccountabilityDto] }) accountability: UnitAccountabilityDto[];
}

export class CellWorkItemDto {
  @ApiProperty({ format: 'uuid', example: UUID }) nodeId: string;
  @ApiProperty({ example: 'PRJ-12' }) key: string;
  @ApiProperty({ example: 'Smart meter roll-out' }) title: string;
  @ApiProperty({ enum: NODE_KINDS }) kind: NodeKind;
  @ApiProperty({ nullable: true, type: Number, description: 'Its budget, else its annual cost; null: neither.' })
  money: number | null;
}

export class DashboardCellWorkDto {
  @ApiProperty({ format: 'uuid' }) objectiveId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: work without a unit.' })
  businessUnitId: string | null;
  @ApiProperty({ type: [CellWorkItemDto], description: 'In the heatmap cell’s order; empty for an empty cell.' })
  items: CellWorkItemDto[];
}

export class ObjectiveRedRisksDto {
  @ApiProperty({ format: 'uuid' }) objectiveId: string;
  @ApiProperty({ description: 'Distinct open red risks on it, its key results and the work delivering it.' })
  count: number;
}

export class DashboardRedRisksDto {
  @ApiProperty({ description: 'Distinct open red risks (likelihood × impact ≥ 15) on any node or link.' }) open: number;
  @ApiProperty({ type: [ObjectiveRedRisksDto], description: 'Objectives whose chain carries one, as the cards.' })
  objectives: ObjectiveRedRisksDto[];
}

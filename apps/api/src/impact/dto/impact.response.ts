import { ApiProperty } from '@nestjs/swagger';
import {
  NODE_KINDS,
  NODE_STATUSES,
  type ImpactedDependent,
  type ImpactedStrategyNode,
  type ImpactNodeRef,
  type NodeKind,
  type NodeStatus,
  type WorkImpact,
} from '@throughline/domain';

class ImpactNodeRefDto implements ImpactNodeRef {
  @ApiProperty({ format: 'uuid', example: '9b2f0f7e-3c1d-4a57-b7d5-0e1f2a3b4c5d' }) nodeId: string;
  @ApiProperty({ example: 'KR-12' }) key: string;
  @ApiProperty({ enum: NODE_KINDS, enumName: 'NodeKind', example: 'key_result' }) kind: NodeKind;
  @ApiProperty({ example: 'Smart meters in 80% of homes' }) title: string;
}

export class ImpactItemDto extends ImpactNodeRefDto {
  @ApiProperty({ enum: NODE_STATUSES, enumName: 'NodeStatus', example: 'active' }) status: NodeStatus;
}

export class ImpactedStrategyNodeDto extends ImpactNodeRefDto implements ImpactedStrategyNode {
  @ApiProperty({ example: 3, description: 'Active work items in its delivery now.' }) deliveryBefore: number;
  @ApiProperty({ example: 2, description: 'Active work items in its delivery after the cancellation.' })
  deliveryAfter: number;
  @ApiProperty({ example: 0.4, description: 'The share of its delivery lost, by weight (1 when it loses all).' })
  share: number;
}

export class ImpactedDependentDto extends ImpactNodeRefDto implements ImpactedDependent {
  @ApiProperty({ enum: NODE_STATUSES, enumName: 'NodeStatus', example: 'active' }) status: NodeStatus;
  @ApiProperty({
    example: true,
    description: 'True when it depends on the item itself; false only through other work.',
  })
  direct: boolean;
}

/** `GET /api/graph/impact/{id}`: what cancelling one work item would do (WorkImpact, libs/domain impact.ts). */
export class WorkImpactDto implements WorkImpact {
  @ApiProperty({ type: ImpactItemDto }) item: ImpactItemDto;
  @ApiProperty({
    type: [ImpactedStrategyNodeDto],
    description: 'Active key results and objectives left with no delivery.',
  })
  losesAll: ImpactedStrategyNodeDto[];
  @ApiProperty({ type: [ImpactedStrategyNodeDto], description: 'Those that keep some delivery, with the share lost.' })
  losesPart: ImpactedStrategyNodeDto[];
  @ApiProperty({ type: [ImpactedDependentDto], description: 'Work that depends on the item (approved depends_on).' })
  dependents: ImpactedDependentDto[];
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  AssetLifecycle,
  KeyResultDirection,
  NodeHealth,
  NodeKind,
  NodeStatus,
  RagRating,
} from '@throughline/domain';

/**
 * One row per node of any kind (docs/domain.md, "Nodes"). Kind-specific columns are NULL on other
 * kinds; the migration's CHECK constraints hold that, `KIND_FIELDS` in libs/domain says which.
 */
@Entity({ name: 'nodes' })
export class NodeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId: string;
  @Column({ type: 'text' }) key: string;
  @Column({ type: 'text' }) kind: NodeKind;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', default: '' }) description: string;
  @Column({ name: 'business_unit_id', type: 'uuid', nullable: true }) businessUnitId: string | null;
  @Column({ type: 'text', nullable: true }) owner: string | null;
  @Column({ type: 'text', default: 'active' }) status: NodeStatus;
  @Column({ type: 'text', default: 'unknown' }) health: NodeHealth;
  @Column({ name: 'start_date', type: 'date', nullable: true }) startDate: string | null;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate: string | null;
  @Column({ type: 'text', array: true, default: '{}' }) tags: string[];
  @Column({ name: 'accountable_unit_ids', type: 'uuid', array: true, default: '{}' }) accountableUnitIds: string[];
  /** Key results only: the OKR cycle it belongs to (null: none). */
  @Column({ name: 'cycle_id', type: 'uuid', nullable: true }) cycleId: string | null;

  @Column({ type: 'integer', nullable: true }) priority: number | null;
  @Column({ name: 'target_date', type: 'date', nullable: true }) targetDate: string | null;
  @Column({ type: 'text', nullable: true }) unit: string | null;
  @Column({ type: 'numeric', nullable: true }) baseline: number | null;
  @Column({ type: 'numeric', nullable: true }) target: number | null;
  @Column({ type: 'numeric', nullable: true }) current: number | null;
  @Column({ type: 'text', nullable: true }) direction: KeyResultDirection | null;
  @Column({ type: 'numeric', nullable: true }) confidence: number | null;
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true }) budget: number | null;
  @Column({ type: 'text', nullable: true }) stage: string | null;
  @Column({ type: 'numeric', nullable: true }) effort: number | null;
  @Column({ name: 'delivery_confidence', type: 'text', nullable: true }) deliveryConfidence: RagRating | null;
  @Column({ type: 'text', nullable: true }) kpi: string | null;
  @Column({ type: 'text', nullable: true }) cadence: string | null;
  @Column({ name: 'annual_cost', type: 'numeric', precision: 18, scale: 2, nullable: true }) annualCost: number | null;
  @Column({ name: 'asset_type', type: 'text', nullable: true }) assetType: string | null;
  @Column({ type: 'text', nullable: true }) lifecycle: AssetLifecycle | null;
  @Column({ name: 'annual_value', type: 'numeric', precision: 18, scale: 2, nullable: true }) annualValue:
    number | null;

  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'updated_by', type: 'text' }) updatedBy: string;
}

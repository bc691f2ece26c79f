import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LinkKind, LinkState, NodeKind } from '@throughline/domain';

/**
 * A directed, typed link between two nodes of one organisation. It carries its ends' kinds so
 * the database itself checks the allowed-link matrix (`links_kind_matrix_chk`).
 */
@Entity({ name: 'links' })
export class LinkEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId: string;
  @Column({ name: 'from_id', type: 'uuid' }) fromId: string;
  @Column({ name: 'from_kind', type: 'text' }) fromKind: NodeKind;
  @Column({ name: 'to_id', type: 'uuid' }) toId: string;
  @Column({ name: 'to_kind', type: 'text' }) toKind: NodeKind;
  @Column({ type: 'text' }) kind: LinkKind;
  @Column({ type: 'numeric', nullable: true }) weight: number | null;
  @Column({ type: 'text', default: '' }) rationale: string;
  @Column({ type: 'text' }) state: LinkState;
  @Column({ name: 'proposed_by', type: 'text' }) proposedBy: string;
  @Column({ name: 'proposed_by_id', type: 'uuid', nullable: true }) proposedById: string | null;
  @Column({ name: 'proposed_at', type: 'timestamptz', default: () => 'now()' }) proposedAt: Date;
  @Column({ name: 'decided_by', type: 'text', nullable: true }) decidedBy: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decision_comment', type: 'text', nullable: true }) decisionComment: string | null;
  @Column({ type: 'integer', default: 1 }) version: number;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

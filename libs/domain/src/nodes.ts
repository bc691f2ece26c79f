import type { AssetLifecycle, KeyResultDirection, NodeHealth, NodeKind, NodeStatus, RagRating } from './kinds.js';

/** The kind-specific fields of docs/domain.md, all optional here; `KIND_FIELDS` says which kind owns which. */
export interface KindFields {
  priority?: number | null;
  targetDate?: string | null;
  unit?: string | null;
  baseline?: number | null;
  target?: number | null;
  current?: number | null;
  direction?: KeyResultDirection | null;
  confidence?: number | null;
  budget?: number | null;
  stage?: string | null;
  effort?: number | null;
  deliveryConfidence?: RagRating | null;
  kpi?: string | null;
  cadence?: string | null;
  annualCost?: number | null;
  assetType?: string | null;
  lifecycle?: AssetLifecycle | null;
  annualValue?: number | null;
}

export type KindField = keyof KindFields;

/** Which kind-specific fields each kind has (docs/domain.md, "Nodes"). The schema's CHECKs mirror this. */
export const KIND_FIELDS: Record<NodeKind, readonly KindField[]> = {
  theme: ['priority'],
  objective: ['priority', 'targetDate'],
  key_result: ['unit', 'baseline', 'target', 'current', 'direction', 'confidence'],
  programme: ['budget', 'stage'],
  project: ['budget', 'effort', 'stage', 'deliveryConfidence'],
  bau: ['kpi', 'cadence', 'annualCost'],
  asset: ['assetType', 'lifecycle', 'annualValue'],
};

export const ALL_KIND_FIELDS: readonly KindField[] = [
  'priority',
  'targetDate',
  'unit',
  'baseline',
  'target',
  'current',
  'direction',
  'confidence',
  'budget',
  'stage',
  'effort',
  'deliveryConfidence',
  'kpi',
  'cadence',
  'annualCost',
  'assetType',
  'lifecycle',
  'annualValue',
];

/**
 * The fields of a node a client may edit (REST names), besides its kind-specific ones. The
 * kind is set once; id, version, timestamps and authors are the API's.
 */
export const EDITABLE_NODE_FIELDS = [
  'key',
  'title',
  'description',
  'businessUnitId',
  'owner',
  'status',
  'health',
  'startDate',
  'endDate',
  'tags',
  'accountableUnitIds',
] as const satisfies readonly (keyof NodeCommon)[];

/** The fields every node has. */
export interface NodeCommon {
  id: string;
  key: string;
  kind: NodeKind;
  title: string;
  description: string;
  businessUnitId: string | null;
  owner: string | null;
  status: NodeStatus;
  health: NodeHealth;
  startDate: string | null;
  endDate: string | null;
  tags: string[];
  /**
   * Objectives: the business units accountable for it (docs/domain.md, "Coverage"); `[]` for every other kind.
   * Always present in the API's answers; optional here so older fixtures still type.
   */
  accountableUnitIds?: string[];
  /**
   * Key results: the OKR cycle it belongs to, or null (docs/domain.md, "OKR cycles"); absent on every other kind.
   * Not a kind field: it refers to another entity (an id in REST, a cycle name in the interchange).
   */
  cycleId?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

/** A node as the REST API returns it: the common fields plus its kind's own fields. */
export type NodeRecord = NodeCommon & KindFields;

/** Whether `field` belongs to nodes of `kind`. */
export function kindHasField(kind: NodeKind, field: KindField): boolean {
  return KIND_FIELDS[kind].includes(field);
}

/** The money a work item carries for alignment: budget for change, annual cost for BAU; assets apart. */
export function workMoney(node: Pick<KindFields, 'budget' | 'annualCost'> & { kind: NodeKind }): number {
  switch (node.kind) {
    case 'programme':
    case 'project':
      return node.budget ?? 0;
    case 'bau':
      return node.annualCost ?? 0;
    case 'asset': // an asset's annual value is shown apart, never added to spend
    case 'theme':
    case 'objective':
    case 'key_result':
      return 0;
  }
}

export interface BusinessUnitRecord {
  id: string;
  key: string;
  name: string;
  parentId: string | null;
  /** The member who owns the unit: it acknowledges dependencies on the unit's work. Optional for older fixtures. */
  ownerId?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface LinkRecord {
  id: string;
  fromId: string;
  toId: string;
  kind: import('./links.js').LinkKind;
  weight: number | null;
  rationale: string;
  state: import('./links.js').LinkState;
  proposedBy: string;
  /** The member who proposed it; null for a link made before accounts, imported or seeded. */
  proposedById: string | null;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** The decider's comment (required when rejecting). */
  decisionComment: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CheckInRecord {
  id: string;
  nodeId: string;
  at: string;
  value: number;
  confidence: number | null;
  note: string;
  createdBy: string;
  createdAt: string;
}

export interface ChangeLogEntry {
  id: number;
  at: string;
  actor: string;
  action: 'create' | 'update' | 'delete';
  /** The portfolio's entities, and what admins do to accounts (membership, invite) and the organisation. */
  entityType:
    | 'node'
    | 'link'
    | 'business_unit'
    | 'check_in'
    | 'waiver'
    | 'membership'
    | 'invite'
    | 'organisation'
    | 'raid_item'
    | 'okr_cycle';
  entityId: string;
  before: unknown;
  after: unknown;
}

import type { InterchangeNode } from '@throughline/domain';

/**
 * The node fields of the interchange format and their columns, in the order the format
 * writes them. One list drives the import's bulk SQL (record definition, insert, update,
 * change detection) and the export, so a new field is added in one place.
 */
export const NODE_COLUMNS = [
  { field: 'title', column: 'title', type: 'text' },
  { field: 'description', column: 'description', type: 'text' },
  { field: 'businessUnit', column: 'business_unit_id', type: 'uuid' },
  { field: 'owner', column: 'owner', type: 'text' },
  { field: 'status', column: 'status', type: 'text' },
  { field: 'health', column: 'health', type: 'text' },
  { field: 'startDate', column: 'start_date', type: 'date' },
  { field: 'endDate', column: 'end_date', type: 'date' },
  { field: 'tags', column: 'tags', type: 'text[]' },
  { field: 'priority', column: 'priority', type: 'integer' },
  { field: 'targetDate', column: 'target_date', type: 'date' },
  // Unit keys in the document, unit ids in the column: the import maps them (nodeRow), the export reads keys.
  { field: 'accountableUnits', column: 'accountable_unit_ids', type: 'uuid[]' },
  { field: 'unit', column: 'unit', type: 'text' },
  { field: 'baseline', column: 'baseline', type: 'numeric' },
  { field: 'target', column: 'target', type: 'numeric' },
  { field: 'current', column: 'current', type: 'numeric' },
  { field: 'direction', column: 'direction', type: 'text' },
  { field: 'confidence', column: 'confidence', type: 'numeric' },
  { field: 'budget', column: 'budget', type: 'numeric' },
  { field: 'stage', column: 'stage', type: 'text' },
  { field: 'effort', column: 'effort', type: 'numeric' },
  { field: 'deliveryConfidence', column: 'delivery_confidence', type: 'text' },
  { field: 'kpi', column: 'kpi', type: 'text' },
  { field: 'cadence', column: 'cadence', type: 'text' },
  { field: 'annualCost', column: 'annual_cost', type: 'numeric' },
  { field: 'assetType', column: 'asset_type', type: 'text' },
  { field: 'lifecycle', column: 'lifecycle', type: 'text' },
  { field: 'annualValue', column: 'annual_value', type: 'numeric' },
] as const satisfies readonly { field: keyof InterchangeNode; column: string; type: string }[];

export type NodeColumn = (typeof NODE_COLUMNS)[number];

import {
  ASSET_LIFECYCLES,
  KEY_RESULT_DIRECTIONS,
  checkField,
  KIND_FIELDS,
  NODE_FIELD_RULES,
  NODE_HEALTHS,
  nodeDefaults,
  NODE_STATUSES,
  RAG_RATINGS,
  type KindField,
  type NodeKind,
  type NodeRecord,
} from '@throughline/domain';
import type { NodeFields } from '../../../api/nodes.queries';

export type FieldName =
  | 'title'
  | 'key'
  | 'description'
  | 'owner'
  | 'businessUnitId'
  | 'status'
  | 'health'
  | 'startDate'
  | 'endDate'
  | 'tags'
  | KindField;

export interface FieldSpec {
  name: FieldName;
  label: string;
  input: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'unit';
  options?: readonly string[];
  min?: number;
  max?: number;
  step?: number;
  hint?: string;
  /** An amount of money: shown in the organisation's currency wherever it is read (history, read-only fields). */
  money?: true;
}

/** Form values are the inputs' strings; `toNodeFields` turns them into the API's types. */
export type FormValues = Partial<Record<FieldName, string>>;

export const COMMON_FIELDS: FieldSpec[] = [
  { name: 'title', label: 'Title', input: 'text' },
  { name: 'key', label: 'Key', input: 'text', hint: 'Leave empty for the next free key (e.g. PRJ-31)' },
  { name: 'owner', label: 'Owner', input: 'text', hint: 'The one accountable person' },
  { name: 'businessUnitId', label: 'Business unit', input: 'unit' },
  { name: 'status', label: 'Status', input: 'select', options: NODE_STATUSES },
  { name: 'health', label: 'Health', input: 'select', options: NODE_HEALTHS },
  { name: 'startDate', label: 'Start', input: 'date' },
  { name: 'endDate', label: 'End', input: 'date' },
  { name: 'tags', label: 'Tags', input: 'text', hint: 'Comma-separated' },
  { name: 'description', label: 'Description', input: 'textarea' },
];

export const KIND_FIELD_SPECS: Record<KindField, FieldSpec> = {
  priority: { name: 'priority', label: 'Priority', input: 'number', step: 1, hint: '1 = highest' },
  targetDate: { name: 'targetDate', label: 'Target date', input: 'date' },
  unit: { name: 'unit', label: 'Unit', input: 'text', hint: 'e.g. %, £m, customers' },
  baseline: { name: 'baseline', label: 'Baseline', input: 'number' },
  target: { name: 'target', label: 'Target', input: 'number' },
  current: { name: 'current', label: 'Current', input: 'number', hint: 'A check-in updates this' },
  direction: { name: 'direction', label: 'Direction', input: 'select', options: KEY_RESULT_DIRECTIONS },
  confidence: { name: 'confidence', label: 'Confidence', input: 'number', step: 0.05, hint: '0–1' },
  budget: { name: 'budget', label: 'Budget', input: 'number', money: true },
  stage: { name: 'stage', label: 'Stage', input: 'text' },
  effort: { name: 'effort', label: 'Effort (person-days)', input: 'number' },
  deliveryConfidence: {
    name: 'deliveryConfidence',
    label: 'Delivery confidence',
    input: 'select',
    options: RAG_RATINGS,
  },
  kpi: { name: 'kpi', label: 'KPI', input: 'text' },
  cadence: { name: 'cadence', label: 'Cadence', input: 'text', hint: 'e.g. monthly' },
  annualCost: { name: 'annualCost', label: 'Annual cost', input: 'number', money: true },
  assetType: { name: 'assetType', label: 'Asset type', input: 'text', hint: 'product, platform, data, brand, site…' },
  lifecycle: { name: 'lifecycle', label: 'Lifecycle', input: 'select', options: ASSET_LIFECYCLES },
  annualValue: { name: 'annualValue', label: 'Annual value', input: 'number', money: true },
};

// Limits come from libs/domain's NODE_FIELD_RULES, the table the API and import check against.
for (const spec of Object.values(KIND_FIELD_SPECS)) {
  const rule = NODE_FIELD_RULES[spec.name as KindField];
  if (rule.type === 'number' || rule.type === 'integer') Object.assign(spec, { min: rule.min, max: rule.max });
}

export function kindFieldSpecs(kind: NodeKind): FieldSpec[] {
  return KIND_FIELDS[kind].map((f) => KIND_FIELD_SPECS[f]);
}

const NUMBER_FIELDS = new Set<FieldName>(
  Object.values(KIND_FIELD_SPECS)
    .filter((s) => s.input === 'number')
    .map((s) => s.name),
);

/** What a new node's form starts with: the domain's defaults. */
export function newNodeValues(kind: NodeKind): FormValues {
  const { status, health, direction } = nodeDefaults(kind);
  return { status, health, ...(direction ? { direction } : {}) };
}

export function toFormValues(node: NodeRecord): FormValues {
  const values: FormValues = {};
  for (const spec of [...COMMON_FIELDS, ...kindFieldSpecs(node.kind)]) {
    const value = node[spec.name as keyof NodeRecord];
    values[spec.name] = Array.isArray(value)
      ? value.join(', ')
      : value === null || value === undefined
        ? ''
        : String(value);
  }
  return values;
}

/** The typed fields of a form, for `kind`. Empty inputs become null (cleared), except the title. */
export function toNodeFields(kind: NodeKind, values: FormValues, only?: readonly FieldName[]): NodeFields {
  const fields: Record<string, unknown> = {};
  const names = [...COMMON_FIELDS, ...kindFieldSpecs(kind)].map((s) => s.name).filter((n) => !only || only.includes(n));
  for (const name of names) {
    const raw = (values[name] ?? '').trim();
    if (name === 'tags')
      fields.tags = raw
        ? raw
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
        : [];
    else if (name === 'title' || name === 'description') fields[name] = raw;
    else if (name === 'key') {
      if (raw) fields.key = raw;
    } else if (name === 'status' || name === 'health') {
      if (raw) fields[name] = raw;
    } else if (NUMBER_FIELDS.has(name)) fields[name] = raw === '' ? null : Number(raw);
    else fields[name] = raw === '' ? null : raw;
  }
  return fields;
}

/** The fields whose input differs from `base`: what a save sends, and what a conflict compares. */
export function changedFields(base: FormValues, values: FormValues): FieldName[] {
  const names = new Set([...Object.keys(base), ...Object.keys(values)] as FieldName[]);
  return [...names].filter((n) => (base[n] ?? '').trim() !== (values[n] ?? '').trim());
}

/**
 * Problems a person can fix before asking the API: a title, a measurable key result, numbers
 * that are numbers, and every other limit of NODE_FIELD_RULES (lengths, decimals, ranges).
 */
export function validateForm(kind: NodeKind, values: FormValues): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  if (!(values.title ?? '').trim()) errors.title = 'A title is needed';
  if (kind === 'key_result' && !(values.target ?? '').trim()) errors.target = 'A key result needs a target';
  if (kind === 'key_result' && !(values.direction ?? '').trim()) errors.direction = 'Increase or decrease?';
  for (const spec of kindFieldSpecs(kind)) {
    const raw = (values[spec.name] ?? '').trim();
    if (spec.input !== 'number' || raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n)) errors[spec.name] = 'Not a number';
    else if (spec.min !== undefined && n < spec.min) errors[spec.name] = `At least ${spec.min}`;
    else if (spec.max !== undefined && n > spec.max) errors[spec.name] = `At most ${spec.max}`;
  }
  const typed = toNodeFields(kind, values) as Record<string, unknown>;
  for (const name of Object.keys(typed) as FieldName[]) {
    const rule = name in NODE_FIELD_RULES ? NODE_FIELD_RULES[name as keyof typeof NODE_FIELD_RULES] : undefined;
    const problem = rule && !errors[name] ? checkField(rule, typed[name]) : undefined;
    if (problem && !(name === 'title' && errors.title)) errors[name] = sentence(problem);
  }
  const start = values.startDate ?? '';
  const end = values.endDate ?? '';
  if (start && end && end < start) errors.endDate = 'Ends before it starts';
  return errors;
}

/** "must be text of 0–30 characters or null" → "Must be text of 0–30 characters". */
function sentence(problem: string): string {
  const text = problem.replace(/ or null$/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

import type { RaidStatus, RaidType } from '@throughline/domain';
import { STATUS_LABELS, TYPE_LABELS } from '../raid/labels';

export const ENTITY_LABELS: Record<string, string> = {
  node: 'Node',
  link: 'Link',
  business_unit: 'Business unit',
  check_in: 'Check-in',
  waiver: 'Waiver',
  membership: 'Member',
  invite: 'Invitation',
  organisation: 'Organisation',
  raid_item: 'RAID item',
  okr_cycle: 'OKR cycle',
};

/** What the entry is about, in words: a RAID item by its type ("Risk", "Decision"), else the entity's label. */
export function entityLabel(entry: { entityType: string; before: unknown; after: unknown }): string {
  if (entry.entityType === 'raid_item') {
    const type = ((entry.after ?? entry.before ?? {}) as { type?: unknown }).type;
    if (typeof type === 'string' && type in TYPE_LABELS) return TYPE_LABELS[type as RaidType];
  }
  return ENTITY_LABELS[entry.entityType] ?? entry.entityType;
}

export const ACTION_LABELS: Record<string, string> = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
};

/** Bookkeeping every change moves; listing it would hide what the person actually changed. */
const BOOKKEEPING = new Set(['version', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy']);

/**
 * The entity's name for people: a node or unit by its key and title or name, a member by its name,
 * an invitation by its email, a link by its kind
 * and state, a check-in by its value and day (written by `day`); else a short id.
 */
export function entityName(
  entry: { entityId: string; before: unknown; after: unknown },
  /** How a day is written (the organisation's locale); the API's ISO day when not given. */
  day: (iso: string) => string = (iso) => iso.slice(0, 10),
): string {
  const snap = (entry.after ?? entry.before ?? {}) as Record<string, unknown>;
  const text = (name: string) => {
    const value = snap[name];
    return typeof value === 'string' ? value : undefined;
  };
  const key = text('key');
  const title = text('title') ?? text('name') ?? text('email');
  if (key && title) return `${key} — ${title}`;
  const either = key ?? title;
  if (either) return either;
  const kind = text('kind');
  if (kind && 'fromId' in snap) return `${kind.replace(/_/g, ' ')}${text('state') ? ` (${text('state')})` : ''}`;
  const at = text('at');
  if ('value' in snap && at) return `${show(snap.value)} on ${day(at)}`;
  return entry.entityId.slice(0, 8);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** A RAID item's fields in words (its other fields keep their names). */
const RAID_FIELD_WORDS: Record<string, string> = {
  type: 'Type',
  title: 'Title',
  description: 'Description',
  owner: 'Owner',
  status: 'Status',
  dueDate: 'Due',
  likelihood: 'Likelihood',
  impact: 'Impact',
  decidedOn: 'Decided on',
  decidedBy: 'Decided by',
  attachments: 'About',
};

/** A RAID item's value in words: statuses and types by their labels, attachments by what they were attached to. */
function raidValue(field: string, value: unknown): unknown {
  if (field === 'status' && typeof value === 'string') return STATUS_LABELS[value as RaidStatus] ?? value;
  if (field === 'type' && typeof value === 'string') return TYPE_LABELS[value as RaidType] ?? value;
  if (field === 'attachments' && Array.isArray(value)) {
    const labels = value.map((a) => (a as { label?: unknown }).label).filter((l) => typeof l === 'string');
    return labels.length ? labels.join('; ') : 'nothing';
  }
  return value;
}

/** An update's changed fields as "field: before → after"; bookkeeping fields left out. */
export function changedFields(was: unknown, now: unknown, entityType?: string): string[] {
  if (!was || !now || typeof was !== 'object' || typeof now !== 'object') return [];
  if (entityType === 'raid_item') {
    const before = was as Record<string, unknown>;
    const after = now as Record<string, unknown>;
    return Object.keys(RAID_FIELD_WORDS)
      .filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]))
      .map(
        (name) =>
          `${RAID_FIELD_WORDS[name]}: ${show(raidValue(name, before[name]))} → ${show(raidValue(name, after[name]))}`,
      );
  }
  const before = was as Record<string, unknown>;
  const after = now as Record<string, unknown>;
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => !BOOKKEEPING.has(name) && JSON.stringify(before[name]) !== JSON.stringify(after[name]))
    .map((name) => `${name}: ${show(before[name])} → ${show(after[name])}`);
}

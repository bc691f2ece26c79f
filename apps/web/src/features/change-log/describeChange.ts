export const ENTITY_LABELS: Record<string, string> = {
  node: 'Node',
  link: 'Link',
  business_unit: 'Business unit',
  check_in: 'Check-in',
  waiver: 'Waiver',
  membership: 'Member',
  invite: 'Invitation',
  organisation: 'Organisation',
};

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
 * and state, a check-in by its value and day; else a short id.
 */
export function entityName(entry: { entityId: string; before: unknown; after: unknown }): string {
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
  if ('value' in snap && at) return `${show(snap.value)} on ${at.slice(0, 10)}`;
  return entry.entityId.slice(0, 8);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}

/** An update's changed fields as "field: before → after"; bookkeeping fields left out. */
export function changedFields(was: unknown, now: unknown): string[] {
  if (!was || !now || typeof was !== 'object' || typeof now !== 'object') return [];
  const before = was as Record<string, unknown>;
  const after = now as Record<string, unknown>;
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((name) => !BOOKKEEPING.has(name) && JSON.stringify(before[name]) !== JSON.stringify(after[name]))
    .map((name) => `${name}: ${show(before[name])} → ${show(after[name])}`);
}

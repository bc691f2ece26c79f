import type { ChangeLogEntry, GraphNode } from '@throughline/domain';
import { LINK_KIND_LABELS, type LinkKind } from '@throughline/domain';
import type { ReactNode } from 'react';
import type { Format } from '../../../ui/format';
import { COMMON_FIELDS, KIND_FIELD_SPECS } from './nodeForm';
import { NodeName } from './NodeName';

/** Bookkeeping fields every change touches: never worth a line of history. */
const IGNORED = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'checkIns',
  'restoredFrom',
]);
const LABELS: Record<string, string> = {
  ...Object.fromEntries([...COMMON_FIELDS, ...Object.values(KIND_FIELD_SPECS)].map((f) => [f.name, f.label])),
  weight: 'Weight',
  rationale: 'Note',
  state: 'State',
};
const DATES = new Set(['startDate', 'endDate', 'targetDate', 'expiresOn', 'at']);
const MONEY = new Set<string>(Object.values(KIND_FIELD_SPECS).flatMap((f) => (f.money ? [f.name] : [])));

interface Context {
  format: Format;
  units: ReadonlyMap<string, string>;
  drawn: ReadonlyMap<string, GraphNode>;
}

/** A field's value in words: dates and money in the organisation's formats, empty as a dash. */
export function valueInWords(field: string, value: unknown, ctx: Pick<Context, 'format' | 'units'>): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (DATES.has(field) && typeof value === 'string') return ctx.format.date(value);
  if (MONEY.has(field) && (typeof value === 'number' || typeof value === 'string')) return ctx.format.money(value);
  if (field === 'businessUnitId' && typeof value === 'string') return ctx.units.get(value) ?? 'another unit';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'string')
    return field === 'status' || field === 'health' ? value.replace('_', ' ') : `“${value}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** What an update changed: "Owner — → “Ann”; Budget £1,000 → £2,000". */
export function changesInWords(before: object, after: object, ctx: Pick<Context, 'format' | 'units'>): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys({ ...b, ...a })
    .filter((k) => !IGNORED.has(k) && !k.startsWith('decided') && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => `${LABELS[k] ?? k} ${valueInWords(k, b[k], ctx)} → ${valueInWords(k, a[k], ctx)}`);
}

interface LinkImage {
  fromId: string;
  toId: string;
  kind: LinkKind;
  state?: string;
}

/** One change-log entry in words, for a PMO: who did what, with old → new values. */
export function describeEntry(entry: ChangeLogEntry, ctx: Context): ReactNode {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const image = (entry.action === 'delete' ? before : after) as unknown as LinkImage;
  switch (entry.entityType) {
    case 'node': {
      if (entry.action === 'create') return after.restoredFrom ? 'restored it (an undone delete)' : 'created it';
      if (entry.action === 'delete') return 'deleted it';
      const changes = changesInWords(before, after, ctx);
      return changes.length ? `changed ${changes.join('; ')}` : 'saved it unchanged';
    }
    case 'link': {
      const link = (
        <>
          <NodeName id={image.fromId} drawn={ctx.drawn} /> {LINK_KIND_LABELS[image.kind]}{' '}
          <NodeName id={image.toId} drawn={ctx.drawn} />
        </>
      );
      if (entry.action === 'create')
        return (
          <>
            {image.state === 'proposed' ? 'proposed' : 'made'} the link {link}
          </>
        );
      if (entry.action === 'delete') return <>removed the link {link}</>;
      if (before.state === 'proposed' && after.state !== 'proposed')
        return (
          <>
            {after.state === 'approved' ? 'approved' : 'rejected'} the link {link}
          </>
        );
      const changes = changesInWords(before, after, ctx).filter((c) => !c.startsWith('State'));
      return (
        <>
          changed the link {link}
          {changes.length ? `: ${changes.join('; ')}` : ''}
        </>
      );
    }
    case 'check_in': {
      const value = valueInWords('value', (image as unknown as { value: unknown }).value, ctx);
      const at = valueInWords('at', (image as unknown as { at: unknown }).at, ctx);
      return entry.action === 'delete' ? `removed the check-in of ${value} on ${at}` : `checked in ${value} on ${at}`;
    }
    case 'waiver': {
      if (entry.action === 'delete') return 'unwaived a finding (it is open again)';
      return `waived a finding until ${valueInWords('expiresOn', after.expiresOn, ctx)}: ${valueInWords('reason', after.reason, ctx)}`;
    }
    case 'raid_item': {
      // A RAID item attached to this node (its entries are also in the node's history).
      const item = (entry.action === 'delete' ? before : after) as { type?: string; title?: string };
      const what = `the ${item.type ?? 'RAID item'} “${item.title ?? ''}”`;
      if (entry.action === 'create') return `logged ${what}`;
      if (entry.action === 'delete') return `deleted ${what}`;
      const changes = changesInWords(before, after, ctx);
      return `changed ${what}${changes.length ? `: ${changes.join('; ')}` : ''}`;
    }
    case 'okr_cycle': {
      const cycle = (entry.action === 'delete' ? before : after) as { name?: string };
      return `${entry.action}d the OKR cycle “${cycle.name ?? ''}”`;
    }
    case 'business_unit':
    case 'membership':
    case 'invite':
    case 'organisation':
      return `${entry.action}d a ${entry.entityType.replace('_', ' ')}`;
  }
}

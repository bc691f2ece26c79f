import type {
  InterchangeDocument,
  InterchangeRaidAttachment,
  InterchangeRaidItem,
  InterchangeWaiver,
} from '../interchange.js';
import { RAID_FIELDS, type RaidValues } from '../raid/raid.js';
import { diffSection, type SectionDiff } from '../spreadsheet/interchange-diff.js';

// The dry run of the interchange's governance sections (issue 13): what importing the OKR cycles, waivers and RAID
// items would create and change, under the import's own matching and defaults.

/** What the organisation holds of the governance entries a document names, in the document's terms. */
export interface StoredGovernance {
  /** By cycle name. */
  okrCycles: ReadonlyMap<string, { startsOn: string; endsOn: string }>;
  /** By `waiverIdentity`: the waiver of the same finding. */
  waivers: ReadonlyMap<string, { path: string[]; reason: string; expiresOn: string }>;
  /** By `raidIdentity`: the oldest item of that type and title, its attachments by `raidAttachmentIdentity`. */
  raid: ReadonlyMap<string, RaidValues & { attachments: string[] }>;
}

export interface GovernanceDiff {
  okrCycles?: SectionDiff;
  waivers?: SectionDiff;
  raid?: SectionDiff;
}

/** A waiver's finding in the document's terms: its rule, its nodes in order, and a dangling proposal's link kind. */
export function waiverIdentity(w: Pick<InterchangeWaiver, 'rule' | 'nodes' | 'linkKind'>): string {
  return `${w.rule}: ${w.nodes.join(', ')}${w.linkKind ? ` (${w.linkKind.replace(/_/g, ' ')})` : ''}`;
}

/** A RAID item's identity, as the import matches it: its type and trimmed title. */
export function raidIdentity(item: { type: string; title: string }): string {
  return `${item.type}: ${item.title.trim()}`;
}

/**
 * An attachment as the document names it: a node's key, a link by its ends and kind (as its label reads), or a
 * detached one's label. Keys hold no spaces, so the three never read alike.
 */
export function raidAttachmentIdentity(a: InterchangeRaidAttachment): string {
  if ('node' in a) return a.node;
  if ('link' in a) return `${a.link.from} → ${a.link.to} (${a.link.kind.replace(/_/g, ' ')})`;
  return `${a.detached} (deleted)`;
}

/**
 * A document's RAID item as the import writes it: every field, an omitted one at the RAID log's default (an item is
 * replaced whole, unlike a node, whose omitted fields keep their values).
 */
export function raidValuesOf(item: InterchangeRaidItem): RaidValues {
  return {
    type: item.type,
    title: item.title.trim(),
    description: item.description ?? '',
    owner: item.owner ?? null,
    status: item.status ?? 'open',
    dueDate: item.dueDate ?? null,
    likelihood: item.likelihood ?? null,
    impact: item.impact ?? null,
    decidedOn: item.decidedOn ?? null,
    decidedBy: item.decidedBy ?? null,
  };
}

/**
 * What importing the document's governance sections would do: cycles matched by name (their days changed), waivers by
 * finding (reason, last day and path replaced), RAID items by type and title (every field and the attachments
 * replaced). A section the document does not have is left out, as the import leaves it out of its counts. Pure.
 */
export function diffGovernance(doc: InterchangeDocument, stored: StoredGovernance): GovernanceDiff {
  const diff: GovernanceDiff = {};
  if (doc.okrCycles) {
    diff.okrCycles = diffSection(
      doc.okrCycles.map((c) => ({
        key: c.name,
        before: stored.okrCycles.get(c.name),
        after: { startsOn: c.startsOn, endsOn: c.endsOn },
      })),
    );
  }
  if (doc.waivers) {
    diff.waivers = diffSection(
      doc.waivers.map((w) => ({
        key: waiverIdentity(w),
        before: stored.waivers.get(waiverIdentity(w)),
        after: { path: w.path, reason: w.reason, expiresOn: w.expiresOn },
      })),
    );
  }
  if (doc.raid) {
    diff.raid = diffSection(
      doc.raid.map((item) => {
        const values: Record<string, unknown> = raidValuesOf(item);
        const after: Record<string, unknown> = {};
        for (const field of RAID_FIELDS) if (field !== 'type' && field !== 'title') after[field] = values[field];
        after.attachments = (item.attachments ?? []).map(raidAttachmentIdentity).sort();
        const before = stored.raid.get(raidIdentity(item));
        return {
          key: raidIdentity(item),
          before: before && { ...before, attachments: [...before.attachments].sort() },
          after,
        };
      }),
    );
  }
  return diff;
}

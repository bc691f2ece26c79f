import { Injectable } from '@nestjs/common';
import {
  findingId,
  RAID_FIELDS,
  raidAttachmentIdentity,
  raidIdentity,
  raidValuesOf,
  type InterchangeRaidItem,
  type InterchangeWaiver,
  type RaidValues,
} from '@throughline/domain';
import { ChangeLogRepository, type ChangeToRecord } from '../change-log/change-log.repository.js';
import {
  PortfolioGovernanceRepository,
  type CycleInputRow,
  type StoredRaidItem,
} from './portfolio-governance.repository.js';
import { RaidRepository, type RaidAttachmentRow } from '../raid/raid.repository.js';
import type { Upserted } from './portfolio.repository.js';

interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * The import of the interchange's governance sections (issue 13), in PortfolioService's transaction: OKR cycles
 * (before the nodes, which name them) and key results' cycles, then waivers and RAID items (after the nodes and
 * links they refer to).
 */
@Injectable()
export class PortfolioGovernanceImport {
  constructor(
    private readonly repository: PortfolioGovernanceRepository,
    private readonly raidLog: RaidRepository,
    private readonly changeLog: ChangeLogRepository,
  ) {}

  cycleNames(): Promise<string[]> {
    return this.repository.cycleNames();
  }

  linkKeys(): Promise<string[]> {
    return this.repository.linkKeys();
  }

  upsertCycles(rows: CycleInputRow[]): Promise<Upserted> {
    return this.repository.upsertCycles(rows);
  }

  setCycles(rows: { key: string; cycle: string | null }[]): Promise<number> {
    return this.repository.setCycles(rows);
  }

  /** Waivers by their finding, its id computed from this organisation's node ids (the validation found every key). */
  async importWaivers(waivers: InterchangeWaiver[]): Promise<Upserted> {
    const ids = await this.repository.nodeIds([...new Set(waivers.flatMap((w) => w.nodes))]);
    return this.repository.upsertWaivers(
      waivers.map((w) => {
        const nodeIds = w.nodes.map((key) => ids.get(key)!.id);
        return {
          finding_id: findingId(w.rule, nodeIds, w.linkKind ?? ''),
          rule: w.rule,
          node_ids: nodeIds,
          path: w.path,
          reason: w.reason,
          expires_on: w.expiresOn,
        };
      }),
    );
  }

  /**
   * RAID items, matched by type and title: a new one is created, a known one changed when a field or its attachments
   * differ (the attachments are replaced, as a PATCH with attachments does). The nodes, the links and the stored items
   * are read in one statement each for the whole section; only the items that change are written, one at a time
   * through the RAID log's own write.
   */
  async importRaid(items: InterchangeRaidItem[]): Promise<ImportCounts> {
    const attached = items.flatMap((i) => i.attachments ?? []);
    const nodes = await this.repository.nodeIds([...new Set(attached.flatMap((a) => ('node' in a ? [a.node] : [])))]);
    const ends = new Map(attached.flatMap((a) => ('link' in a ? [[endsKey(a.link), a.link] as const] : [])));
    const links = await this.repository.linkIdsByEnds([...ends.values()]);
    const wanted = items.map((item) => ({
      values: raidValuesOf(item),
      attachments: (item.attachments ?? []).map((a): RaidAttachmentRow => {
        if ('node' in a) {
          const node = nodes.get(a.node)!;
          return { nodeId: node.id, linkId: null, label: `${a.node} ${node.title}` };
        }
        if ('link' in a) return { nodeId: null, linkId: links.get(endsKey(a.link))!, label: raidAttachmentIdentity(a) };
        return { nodeId: null, linkId: null, label: a.detached };
      }),
    }));
    const stored = new Map(
      (await this.repository.raidItems(wanted.map((w) => w.values))).map((r) => [raidIdentity(r), r]),
    );
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const changes: ChangeToRecord[] = [];
    for (const { values, attachments } of wanted) {
      const before = stored.get(raidIdentity(values));
      if (before && sameRaid(before, values, attachments)) {
        counts.unchanged++;
        continue;
      }
      // Inside the import's transaction; no version given, so an update cannot be stale.
      const id = (await this.raidLog.save(before?.id ?? null, values, attachments))!;
      if (before) counts.updated++;
      else counts.created++;
      const nodeIds = [...new Set(attachments.flatMap((a) => (a.nodeId ? [a.nodeId] : [])))];
      changes.push({
        action: before ? 'update' : 'create',
        entityType: 'raid_item',
        entityId: id,
        nodeIds,
        before: before ?? null,
        after: { id, ...values, attachments },
      });
    }
    await this.changeLog.append(changes);
    return counts;
  }
}

/** A link's ends and kind as one string (the repository's key for the links it finds). */
function endsKey(link: { from: string; to: string; kind: string }): string {
  return `${link.from}\u0000${link.to}\u0000${link.kind}`;
}

/** Whether the document has a RAID section (the only one that needs the organisation's links by their ends). */
export function hasRaid(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'raid' in input;
}

/** A stored RAID item against the document's: the same fields and the same attachments (by node, link or label). */
function sameRaid(stored: StoredRaidItem, values: RaidValues, attachments: RaidAttachmentRow[]): boolean {
  if (RAID_FIELDS.some((f) => (stored[f] ?? null) !== (values[f] ?? null))) return false;
  const identity = (a: RaidAttachmentRow) => a.nodeId ?? a.linkId ?? `label:${a.label}`;
  const a = stored.attachments.map(identity).sort();
  const b = attachments.map(identity).sort();
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

import { Injectable } from '@nestjs/common';
import { findingId, type InterchangeRaidItem, type InterchangeWaiver } from '@throughline/domain';
import { ChangeLogRepository, type ChangeToRecord } from '../change-log/change-log.repository.js';
import {
  PortfolioGovernanceRepository,
  type CycleInputRow,
  type StoredRaidItem,
} from './portfolio-governance.repository.js';
import { RaidRepository, type RaidAttachmentRow, type RaidValues } from '../raid/raid.repository.js';
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
   * differ (the attachments are replaced, as a PATCH with attachments does). Few per organisation: one at a time.
   */
  async importRaid(items: InterchangeRaidItem[]): Promise<ImportCounts> {
    const keys = items.flatMap((i) => (i.attachments ?? []).flatMap((a) => ('node' in a ? [a.node] : [])));
    const nodes = await this.repository.nodeIds([...new Set(keys)]);
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const changes: ChangeToRecord[] = [];
    for (const item of items) {
      const values: RaidValues = {
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
      const attachments: RaidAttachmentRow[] = [];
      for (const a of item.attachments ?? []) {
        if ('node' in a) {
          const node = nodes.get(a.node)!;
          attachments.push({ nodeId: node.id, linkId: null, label: `${a.node} ${node.title}` });
        } else if ('link' in a) {
          const linkId = await this.repository.linkId(a.link.from, a.link.to, a.link.kind);
          const label = `${a.link.from} → ${a.link.to} (${a.link.kind.replace(/_/g, ' ')})`;
          attachments.push({ nodeId: null, linkId: linkId!, label });
        } else attachments.push({ nodeId: null, linkId: null, label: a.detached });
      }
      const before = await this.repository.raidItem(values.type, values.title);
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

/** Whether the document has a RAID section (the only one that needs the organisation's links by their ends). */
export function hasRaid(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'raid' in input;
}

/** A stored RAID item against the document's: the same fields and the same attachments (by node, link or label). */
function sameRaid(stored: StoredRaidItem, values: RaidValues, attachments: RaidAttachmentRow[]): boolean {
  const fields = Object.keys(values) as (keyof RaidValues)[];
  if (fields.some((f) => (stored[f] ?? null) !== (values[f] ?? null))) return false;
  const identity = (a: RaidAttachmentRow) => a.nodeId ?? a.linkId ?? `label:${a.label}`;
  const a = stored.attachments.map(identity).sort();
  const b = attachments.map(identity).sort();
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

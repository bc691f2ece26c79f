import { Injectable } from '@nestjs/common';
import {
  isOverdue,
  isRedRisk,
  MAX_RAID_ATTACHMENTS,
  RED_RISK_SCORE,
  riskScore,
  type NodeKind,
  type RaidItem,
  type RaidValues,
} from '@throughline/domain';
import { decideLinkFrom, decideNodeWrite } from '../access/contributor-rules.js';
import { ChangeLogRepository } from '../change-log/change-log.repository.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { Clock } from '../topology/clock.js';
import type { CreateRaidItemDto, RaidAttachmentInput, RaidListQuery, UpdateRaidItemDto } from './dto/raid.dto.js';
import { RaidRepository, type AttachTarget, type RaidRow } from './raid.repository.js';

/**
 * The RAID log (docs/domain.md, "RAID log"). Everyone reads it; a pmo or admin writes any item; a contributor
 * writes items whose every attachment is its own units' work (or a link from it), as it may write that work.
 */
@Injectable()
export class RaidService {
  constructor(
    private readonly repository: RaidRepository,
    private readonly clock: Clock,
    private readonly changeLog: ChangeLogRepository,
  ) {}

  async list(query: RaidListQuery): Promise<RaidItem[]> {
    const today = this.today();
    const items = (await this.repository.list(query)).map((row) => toItem(row, today));
    return items.filter(
      (item) =>
        (query.overdue === undefined || item.overdue === (query.overdue === 'true')) &&
        (query.red === undefined || item.red === (query.red === 'true')) &&
        (query.detached === undefined || item.detached === (query.detached === 'true')),
    );
  }

  async get(id: string): Promise<RaidItem> {
    const row = await this.repository.find(id);
    if (!row) throw new DomainError('NOT_FOUND', `No RAID item ${id}.`);
    return toItem(row, this.today());
  }

  /** The item as a table: the list's filters, one row per item, for `GET /api/raid/export.csv`. */
  async table(query: RaidListQuery): Promise<{ header: string[]; rows: unknown[][] }> {
    return raidTable(await this.list(query));
  }

  async create(dto: CreateRaidItemDto): Promise<RaidItem> {
    const values = valuesOf(dto, null);
    return this.repository.transaction(async () => {
      const targets = await this.resolve(dto.attachments ?? []);
      this.assertMayWrite(targets);
      const id = await this.repository.save(null, values, targets);
      const after = await this.get(id!);
      await this.log('create', null, after);
      return after;
    });
  }

  async update(id: string, dto: UpdateRaidItemDto): Promise<RaidItem> {
    const saved = await this.repository.transaction(async () => {
      const current = await this.repository.find(id);
      if (!current) throw new DomainError('NOT_FOUND', `No RAID item ${id}.`);
      if (dto.version !== undefined && dto.version !== current.version) {
        throw new DomainError('VERSION_CONFLICT', 'The item changed since you read it.', { current: current.version });
      }
      // A contributor must be allowed the item as it is (its live attachments) and as it will be.
      const live = current.attachments.filter((a) => !a.detachedAt);
      this.assertMayWrite(
        await this.resolve(live.map((a) => (a.nodeId ? { nodeId: a.nodeId } : { linkId: a.linkId! }))),
      );
      const targets = dto.attachments ? await this.resolve(dto.attachments) : null;
      if (targets) this.assertMayWrite(targets);
      const before = toItem(current, this.today());
      if (!(await this.repository.save(id, valuesOf(dto, current), targets, current.version))) return null;
      const after = await this.get(id);
      await this.log('update', before, after);
      return after;
    });
    if (!saved) throw new DomainError('VERSION_CONFLICT', 'The item changed since you read it.');
    return saved;
  }

  async delete(id: string): Promise<void> {
    await this.repository.transaction(async () => {
      const current = await this.repository.find(id);
      if (!current || !(await this.repository.delete(id))) throw new DomainError('NOT_FOUND', `No RAID item ${id}.`);
      await this.log('delete', toItem(current, this.today()), null);
    });
  }

  /**
   * The change log's entry, in the write's transaction (docs/domain.md, "Change history"). It records the item as
   * stored — not what is derived from the day it is read (red, overdue) — and names the nodes it is attached to, so
   * each node's history shows the risks raised about it.
   */
  private log(action: 'create' | 'update' | 'delete', before: RaidItem | null, after: RaidItem | null) {
    const item = (after ?? before)!;
    const nodeIds = new Set(
      [...(before?.attachments ?? []), ...(after?.attachments ?? [])].flatMap((a) => (a.nodeId ? [a.nodeId] : [])),
    );
    return this.changeLog.append([
      {
        action,
        entityType: 'raid_item',
        entityId: item.id,
        nodeIds: [...nodeIds],
        before: before && stored(before),
        after: after && stored(after),
      },
    ]);
  }

  redRisksByNode() {
    return this.repository.redRisksByNode(RED_RISK_SCORE);
  }

  private async resolve(inputs: RaidAttachmentInput[]): Promise<AttachTarget[]> {
    if (inputs.length > MAX_RAID_ATTACHMENTS) {
      throw new DomainError('INVALID_FIELD', `At most ${MAX_RAID_ATTACHMENTS} attachments.`, [
        { field: 'attachments', problems: [`at most ${MAX_RAID_ATTACHMENTS}`] },
      ]);
    }
    if (inputs.some((a) => !a.nodeId === !a.linkId)) {
      throw new DomainError('INVALID_FIELD', 'Each attachment names a nodeId or a linkId, not both.', [
        { field: 'attachments', problems: ['each names exactly one of nodeId, linkId'] },
      ]);
    }
    const nodeIds = [...new Set(inputs.flatMap((a) => (a.nodeId ? [a.nodeId] : [])))];
    const linkIds = [...new Set(inputs.flatMap((a) => (a.linkId ? [a.linkId] : [])))];
    const targets = await this.repository.targets(nodeIds, linkIds);
    const found = new Set(targets.map((t) => t.nodeId ?? t.linkId));
    const missing = [...nodeIds, ...linkIds].filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new DomainError('INVALID_FIELD', `No node or link ${missing.join(', ')} in this organisation.`, [
        { field: 'attachments', problems: missing.map((id) => `no node or link ${id}`) },
      ]);
    }
    return targets;
  }

  private assertMayWrite(targets: AttachTarget[]): void {
    const principal = requestContext.principal();
    if (principal?.role !== 'contributor') return;
    if (targets.length === 0) {
      throw new DomainError('FORBIDDEN', 'A contributor attaches its RAID items to its own units’ work or links.');
    }
    for (const t of targets) {
      const ref = { kind: t.kind as NodeKind, key: t.key, businessUnitId: t.businessUnitId };
      const reason = t.nodeId ? decideNodeWrite(principal, ref) : decideLinkFrom(principal, ref);
      if (reason) throw new DomainError('FORBIDDEN', reason);
    }
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }
}

/** The values to write: the DTO's fields over the current item's (PATCH), with the per-type rules enforced. */
function valuesOf(dto: Partial<CreateRaidItemDto>, current: RaidRow | null): RaidValues {
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const type = pick(dto.type, current?.type ?? 'risk');
  const values: RaidValues = {
    type,
    title: pick(dto.title, current?.title ?? '').trim(),
    description: pick(dto.description, current?.description ?? ''),
    owner: pick(dto.owner, current?.owner ?? null),
    status: pick(dto.status, current?.status ?? 'open'),
    dueDate: pick(dto.dueDate, current?.due_date ?? null),
    likelihood: pick(dto.likelihood, current?.likelihood ?? null),
    impact: pick(dto.impact, current?.impact ?? null),
    decidedOn: pick(dto.decidedOn, current?.decided_on ?? null),
    decidedBy: pick(dto.decidedBy, current?.decided_by ?? null),
  };
  const problems: { field: string; problems: string[] }[] = [];
  if (!values.title) problems.push({ field: 'title', problems: ['must not be blank'] });
  if (type === 'risk') {
    if (values.likelihood === null) problems.push({ field: 'likelihood', problems: ['a risk needs a likelihood 1–5'] });
    if (values.impact === null) problems.push({ field: 'impact', problems: ['a risk needs an impact 1–5'] });
  } else {
    for (const field of ['likelihood', 'impact'] as const) {
      if (dto[field] !== undefined && dto[field] !== null)
        problems.push({ field, problems: ['only a risk is scored'] });
    }
    // Scores belong to risks: changing a risk into something else drops them.
    values.likelihood = null;
    values.impact = null;
  }
  if (type !== 'decision') {
    for (const field of ['decidedOn', 'decidedBy'] as const) {
      if (dto[field] !== undefined && dto[field] !== null)
        problems.push({ field, problems: ['only a decision is decided'] });
    }
    values.decidedOn = null;
    values.decidedBy = null;
  }
  if (problems.length > 0) throw new DomainError('INVALID_FIELD', 'The RAID item is not valid.', problems);
  return values;
}

/** A RAID item as the change log keeps it: its stored fields, attachments by label. */
function stored(item: RaidItem) {
  const { score: _score, red: _red, overdue: _overdue, detached: _detached, ...fields } = item;
  return { ...fields, attachments: item.attachments.map(({ nodeId, linkId, label }) => ({ nodeId, linkId, label })) };
}

/**
 * The RAID log as a table (`GET /api/raid/export.csv`): the columns a PMO reads, attachments by what they were
 * attached to. Cells are escaped against formulas by the CSV writer (libs/domain toCsv).
 */
export function raidTable(items: RaidItem[]): { header: string[]; rows: unknown[][] } {
  return {
    header: [
      'type',
      'title',
      'description',
      'owner',
      'status',
      'dueDate',
      'likelihood',
      'impact',
      'score',
      'red',
      'overdue',
      'decidedOn',
      'decidedBy',
      'attachedTo',
      'detached',
      'createdBy',
      'createdAt',
      'updatedBy',
      'updatedAt',
    ],
    rows: items.map((i) => [
      i.type,
      i.title,
      i.description,
      i.owner,
      i.status,
      i.dueDate,
      i.likelihood,
      i.impact,
      i.score,
      i.red ? 'yes' : 'no',
      i.overdue ? 'yes' : 'no',
      i.decidedOn,
      i.decidedBy,
      i.attachments.map((a) => (a.detachedAt ? `${a.label} (deleted)` : a.label)).join('; '),
      i.detached ? 'yes' : 'no',
      i.createdBy,
      i.createdAt,
      i.updatedBy,
      i.updatedAt,
    ]),
  };
}

function toItem(row: RaidRow, today: string): RaidItem {
  const item = {
    type: row.type,
    status: row.status,
    likelihood: row.likelihood,
    impact: row.impact,
    dueDate: row.due_date,
  };
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    description: row.description,
    owner: row.owner,
    status: row.status,
    dueDate: row.due_date,
    likelihood: row.likelihood,
    impact: row.impact,
    score: riskScore(item),
    red: isRedRisk(item),
    overdue: isOverdue(item, today),
    decidedOn: row.decided_on,
    decidedBy: row.decided_by,
    attachments: row.attachments,
    detached: row.attachments.some((a) => a.detachedAt !== null),
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}

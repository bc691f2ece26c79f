import { Injectable } from '@nestjs/common';
import {
  ALL_KIND_FIELDS,
  EDITABLE_NODE_FIELDS,
  KEY_PREFIXES,
  KIND_FIELDS,
  kindWithArticle,
  nodeDefaults,
  nodeFieldProblems,
  type ChangeLogEntry,
  type KindField,
  type NodeKind,
  type NodeRecord,
} from '@throughline/domain';
import { assertMayWriteNode } from '../access/contributor-rules.js';
import { BusinessUnitsRepository } from '../business-units/business-units.repository.js';
import { ChangeLogRepository } from '../change-log/change-log.repository.js';
import { CheckInsRepository } from '../check-ins/check-ins.repository.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import { LinksRepository } from '../links/links.repository.js';
import { OkrCyclesRepository } from '../okr-cycles/okr-cycles.repository.js';
import type { CreateNodeDto } from './dto/create-node.dto.js';
import type { ListNodesQuery } from './dto/list-nodes.query.js';
import type { UpdateNodeDto } from './dto/update-node.dto.js';
import { decodeCursor, NodesRepository, type NodePage, type NodeValues } from './nodes.repository.js';

/** Fields a PATCH may change (everything but the kind, which links and check-ins depend on). */
const EDITABLE = [
  ...EDITABLE_NODE_FIELDS,
  ...ALL_KIND_FIELDS,
  'cycleId',
] as const satisfies readonly (keyof NodeValues)[];

const NEEDS_DIRECTION = { field: 'direction', message: 'a key result needs a direction' };

@Injectable()
export class NodesService {
  constructor(
    private readonly db: Db,
    private readonly nodes: NodesRepository,
    private readonly links: LinksRepository,
    private readonly checkIns: CheckInsRepository,
    private readonly units: BusinessUnitsRepository,
    private readonly changeLog: ChangeLogRepository,
    private readonly cycles: OkrCyclesRepository,
  ) {}

  list(query: ListNodesQuery): Promise<NodePage> {
    const cursor = query.cursor ? decodeCursor(query.cursor, query.sort ?? 'key') : undefined;
    return this.nodes.list(query, cursor);
  }

  async get(id: string): Promise<NodeRecord> {
    return (await this.nodes.find(id)) ?? notFound(id);
  }

  create(dto: CreateNodeDto): Promise<NodeRecord> {
    assertMayWriteNode({ key: dto.key, kind: dto.kind, businessUnitId: dto.businessUnitId ?? null });
    return this.db.transaction(
      async () => {
        refuse([
          ...nodeFieldProblems(dto.kind, dto),
          ...(dto.kind === 'key_result' && dto.direction === null ? [NEEDS_DIRECTION] : []),
        ]);
        await this.assertUnitExists(dto.businessUnitId);
        await this.assertAccountableUnits(dto.kind, dto.accountableUnitIds);
        await this.assertCycle(dto.kind, dto.cycleId);
        const key = dto.key ?? `${KEY_PREFIXES[dto.kind]}-${await this.nodes.nextKeyNumber(KEY_PREFIXES[dto.kind])}`;
        if (dto.key) await this.assertKeyFree(dto.key);
        const kindFields = Object.fromEntries(KIND_FIELDS[dto.kind].map((field) => [field, dto[field] ?? null]));
        // What the request leaves out: none (null), or the domain's default (shapes/node-shape.ts).
        const defaults = nodeDefaults(dto.kind);
        const node = await this.nodes.insert({
          ...emptyKindFields(),
          ...kindFields,
          ...(dto.kind === 'key_result' ? { direction: dto.direction ?? defaults.direction } : {}),
          key,
          kind: dto.kind,
          title: dto.title,
          description: dto.description ?? defaults.description,
          businessUnitId: dto.businessUnitId ?? null,
          owner: dto.owner ?? null,
          status: dto.status ?? defaults.status,
          health: dto.health ?? defaults.health,
          startDate: dto.startDate ?? null,
          endDate: dto.endDate ?? null,
          tags: dto.tags ?? defaults.tags,
          accountableUnitIds: dto.accountableUnitIds ?? [],
          cycleId: dto.cycleId ?? null,
        });
        await this.log('create', node.id, null, node);
        return node;
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }

  /**
   * Optimistic concurrency: the client says which version it edited (body `version` or
   * `If-Match`). A stale version gets 409 with the current node, so the client can show who
   * changed it and offer to reload or overwrite; no version at all gets 428.
   */
  update(id: string, dto: UpdateNodeDto, expected: number | undefined): Promise<NodeRecord> {
    if (expected === undefined) {
      throw new DomainError(
        'PRECONDITION_REQUIRED',
        'Say which version you edited: send `version` in the body or an If-Match header.',
      );
    }
    return this.db.transaction(
      async () => {
        const before = (await this.nodes.findForUpdate(id)) ?? notFound(id);
        assertMayWriteNode(before);
        if (before.version !== expected) {
          throw new DomainError(
            'VERSION_CONFLICT',
            `${before.key} was changed by ${before.updatedBy} at ${before.updatedAt} (version ${before.version}); you edited version ${expected}.`,
            { current: before },
          );
        }
        const changes = pickChanges(dto, before);
        if (Object.keys(changes).length === 0) return before;
        const merged = { ...before, ...changes };
        refuse([
          ...nodeFieldProblems(before.kind, {
            ...changes,
            ...(before.kind === 'key_result' ? { target: merged.target } : {}),
            startDate: merged.startDate,
            endDate: merged.endDate,
          }),
          ...(before.kind === 'key_result' && changes.direction === null ? [NEEDS_DIRECTION] : []),
        ]);
        if (changes.key !== undefined) await this.assertKeyFree(changes.key);
        if (changes.accountableUnitIds !== undefined) {
          await this.assertAccountableUnits(before.kind, changes.accountableUnitIds);
        }
        if (changes.cycleId !== undefined) await this.assertCycle(before.kind, changes.cycleId);
        if (changes.businessUnitId !== undefined) {
          // Moving work to another unit changes both units' work.
          assertMayWriteNode({ ...before, businessUnitId: changes.businessUnitId });
          await this.assertUnitExists(changes.businessUnitId);
        }
        const after = await this.nodes.update(id, changes, before.version + 1);
        await this.log('update', id, before, after);
        return after;
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }

  /** Deletes the node, its links and its check-ins in one transaction; the change log keeps them all. */
  delete(id: string, expected: number | undefined): Promise<void> {
    return this.db.transaction(
      async () => {
        const node = (await this.nodes.findForUpdate(id)) ?? notFound(id);
        assertMayWriteNode(node);
        if (expected !== undefined && expected !== node.version) {
          throw new DomainError(
            'VERSION_CONFLICT',
            `${node.key} was changed by ${node.updatedBy} (version ${node.version}).`,
            { current: node },
          );
        }
        const checkIns = node.kind === 'key_result' ? await this.checkIns.list(id) : [];
        const links = await this.links.deleteAllOf(id);
        await this.nodes.delete(id);
        await this.changeLog.append([
          ...links.map((link) => ({
            action: 'delete' as const,
            entityType: 'link' as const,
            entityId: link.id,
            nodeIds: [link.fromId, link.toId],
            before: link,
            after: null,
          })),
          {
            action: 'delete',
            entityType: 'node',
            entityId: id,
            nodeIds: [id],
            before: { ...node, checkIns },
            after: null,
          },
        ]);
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }

  /** The node's history, also after it was deleted (the change log keeps what was removed). */
  async history(id: string, limit: number): Promise<ChangeLogEntry[]> {
    const entries = await this.changeLog.forNode(id, limit);
    if (entries.length === 0 && !(await this.nodes.find(id))) notFound(id);
    return entries;
  }

  private async assertKeyFree(key: string) {
    if (await this.nodes.keyExists(key)) {
      throw new DomainError('KEY_TAKEN', `A node with key ${key} already exists.`, [
        { field: 'key', problems: ['is taken'] },
      ]);
    }
  }

  private async assertUnitExists(unitId: string | null | undefined) {
    if (!unitId) return;
    if (!(await this.units.find(unitId))) {
      throw new DomainError('INVALID_FIELD', 'businessUnitId refers to no business unit of this organisation.', [
        { field: 'businessUnitId', problems: ['refers to no business unit of this organisation'] },
      ]);
    }
  }

  /** Only an objective names accountable units, and only units of this organisation. */
  private async assertAccountableUnits(kind: NodeKind, unitIds: string[] | undefined) {
    if (!unitIds?.length) return;
    if (kind !== 'objective') {
      throw new DomainError('INVALID_FIELD', `accountableUnitIds applies to objectives only, not to a ${kind}.`, [
        { field: 'accountableUnitIds', problems: ['applies to objectives only'] },
      ]);
    }
    const missing = await this.units.missing(unitIds);
    if (missing.length) {
      throw new DomainError(
        'INVALID_FIELD',
        `accountableUnitIds refers to no business unit of this organisation: ${missing.join(', ')}.`,
        [{ field: 'accountableUnitIds', problems: ['refers to no business unit of this organisation'] }],
      );
    }
  }

  /** Only a key result belongs to a cycle, and only to one of this organisation (docs/domain.md, "OKR cycles"). */
  private async assertCycle(kind: NodeKind, cycleId: string | null | undefined) {
    if (!cycleId) return;
    if (kind !== 'key_result') {
      throw new DomainError('INVALID_FIELD', `cycleId applies to key results only, not to ${kindWithArticle(kind)}.`, [
        { field: 'cycleId', problems: ['applies to key results only'] },
      ]);
    }
    if (!(await this.cycles.find(cycleId))) {
      throw new DomainError('INVALID_FIELD', 'cycleId refers to no OKR cycle of this organisation.', [
        { field: 'cycleId', problems: ['refers to no OKR cycle of this organisation'] },
      ]);
    }
  }

  private log(action: 'create' | 'update', id: string, before: unknown, after: unknown) {
    return this.changeLog.append([{ action, entityType: 'node', entityId: id, nodeIds: [id], before, after }]);
  }
}

/** The fields of the PATCH that differ from the node as it is. */
function pickChanges(dto: UpdateNodeDto, before: NodeRecord): Partial<NodeValues> {
  const changes: Record<string, unknown> = {};
  for (const field of EDITABLE) {
    const value = (dto as Record<string, unknown>)[field];
    if (value === undefined) continue;
    const current = (before as unknown as Record<string, unknown>)[field];
    if (JSON.stringify(value) !== JSON.stringify(current ?? null)) changes[field] = value;
  }
  return changes;
}

function emptyKindFields(): Record<KindField, null> {
  return Object.fromEntries(ALL_KIND_FIELDS.map((f) => [f, null])) as Record<KindField, null>;
}

function refuse(problems: { field: string; message: string }[]) {
  if (problems.length === 0) return;
  throw new DomainError(
    'INVALID_FIELD',
    problems.map((p) => p.message).join('; '),
    problems.map((p) => ({ field: p.field, problems: [p.message] })),
  );
}

function notFound(id: string): never {
  throw new DomainError('NOT_FOUND', `No node ${id} in this organisation.`);
}

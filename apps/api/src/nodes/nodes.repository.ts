import { Injectable } from '@nestjs/common';
import { KIND_FIELDS, type KindFields, type NodeRecord } from '@throughline/domain';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import type { ListNodesQuery, NodeSort } from './dto/list-nodes.query.js';
import { NodeEntity } from './node.entity.js';

export type NodeValues = Omit<
  NodeEntity,
  'id' | 'orgId' | 'createdAt' | 'updatedAt' | 'version' | 'createdBy' | 'updatedBy'
>;

export interface NodePage {
  items: NodeRecord[];
  nextCursor: string | null;
}

/** Sort keys and the SQL expression each pages by (always with `id` as the tie-breaker). */
const SORT_COLUMNS: Record<'key' | 'title' | 'updatedAt', string> = {
  key: 'n.key',
  title: 'n.title',
  updatedAt: 'n.updated_at',
};

@Injectable()
export class NodesRepository {
  constructor(private readonly db: Db) {}

  async find(id: string): Promise<NodeRecord | undefined> {
    const node = await this.db.manager.findOne(NodeEntity, { where: { orgId: requestContext.orgId(), id } });
    return node ? toNodeRecord(node) : undefined;
  }

  /** Several nodes by id, in one query (missing ids are simply absent). */
  async findMany(ids: string[]): Promise<NodeRecord[]> {
    if (ids.length === 0) return [];
    const nodes = await this.db.manager
      .createQueryBuilder(NodeEntity, 'n')
      .where('n.org_id = :orgId AND n.id = ANY(:ids)', { orgId: requestContext.orgId(), ids })
      .getMany();
    return nodes.map(toNodeRecord);
  }

  /** Locks the node's row until the transaction ends, so a concurrent update waits and then sees the new version. */
  async findForUpdate(id: string): Promise<NodeRecord | undefined> {
    const node = await this.db.manager
      .createQueryBuilder(NodeEntity, 'n')
      .where('n.org_id = :orgId AND n.id = :id', { orgId: requestContext.orgId(), id })
      .setLock('pessimistic_write')
      .getOne();
    return node ? toNodeRecord(node) : undefined;
  }

  async keyExists(key: string): Promise<boolean> {
    return this.db.manager.exists(NodeEntity, { where: { orgId: requestContext.orgId(), key } });
  }

  /** The next free number for generated keys of a prefix (`PRJ` → 31 when PRJ-30 is the highest). */
  async nextKeyNumber(prefix: string): Promise<number> {
    const row = await this.db.one<{ next: number }>(
      `SELECT coalesce(max(substring(key FROM '^' || $2 || '-([0-9]{1,9})$')::int), 0) + 1 AS next
         FROM nodes WHERE org_id = $1 AND key LIKE $2 || '-%'`,
      [requestContext.orgId(), prefix],
    );
    return row?.next ?? 1;
  }

  /**
   * One page of nodes, paged by keyset (the last row's sort value and id), so a page never
   * skips or repeats a node when others are inserted between requests.
   */
  async list(query: ListNodesQuery, cursor: [string, string] | undefined): Promise<NodePage> {
    const sort: NodeSort = query.sort ?? 'key';
    const descending = sort.startsWith('-');
    const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
    const limit = query.limit ?? 50;
    const qb = this.db.manager
      .createQueryBuilder(NodeEntity, 'n')
      // As text (and in parentheses, so TypeORM does not take it for the entity's own column).
      .addSelect(
        sort.endsWith('updatedAt')
          ? `to_char(n.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`
          : `(${column})`,
        'sort_value',
      )
      .where('n.org_id = :orgId', { orgId: requestContext.orgId() });
    if (query.kind?.length) qb.andWhere('n.kind = ANY(:kinds)', { kinds: query.kind });
    if (query.status?.length) qb.andWhere('n.status = ANY(:statuses)', { statuses: query.status });
    if (query.health?.length) qb.andWhere('n.health = ANY(:healths)', { healths: query.health });
    if (query.businessUnit) qb.andWhere('n.business_unit_id = :unit', { unit: query.businessUnit });
    if (query.q) {
      qb.andWhere(`(n.key ILIKE :q ESCAPE '\\' OR n.title ILIKE :q ESCAPE '\\')`, { q: `%${escapeLike(query.q)}%` });
    }
    if (cursor) {
      const value = sort.endsWith('updatedAt') ? `(:cursorValue::timestamp AT TIME ZONE 'UTC')` : ':cursorValue';
      qb.andWhere(`(${column}, n.id) ${descending ? '<' : '>'} (${value}, :cursorId)`, {
        cursorValue: cursor[0],
        cursorId: cursor[1],
      });
    }
    qb.orderBy(column, descending ? 'DESC' : 'ASC')
      .addOrderBy('n.id', descending ? 'DESC' : 'ASC')
      .limit(limit + 1);
    const { entities, raw } = await qb.getRawAndEntities<{ sort_value: string }>();
    const hasMore = entities.length > limit;
    const items = entities.slice(0, limit);
    const last = items.length ? raw[items.length - 1] : undefined;
    return {
      items: items.map(toNodeRecord),
      nextCursor: hasMore && last ? encodeCursor([sort, String(last.sort_value), items[items.length - 1].id]) : null,
    };
  }

  async insert(values: NodeValues): Promise<NodeRecord> {
    const actor = requestContext.actor();
    const node = this.db.manager.create(NodeEntity, {
      ...values,
      orgId: requestContext.orgId(),
      createdBy: actor,
      updatedBy: actor,
    });
    return toNodeRecord(await this.db.manager.save(node));
  }

  async update(id: string, values: Partial<NodeValues>, version: number): Promise<NodeRecord> {
    await this.db.manager.update(
      NodeEntity,
      { orgId: requestContext.orgId(), id },
      { ...values, version, updatedBy: requestContext.actor(), updatedAt: () => 'now()' },
    );
    return (await this.find(id))!;
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(NodeEntity, { orgId: requestContext.orgId(), id });
  }
}

export function toNodeRecord(node: NodeEntity): NodeRecord {
  const record: NodeRecord = {
    id: node.id,
    key: node.key,
    kind: node.kind,
    title: node.title,
    description: node.description,
    businessUnitId: node.businessUnitId,
    owner: node.owner,
    status: node.status,
    health: node.health,
    startDate: node.startDate,
    endDate: node.endDate,
    tags: node.tags,
    accountableUnitIds: node.accountableUnitIds ?? [],
    version: node.version,
    createdAt: node.createdAt.toISOString(),
    updatedAt: node.updatedAt.toISOString(),
    createdBy: node.createdBy,
    updatedBy: node.updatedBy,
  };
  if (node.kind === 'key_result') record.cycleId = node.cycleId ?? null;
  const fields = record as KindFields;
  for (const field of KIND_FIELDS[node.kind]) {
    (fields as Record<string, unknown>)[field] = node[field] ?? null;
  }
  return record;
}

/** An opaque cursor: the sort it belongs to, the last row's sort value and its id. */
export function encodeCursor(value: [NodeSort, string, string]): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The position a cursor marks, if it was given out for this same sort. */
export function decodeCursor(cursor: string, sort: NodeSort): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 3 &&
      value[0] === sort &&
      typeof value[1] === 'string' &&
      typeof value[2] === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value[2]) &&
      (!sort.endsWith('updatedAt') || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/.test(value[1]))
    ) {
      return [value[1], value[2]];
    }
  } catch {
    // fall through to the refusal below
  }
  throw new DomainError('VALIDATION_FAILED', 'cursor is not one this API gave out', [
    { field: 'cursor', problems: ['is not a cursor from a previous page'] },
  ]);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

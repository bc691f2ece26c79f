import { Injectable } from '@nestjs/common';
import { CHAIN_LINK_KINDS, type LinkKind, type LinkRecord, type LinkState, type NodeKind } from '@throughline/domain';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import { LinkEntity } from './link.entity.js';

export interface LinkEnd {
  id: string;
  key: string;
  kind: NodeKind;
  title: string;
  /** For the contributor rules (a contributor links from its own units' work). */
  businessUnitId: string | null;
  businessUnitKey: string | null;
  /** The member who owns the unit (business_units.owner_id): it acknowledges dependencies on the unit's work. */
  businessUnitOwnerId: string | null;
}

export interface NewLink {
  fromId: string;
  fromKind: NodeKind;
  toId: string;
  toKind: NodeKind;
  kind: LinkKind;
  weight: number | null;
  rationale: string;
  state: Exclude<LinkState, 'rejected'>;
}

@Injectable()
export class LinksRepository {
  constructor(private readonly db: Db) {}

  /** The id, key, kind, title and unit of each given node of the organisation (for checking a link's ends). */
  async ends(ids: string[]): Promise<Map<string, LinkEnd>> {
    const rows = await this.db.query<LinkEnd>(
      `SELECT n.id, n.key, n.kind, n.title, n.business_unit_id AS "businessUnitId",
              u.key AS "businessUnitKey", u.owner_id AS "businessUnitOwnerId"
         FROM nodes n
         LEFT JOIN business_units u ON u.org_id = n.org_id AND u.id = n.business_unit_id
        WHERE n.org_id = $1 AND n.id = ANY($2::uuid[])`,
      [requestContext.orgId(), ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  async find(id: string): Promise<LinkRecord | undefined> {
    const link = await this.db.manager.findOne(LinkEntity, { where: { orgId: requestContext.orgId(), id } });
    return link ? toLinkRecord(link) : undefined;
  }

  async findForUpdate(id: string): Promise<LinkRecord | undefined> {
    const link = await this.db.manager
      .createQueryBuilder(LinkEntity, 'l')
      .where('l.org_id = :orgId AND l.id = :id', { orgId: requestContext.orgId(), id })
      .setLock('pessimistic_write')
      .getOne();
    return link ? toLinkRecord(link) : undefined;
  }

  async findSame(fromId: string, toId: string, kind: LinkKind): Promise<LinkRecord | undefined> {
    const link = await this.db.manager.findOne(LinkEntity, {
      where: { orgId: requestContext.orgId(), fromId, toId, kind },
    });
    return link ? toLinkRecord(link) : undefined;
  }

  async list(filter: { nodeId?: string; state?: LinkState; kind?: LinkKind }): Promise<LinkRecord[]> {
    const qb = this.db.manager
      .createQueryBuilder(LinkEntity, 'l')
      .where('l.org_id = :orgId', { orgId: requestContext.orgId() });
    if (filter.nodeId) qb.andWhere('(l.from_id = :nodeId OR l.to_id = :nodeId)', { nodeId: filter.nodeId });
    if (filter.state) qb.andWhere('l.state = :state', { state: filter.state });
    if (filter.kind) qb.andWhere('l.kind = :kind', { kind: filter.kind });
    const links = await qb.orderBy('l.created_at', 'ASC').addOrderBy('l.id', 'ASC').limit(5000).getMany();
    return links.map(toLinkRecord);
  }

  async insert(link: NewLink): Promise<LinkRecord> {
    const actor = requestContext.actor();
    const approved = link.state === 'approved';
    const entity = this.db.manager.create(LinkEntity, {
      ...link,
      orgId: requestContext.orgId(),
      proposedBy: actor,
      proposedById: requestContext.principal()?.userId ?? null,
      decidedBy: approved ? actor : null,
      decidedAt: approved ? () => 'now()' : null,
    } as Partial<LinkEntity>);
    const saved = await this.db.manager.save(entity);
    return (await this.find(saved.id))!;
  }

  async update(
    id: string,
    values: Partial<Pick<LinkEntity, 'weight' | 'rationale' | 'state' | 'decisionComment'>>,
    version: number,
    decided = false,
  ) {
    await this.db.manager.update(
      LinkEntity,
      { orgId: requestContext.orgId(), id },
      {
        ...values,
        version,
        updatedAt: () => 'now()',
        ...(decided ? { decidedBy: requestContext.actor(), decidedAt: () => 'now()' } : {}),
      },
    );
    return (await this.find(id))!;
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(LinkEntity, { orgId: requestContext.orgId(), id });
  }

  /** Deletes every link at either end of a node and answers what was removed (for the change log). */
  async deleteAllOf(nodeId: string): Promise<LinkRecord[]> {
    const links = await this.list({ nodeId });
    if (links.length) {
      await this.db.query(`DELETE FROM links WHERE org_id = $1 AND (from_id = $2 OR to_id = $2)`, [
        requestContext.orgId(),
        nodeId,
      ]);
    }
    return links;
  }

  /**
   * The chain path from `startId` forward to `targetId` over contributes_to, part_of and delivers
   * links that are not rejected (a proposal may be approved later, so it counts), or undefined if
   * there is none. Adding a chain link target → … would close a cycle exactly when such a path exists.
   *
   * First the set reachable from `startId` (UNION visits each node once, safe on any graph;
   * the LATERAL probe keeps each step an index-only scan), then the path through that set.
   */
  async chainPath(startId: string, targetId: string): Promise<string[] | undefined> {
    const orgId = requestContext.orgId();
    const reached = await this.db.query<{ id: string }>(
      `WITH RECURSIVE reach(id) AS (
         SELECT $2::uuid
         UNION
         SELECT step.to_id
           FROM reach
           CROSS JOIN LATERAL (
             SELECT l.to_id FROM links l
              WHERE l.org_id = $1 AND l.from_id = reach.id
                AND l.kind = ANY($3::text[]) AND l.state <> 'rejected'
           ) step
       )
       SELECT id FROM reach`,
      [orgId, startId, CHAIN_LINK_KINDS],
    );
    const ids = reached.map((r) => r.id);
    if (!ids.includes(targetId)) return undefined;
    const edges = await this.db.query<{ from_id: string; to_id: string }>(
      `SELECT from_id, to_id FROM links
        WHERE org_id = $1 AND from_id = ANY($2::uuid[]) AND kind = ANY($3::text[]) AND state <> 'rejected'`,
      [orgId, ids, CHAIN_LINK_KINDS],
    );
    return shortestPath(startId, targetId, edges);
  }
}

/** Breadth-first search for the shortest path over the given edges. */
function shortestPath(
  start: string,
  target: string,
  edges: { from_id: string; to_id: string }[],
): string[] | undefined {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from_id, [...(next.get(edge.from_id) ?? []), edge.to_id]);
  const cameFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    if (id === target) break;
    for (const to of next.get(id) ?? []) {
      if (!cameFrom.has(to)) {
        cameFrom.set(to, id);
        queue.push(to);
      }
    }
  }
  if (!cameFrom.has(target)) return undefined;
  const path: string[] = [];
  for (let id: string | null = target; id !== null; id = cameFrom.get(id) ?? null) path.unshift(id);
  return path;
}

export function toLinkRecord(link: LinkEntity): LinkRecord {
  return {
    id: link.id,
    fromId: link.fromId,
    toId: link.toId,
    kind: link.kind,
    weight: link.weight,
    rationale: link.rationale,
    state: link.state,
    proposedBy: link.proposedBy,
    proposedById: link.proposedById,
    proposedAt: link.proposedAt.toISOString(),
    decidedBy: link.decidedBy,
    decidedAt: link.decidedAt ? link.decidedAt.toISOString() : null,
    decisionComment: link.decisionComment,
    version: link.version,
    createdAt: link.createdAt.toISOString(),
    updatedAt: link.updatedAt.toISOString(),
  };
}

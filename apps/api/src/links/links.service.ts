import { Injectable } from '@nestjs/common';
import { checkLink, isChainLinkKind, LINK_DEFAULTS, type LinkRecord, type NodeKind } from '@throughline/domain';
import { assertMayChangeLink, assertMayLinkFrom, newLinkState } from '../access/contributor-rules.js';
import { ChangeLogRepository } from '../change-log/change-log.repository.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import type { CreateLinkDto, ListLinksQuery, UpdateLinkDto } from './dto/link.dto.js';
import { LinksRepository, type LinkEnd } from './links.repository.js';

/**
 * The link rules of docs/domain.md: only the kind pairs of the matrix, no self-links, no duplicate
 * of the same kind, and no cycle of contributes_to / part_of / delivers links. Every graph write
 * of an organisation takes that organisation's graph lock first, so two requests can never both
 * pass the cycle check and then both insert (the opposite-links race).
 */
@Injectable()
export class LinksService {
  constructor(
    private readonly db: Db,
    private readonly links: LinksRepository,
    private readonly changeLog: ChangeLogRepository,
  ) {}

  list(query: ListLinksQuery): Promise<LinkRecord[]> {
    return this.links.list(query);
  }

  async get(id: string): Promise<LinkRecord> {
    return (await this.links.find(id)) ?? notFound(id);
  }

  create(dto: CreateLinkDto): Promise<LinkRecord> {
    return this.db.transaction(
      async () => {
        const ends = await this.links.ends([dto.fromId, dto.toId]);
        const from = ends.get(dto.fromId);
        const to = ends.get(dto.toId);
        if (!from || !to) {
          const field = !from ? 'fromId' : 'toId';
          throw new DomainError('INVALID_FIELD', `${field} refers to no node of this organisation.`, [
            { field, problems: ['refers to no node of this organisation'] },
          ]);
        }
        assertMayLinkFrom(from);
        const check = checkLink(dto.kind, from, to);
        if (!check.ok) throw new DomainError(check.code, check.message, { from: from.key, to: to.key, kind: dto.kind });
        const same = await this.links.findSame(from.id, to.id, dto.kind);
        if (same) {
          throw new DomainError(
            'LINK_DUPLICATE',
            `${from.key} already ${dto.kind} ${to.key} (link ${same.id}, ${same.state}).`,
            {
              existing: same,
            },
          );
        }
        if (isChainLinkKind(dto.kind)) {
          const back = await this.links.chainPath(to.id, from.id);
          if (back) {
            const keys = await this.keysOf(back);
            throw new DomainError(
              'LINK_CYCLE',
              `${from.key} → ${to.key} would close a cycle: ${[...keys, keys[0]].join(' → ')}. contributes_to, part_of and delivers links never form a cycle.`,
              { cycle: [...keys, keys[0]] },
            );
          }
        }
        const link = await this.links.insert({
          fromId: from.id,
          fromKind: from.kind,
          toId: to.id,
          toKind: to.kind,
          kind: dto.kind,
          weight: dto.weight ?? LINK_DEFAULTS.weight,
          rationale: dto.rationale ?? LINK_DEFAULTS.rationale,
          // A contributor's link is a proposal whatever it asks; a pmo/admin link is approved unless it asks to propose.
          state: newLinkState(dto.state),
        });
        await this.log('create', link, null, link);
        return link;
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }

  update(id: string, dto: UpdateLinkDto): Promise<LinkRecord> {
    return this.db.transaction(
      async () => {
        const before = await this.lockedCurrent(id, dto.version);
        await this.assertMayChange(before);
        const after = await this.links.update(
          id,
          {
            weight: dto.weight === undefined ? before.weight : dto.weight,
            rationale: dto.rationale ?? before.rationale,
          },
          before.version + 1,
        );
        await this.log('update', after, before, after);
        return after;
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }

  approve(id: string): Promise<LinkRecord> {
    return this.decide(id, 'approved');
  }

  reject(id: string): Promise<LinkRecord> {
    return this.decide(id, 'rejected');
  }

  delete(id: string): Promise<void> {
    return this.db.transaction(
      async () => {
        const link = (await this.links.findForUpdate(id)) ?? notFound(id);
        await this.assertMayChange(link);
        await this.links.delete(id);
        await this.log('delete', link, link, null);
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }

  /**
   * Approving cannot close a cycle: proposals already take part in the cycle check when they are
   * made. A decision is final; a rejected link is deleted and proposed again if minds change.
   */
  private decide(id: string, state: 'approved' | 'rejected'): Promise<LinkRecord> {
    return this.db.transaction(
      async () => {
        const before = (await this.links.findForUpdate(id)) ?? notFound(id);
        if (before.state !== 'proposed') {
          throw new DomainError(
            'INVALID_STATE',
            `Only a proposed link can be ${state}; this one is already ${before.state}.`,
            {
              state: before.state,
            },
          );
        }
        const after = await this.links.update(id, { state }, before.version + 1, true);
        await this.log('update', after, before, after);
        return after;
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }

  private async lockedCurrent(id: string, expected: number | undefined): Promise<LinkRecord> {
    const link = (await this.links.findForUpdate(id)) ?? notFound(id);
    if (expected !== undefined && expected !== link.version) {
      throw new DomainError(
        'VERSION_CONFLICT',
        `The link has changed since version ${expected} (now ${link.version}, by ${link.decidedBy ?? link.proposedBy}).`,
        {
          current: link,
        },
      );
    }
    return link;
  }

  /** The proposals waiting for a pmo or admin, oldest first, with their ends' keys and titles. */
  async proposals(): Promise<LinkProposal[]> {
    const links = await this.links.list({ state: 'proposed' });
    links.sort((a, b) => a.proposedAt.localeCompare(b.proposedAt) || a.id.localeCompare(b.id));
    const ends = await this.links.ends([...new Set(links.flatMap((l) => [l.fromId, l.toId]))]);
    return links.map((link) => ({ ...link, from: endView(ends.get(link.fromId)), to: endView(ends.get(link.toId)) }));
  }

  private async assertMayChange(link: LinkRecord): Promise<void> {
    const from = (await this.links.ends([link.fromId])).get(link.fromId);
    if (from) assertMayChangeLink(link.state, from);
  }

  private async keysOf(ids: string[]): Promise<string[]> {
    const ends = await this.links.ends(ids);
    return ids.map((id) => ends.get(id)?.key ?? id);
  }

  private log(action: 'create' | 'update' | 'delete', link: LinkRecord, before: unknown, after: unknown) {
    return this.changeLog.append([
      { action, entityType: 'link', entityId: link.id, nodeIds: [link.fromId, link.toId], before, after },
    ]);
  }
}

export interface LinkProposal extends LinkRecord {
  from: LinkEndView;
  to: LinkEndView;
}

export interface LinkEndView {
  key: string;
  kind: NodeKind;
  title: string;
  businessUnitId: string | null;
}

function endView(end: LinkEnd | undefined): LinkEndView {
  // Both ends exist: a link is deleted with either of its nodes, in the same transaction.
  const { key, kind, title, businessUnitId } = end!;
  return { key, kind, title, businessUnitId };
}

function notFound(id: string): never {
  throw new DomainError('NOT_FOUND', `No link ${id} in this organisation.`);
}

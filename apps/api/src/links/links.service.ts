import { Injectable } from '@nestjs/common';
import {
  checkLink,
  isChainLinkKind,
  LINK_DEFAULTS,
  LINK_KIND_LABELS,
  proposalNoteProblem,
  type LinkRecord,
  type NodeKind,
} from '@throughline/domain';
import { assertMayChangeLink, assertMayLinkFrom, newLinkState } from '../access/contributor-rules.js';
import { ChangeLogRepository } from '../change-log/change-log.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { Db } from '../platform/database/db.js';
import type { CreateLinkDto, ListLinksQuery, UpdateLinkDto } from './dto/link.dto.js';
import { isCrossUnitDependency } from './link-decisions.service.js';
import { LinksRepository, type LinkEnd } from './links.repository.js';

/**
 * The link rules of docs/domain.md: only the kind pairs of the matrix, no self-links, no duplicate
 * of the same kind, and no cycle of contributes_to / part_of / delivers links. Every graph write
 * of an organisation takes that organisation's graph lock first, so two requests can never both
 * pass the cycle check and then both insert (the opposite-links race).
 */
/** What the refusal of a duplicate adds about the link already there (an approved one needs no words). */
const DUPLICATE_STATE_WORDS: Record<LinkRecord['state'], string> = {
  approved: '',
  proposed: ' (proposed, waiting for a decision)',
  rejected: ' (proposed and rejected)',
};

@Injectable()
export class LinksService {
  constructor(
    private readonly db: Db,
    private readonly links: LinksRepository,
    private readonly changeLog: ChangeLogRepository,
    private readonly notifications: NotificationsService,
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
            `${from.key} already ${LINK_KIND_LABELS[dto.kind]} ${to.key}${DUPLICATE_STATE_WORDS[same.state]}.`,
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
        // A contributor's link is a proposal whatever it asks; a pmo/admin link is approved unless it asks to propose.
        const state = newLinkState(dto.state);
        const noteProblem = state === 'proposed' ? proposalNoteProblem(dto.rationale) : undefined;
        if (noteProblem) {
          throw new DomainError('INVALID_FIELD', `rationale: ${noteProblem}.`, [
            { field: 'rationale', problems: [noteProblem] },
          ]);
        }
        const link = await this.links.insert({
          fromId: from.id,
          fromKind: from.kind,
          toId: to.id,
          toKind: to.kind,
          kind: dto.kind,
          weight: dto.weight ?? LINK_DEFAULTS.weight,
          rationale: dto.rationale ?? LINK_DEFAULTS.rationale,
          state,
        });
        await this.log('create', link, null, link);
        if (state === 'proposed' && isCrossUnitDependency(link, from, to)) await this.askToAcknowledge(link, from, to);
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

  /** The proposals waiting for a decision, oldest first, with their ends (key, title, unit) and the note. */
  async proposals(): Promise<LinkProposal[]> {
    const links = await this.links.list({ state: 'proposed' });
    links.sort((a, b) => a.proposedAt.localeCompare(b.proposedAt) || a.id.localeCompare(b.id));
    const ends = await this.links.ends([...new Set(links.flatMap((l) => [l.fromId, l.toId]))]);
    return links.map((link) => {
      // Both ends exist: a link is deleted with either of its nodes, in the same transaction.
      const from = ends.get(link.fromId)!;
      const to = ends.get(link.toId)!;
      return { ...link, from: endView(from), to: endView(to), crossUnit: isCrossUnitDependency(link, from, to) };
    });
  }

  /**
   * A contributor's work now waits on another unit's: that unit's owner (or, with no owner, every pmo) is asked
   * to acknowledge it (docs/domain.md, "Cross-unit dependencies").
   */
  private async askToAcknowledge(link: LinkRecord, from: LinkEnd, to: LinkEnd): Promise<void> {
    const recipients = await this.notifications.acknowledgers(to.businessUnitId!);
    await this.notifications.notify(
      recipients.map((userId) => ({
        userId,
        kind: 'dependency_to_acknowledge' as const,
        message: `${requestContext.actor()} declared that ${from.key} (${from.businessUnitKey}) depends on ${to.key} (${to.businessUnitKey}); please acknowledge it.`,
        comment: link.rationale || null,
        linkId: link.id,
        fromNodeId: link.fromId,
        toNodeId: link.toId,
      })),
    );
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
  crossUnit: boolean;
}

export interface LinkEndView {
  key: string;
  kind: NodeKind;
  title: string;
  businessUnitId: string | null;
  businessUnitKey: string | null;
}

function endView({ key, kind, title, businessUnitId, businessUnitKey }: LinkEnd): LinkEndView {
  return { key, kind, title, businessUnitId, businessUnitKey };
}

function notFound(id: string): never {
  throw new DomainError('NOT_FOUND', `No link ${id} in this organisation.`);
}

import { Injectable } from '@nestjs/common';
import { isBlank, isChainLinkKind, LINK_KIND_LABELS, type LinkRecord } from '@throughline/domain';
import { ChangeLogRepository } from '../change-log/change-log.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Db } from '../platform/database/db.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { LinksRepository, type LinkEnd } from './links.repository.js';

export type Decision = 'approve' | 'reject';
export interface DecisionInput {
  comment?: string;
  version?: number;
}
export type DecisionResult =
  { id: string; ok: true; link: LinkRecord } | { id: string; ok: false; code: string; message: string };

/**
 * Decisions on proposals (docs/domain.md, "States and approval" and "Cross-unit dependencies"): approve, reject,
 * acknowledge, one at a time or in bulk. Each decision re-checks the link as it is now — still proposed, at the
 * version the decider saw, not the decider's own proposal, no chain cycle — records the decider and comment on
 * the link and in the change log, and tells the proposer, all in one transaction under the graph lock.
 */
@Injectable()
export class LinkDecisionsService {
  constructor(
    private readonly db: Db,
    private readonly links: LinksRepository,
    private readonly changeLog: ChangeLogRepository,
    private readonly notifications: NotificationsService,
  ) {}

  approve(id: string, input: DecisionInput): Promise<LinkRecord> {
    return this.decide(id, 'approve', input, 'decide');
  }

  reject(id: string, input: DecisionInput): Promise<LinkRecord> {
    if (isBlank(input.comment)) throw commentRequired();
    return this.decide(id, 'reject', input, 'decide');
  }

  /** The target unit's owner (or a pmo/admin) agrees to a cross-unit dependency on its work: it becomes approved. */
  acknowledge(id: string, input: DecisionInput): Promise<LinkRecord> {
    return this.decide(id, 'approve', input, 'acknowledge');
  }

  /**
   * Each link in its own transaction, in the order given: a refusal of one (decided meanwhile, changed, the
   * decider's own, a cycle, gone) must not undo the others, and the graph lock is held for one decision at a time
   * rather than for the whole batch, so the map's writes are not held up behind a long list. The answer says, per
   * link, exactly what was committed.
   */
  async decideMany(body: {
    ids: string[];
    decision: Decision;
    comment?: string;
    versions?: Record<string, number>;
  }): Promise<{ decision: Decision; results: DecisionResult[]; decided: number; failed: number }> {
    if (body.decision === 'reject' && isBlank(body.comment)) throw commentRequired();
    const versions = body.versions ?? {};
    for (const [id, version] of Object.entries(versions)) {
      if (!body.ids.includes(id) || !Number.isInteger(version) || version < 1) {
        throw new DomainError('INVALID_FIELD', `versions.${id} must be a whole number ≥ 1 for one of the ids.`, [
          { field: `versions.${id}`, problems: ['must be a whole number ≥ 1 for one of the ids'] },
        ]);
      }
    }
    const results: DecisionResult[] = [];
    for (const id of body.ids) {
      try {
        const link = await this.decide(id, body.decision, { comment: body.comment, version: versions[id] }, 'decide');
        results.push({ id, ok: true, link });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ id, ok: false, code: error.code, message: error.message });
      }
    }
    const decided = results.filter((r) => r.ok).length;
    return { decision: body.decision, results, decided, failed: results.length - decided };
  }

  private decide(id: string, decision: Decision, input: DecisionInput, mode: 'decide' | 'acknowledge') {
    return this.db.transaction(
      async () => {
        const before = (await this.links.findForUpdate(id)) ?? notFound(id);
        if (input.version !== undefined && input.version !== before.version) {
          throw new DomainError(
            'VERSION_CONFLICT',
            `The link has changed since version ${input.version} (now ${before.version}).`,
            { current: before },
          );
        }
        const state = decision === 'approve' ? 'approved' : 'rejected';
        if (before.state !== 'proposed') {
          throw new DomainError(
            'INVALID_STATE',
            `Only a proposed link can be ${state}; this one is already ${before.state}.`,
            { state: before.state },
          );
        }
        const ends = await this.links.ends([before.fromId, before.toId]);
        const from = ends.get(before.fromId)!;
        const to = ends.get(before.toId)!;
        const principal = requestContext.principal();
        if (principal && before.proposedById === principal.userId) {
          throw new DomainError(
            'FORBIDDEN',
            `You proposed ${from.key} → ${to.key}: another ${mode === 'acknowledge' ? 'owner or pmo' : 'pmo or admin'} decides it. Nobody decides their own proposal.`,
          );
        }
        if (mode === 'acknowledge') assertMayAcknowledge(before, from, to);
        if (decision === 'approve') await this.assertNoCycle(before, from, to);
        const comment = isBlank(input.comment) ? null : input.comment!;
        const after = await this.links.update(id, { state, decisionComment: comment }, before.version + 1, true);
        await this.changeLog.append([
          { action: 'update', entityType: 'link', entityId: id, nodeIds: [before.fromId, before.toId], before, after },
        ]);
        if (before.proposedById) {
          const what = `${from.key} ${LINK_KIND_LABELS[before.kind]} ${to.key}`; // "BAU-4 contributes to KR-3.1"
          await this.notifications.notify([
            {
              userId: before.proposedById,
              kind:
                mode === 'acknowledge'
                  ? 'dependency_acknowledged'
                  : state === 'approved'
                    ? 'proposal_approved'
                    : 'proposal_rejected',
              message:
                mode === 'acknowledge'
                  ? `${requestContext.actor()} acknowledged that ${what}.`
                  : `${requestContext.actor()} ${state} your proposal: ${what}.`,
              comment,
              linkId: id,
              fromNodeId: before.fromId,
              toNodeId: before.toId,
            },
          ]);
        }
        return after;
      },
      { lockGraphOf: requestContext.orgId() },
    );
  }

  /**
   * Proposals already count in the cycle check when they are made, so approving one cannot close a cycle through
   * the API; the check is repeated because links also arrive by import and restore, and approval is final.
   */
  private async assertNoCycle(link: LinkRecord, from: LinkEnd, to: LinkEnd): Promise<void> {
    if (!isChainLinkKind(link.kind)) return;
    const back = await this.links.chainPath(link.toId, link.fromId);
    if (!back) return;
    const ends = await this.links.ends(back);
    const keys = back.map((nodeId) => ends.get(nodeId)?.key ?? nodeId);
    throw new DomainError(
      'LINK_CYCLE',
      `Approving ${from.key} → ${to.key} would close a cycle: ${[...keys, keys[0]].join(' → ')}.`,
      { cycle: [...keys, keys[0]] },
    );
  }
}

/** True for a proposed depends_on whose two ends are in two different business units. */
export function isCrossUnitDependency(link: Pick<LinkRecord, 'kind'>, from: LinkEnd, to: LinkEnd): boolean {
  return (
    link.kind === 'depends_on' &&
    from.businessUnitId !== null &&
    to.businessUnitId !== null &&
    from.businessUnitId !== to.businessUnitId
  );
}

function assertMayAcknowledge(link: LinkRecord, from: LinkEnd, to: LinkEnd): void {
  if (!isCrossUnitDependency(link, from, to)) {
    throw new DomainError(
      'INVALID_STATE',
      `Only a dependency of one business unit's work on another's can be acknowledged; ${from.key} ${LINK_KIND_LABELS[link.kind]} ${to.key} is not one.`,
    );
  }
  const principal = requestContext.principal();
  if (!principal || principal.role === 'admin' || principal.role === 'pmo') return;
  if (to.businessUnitOwnerId !== principal.userId) {
    throw new DomainError(
      'FORBIDDEN',
      `Only the owner of ${to.businessUnitKey ?? 'the unit'} (whose work ${to.key} is depended on) or a pmo may acknowledge this dependency.`,
    );
  }
}

function commentRequired(): DomainError {
  return new DomainError('INVALID_FIELD', 'A rejection needs a comment: the proposer is told why.', [
    { field: 'comment', problems: ['is required to reject'] },
  ]);
}

function notFound(id: string): never {
  throw new DomainError('NOT_FOUND', `No link ${id} in this organisation.`);
}

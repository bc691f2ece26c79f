import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ApiLink } from './contract';
import { dashboardKeys } from './dashboard.queries';
import { invalidateGraphDerived } from './graph.queries';
import { http } from './http';
import { linkKeys } from './links.keys';
import { notificationKeys } from './notifications.queries';

/**
 * Proposed links and their decisions (issue 12; docs/domain.md, "States and approval"). The
 * interpretation note of a proposal is the link's `rationale`.
 */
export type Link = ApiLink & { proposedById?: string | null; decisionComment?: string | null };

export interface ProposalEnd {
  key: string;
  kind: string;
  title: string;
  businessUnitId: string | null;
  businessUnitKey: string | null;
}

export type Proposal = Link & { from: ProposalEnd; to: ProposalEnd; crossUnit: boolean };

export type BulkResult =
  { id: string; ok: true; link: Link } | { id: string; ok: false; code: string; message: string };

export interface BulkAnswer {
  decision: 'approve' | 'reject';
  results: BulkResult[];
  approved: number;
  rejected: number;
  failed: number;
}

export const proposalKeys = {
  all: ['proposals'] as const,
};

/** `GET /api/links/proposals` (pmo, admin): oldest first. */
export const proposalsQuery = () =>
  queryOptions({
    queryKey: proposalKeys.all,
    queryFn: ({ signal }) => http<Proposal[]>('/links/proposals', { signal }),
  });

/** A decision moves the queue, the chain (an approved link counts), the dashboard and notifications. */
function invalidateDecided(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: proposalKeys.all }),
    client.invalidateQueries({ queryKey: linkKeys.all }),
    client.invalidateQueries({ queryKey: dashboardKeys.all }),
    client.invalidateQueries({ queryKey: notificationKeys.all }),
    invalidateGraphDerived(client),
  ]);
}

const linkPath = (id: string) => `/links/${encodeURIComponent(id)}`;

export interface Decision {
  id: string;
  decision: 'approve' | 'reject';
  comment?: string;
  version?: number;
}

export function useDecideProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, comment, version }: Decision) =>
      http<Link>(`${linkPath(id)}/${decision}`, {
        method: 'POST',
        json: { ...(comment?.trim() ? { comment: comment.trim() } : {}), ...(version ? { version } : {}) },
      }),
    onSettled: () => invalidateDecided(client),
  });
}

/** Several at once: each item is decided (and re-checked) alone; the answer says what happened to each. */
export function useDecideProposals() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[]; decision: 'approve' | 'reject'; comment?: string }) =>
      http<BulkAnswer>('/links/decisions', {
        method: 'POST',
        json: {
          ids: body.ids,
          decision: body.decision,
          ...(body.comment?.trim() ? { comment: body.comment.trim() } : {}),
        },
      }),
    onSettled: () => invalidateDecided(client),
  });
}

/** A cross-unit dependency agreed by the unit it depends on (its owner) or a pmo: it becomes approved. */
export function useAcknowledgeDependency() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, comment }: { id: string; comment?: string }) =>
      http<Link>(`${linkPath(id)}/acknowledge`, {
        method: 'POST',
        json: comment?.trim() ? { comment: comment.trim() } : {},
      }),
    onSettled: () => invalidateDecided(client),
  });
}

export interface NewProposal {
  fromId: string;
  toId: string;
  kind: 'contributes_to' | 'depends_on';
  /** The interpretation note: how this work serves that priority (required of a proposal). */
  rationale: string;
  weight?: number | null;
}

/** A contributor's link is stored proposed whatever it asks; a pmo/admin asks for `proposed` here. */
export function useProposeLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (link: NewProposal) =>
      http<Link>('/links', {
        method: 'POST',
        json: { ...link, rationale: link.rationale.trim(), state: 'proposed', weight: link.weight ?? null },
      }),
    onSettled: () => invalidateDecided(client),
  });
}

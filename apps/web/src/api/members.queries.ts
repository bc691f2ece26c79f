import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Role } from './auth.queries';
import type { ApiCreatedInvite, ApiInvite, ApiMember, ApiPasswordResetLink } from './contract';
import { http } from './http';

export type Member = ApiMember;
export type Invite = ApiInvite;
/** An invite just made: its one-time link is shown to the admin this once (the API keeps only a hash). */
export type CreatedInvite = ApiCreatedInvite;
export type ResetLink = ApiPasswordResetLink;

export const memberKeys = {
  all: ['members'] as const,
  list: () => [...memberKeys.all, 'list'] as const,
  invites: () => [...memberKeys.all, 'invites'] as const,
};

export const membersQuery = () =>
  queryOptions({
    queryKey: memberKeys.list(),
    queryFn: ({ signal }) => http<Member[]>('/members', { signal }),
  });

export const invitesQuery = () =>
  queryOptions({
    queryKey: memberKeys.invites(),
    queryFn: ({ signal }) => http<Invite[]>('/members/invites', { signal }),
  });

/** The link as a whole URL on this site, whatever form the API gives it in (a path or a URL). */
export function absoluteLink(link: string): string {
  return new URL(link, window.location.origin).href;
}

const memberPath = (userId: string) => `/members/${encodeURIComponent(userId)}`;

export function useInviteMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role; unitIds?: string[] }) =>
      http<CreatedInvite>('/members/invites', { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: memberKeys.invites() }),
  });
}

export function useRevokeInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http<void>(`/members/invites/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: memberKeys.invites() }),
  });
}

export function useUpdateMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: { userId: string; role?: Role; unitIds?: string[] }) =>
      http<Member>(memberPath(userId), { method: 'PATCH', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: memberKeys.list() }),
  });
}

export function useRemoveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => http<void>(memberPath(userId), { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: memberKeys.list() }),
  });
}

export function useIssuePasswordReset() {
  return useMutation({
    mutationFn: (userId: string) => http<ResetLink>(`${memberPath(userId)}/password-reset`, { method: 'POST' }),
  });
}

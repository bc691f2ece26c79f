import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiNotificationPage } from './contract';
import { http } from './http';

/** `GET /api/notifications` (issue 12): the signed-in member's own, newest first — as the API's contract states it. */
export type NotificationPage = ApiNotificationPage;
export type Notification = NotificationPage['items'][number];
export type NotificationKind = Notification['kind'];

export const notificationKeys = {
  all: ['notifications'] as const,
};

/** Polled for the header's badge: a decision made by someone else shows within a minute. */
export const notificationsQuery = () =>
  queryOptions({
    queryKey: notificationKeys.all,
    queryFn: ({ signal }) => http<NotificationPage>('/notifications?limit=50', { signal }),
    refetchInterval: 60_000,
    staleTime: 15_000,
  });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) =>
      http<{ unread: number }>('/notifications/read', { method: 'POST', json: body }),
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

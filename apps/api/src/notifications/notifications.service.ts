import { Injectable } from '@nestjs/common';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext } from '../platform/request-context/request-context.js';
import { NotificationsRepository, type NewNotification, type Notification } from './notifications.repository.js';

export interface NotificationList {
  items: Notification[];
  unread: number;
}

/**
 * In-app notifications (docs/domain.md, "Notifications"): a member reads and marks only its own. Other features
 * call `notify` inside their own transaction, so a notification exists exactly when the change it tells of does.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(limit = 50, before?: string): Promise<NotificationList> {
    const userId = me();
    const [items, unread] = await Promise.all([
      this.notifications.list(userId, limit, before),
      this.notifications.unreadCount(userId),
    ]);
    return { items, unread };
  }

  async markRead(body: { ids?: string[]; all?: boolean }): Promise<{ unread: number }> {
    const userId = me();
    if (body.all === true) await this.notifications.markRead(userId, undefined);
    else if (body.ids?.length) await this.notifications.markRead(userId, body.ids);
    else
      throw new DomainError('INVALID_FIELD', 'Give the ids to mark read, or all: true.', [
        { field: 'ids', problems: ['give ids, or all: true'] },
      ]);
    return { unread: await this.notifications.unreadCount(userId) };
  }

  /** Tells each member of `rows` (never the member acting: nobody is told of their own action). */
  async notify(rows: readonly NewNotification[]): Promise<void> {
    const actor = requestContext.principal()?.userId;
    const wanted = rows.filter((row) => row.userId !== actor);
    if (!wanted.length) return;
    const members = await this.notifications.members([...new Set(wanted.map((r) => r.userId))]);
    await this.notifications.insert(wanted.filter((row) => members.has(row.userId)));
  }

  acknowledgers(unitId: string): Promise<string[]> {
    return this.notifications.acknowledgers(unitId);
  }
}

function me(): string {
  const principal = requestContext.principal();
  if (!principal) throw new DomainError('UNAUTHENTICATED', 'Sign in to read your notifications.');
  return principal.userId;
}

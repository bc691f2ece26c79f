import { Injectable } from '@nestjs/common';
import { Db } from '../platform/database/db.js';
import { requestContext } from '../platform/request-context/request-context.js';

export const NOTIFICATION_KINDS = [
  'proposal_approved',
  'proposal_rejected',
  'dependency_to_acknowledge',
  'dependency_acknowledged',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  id: string;
  kind: NotificationKind;
  message: string;
  comment: string | null;
  linkId: string | null;
  fromNodeId: string | null;
  toNodeId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  message: string;
  comment?: string | null;
  linkId?: string | null;
  fromNodeId?: string | null;
  toNodeId?: string | null;
}

const COLUMNS = `id, kind, message, comment, link_id AS "linkId", from_node_id AS "fromNodeId",
  to_node_id AS "toNodeId", to_json(created_at) #>> '{}' AS "createdAt", to_json(read_at) #>> '{}' AS "readAt"`;

/**
 * Members' notifications. Row-level security keeps organisations apart; every read and write here is also
 * filtered by the member it is for (`userId`, the principal's), because within an organisation a member sees
 * only its own.
 */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: Db) {}

  async insert(rows: readonly NewNotification[]): Promise<void> {
    if (!rows.length) return;
    await this.db.query(
      `INSERT INTO notifications (org_id, user_id, kind, message, comment, link_id, from_node_id, to_node_id)
       SELECT $1, r.user_id, r.kind, r.message, r.comment, r.link_id, r.from_node_id, r.to_node_id
         FROM jsonb_to_recordset($2::jsonb) AS r(user_id uuid, kind text, message text, comment text,
                                                 link_id uuid, from_node_id uuid, to_node_id uuid)`,
      [
        requestContext.orgId(),
        JSON.stringify(
          rows.map((n) => ({
            user_id: n.userId,
            kind: n.kind,
            message: n.message,
            comment: n.comment ?? null,
            link_id: n.linkId ?? null,
            from_node_id: n.fromNodeId ?? null,
            to_node_id: n.toNodeId ?? null,
          })),
        ),
      ],
    );
  }

  /** The member's notifications, newest first; `before` (a notification id) pages on. */
  list(userId: string, limit: number, before?: string): Promise<Notification[]> {
    return this.db.query<Notification>(
      `SELECT ${COLUMNS} FROM notifications n
        WHERE org_id = $1 AND user_id = $2
          AND ($4::uuid IS NULL OR (created_at, id) < (SELECT created_at, id FROM notifications
                                                        WHERE org_id = $1 AND user_id = $2 AND id = $4))
        ORDER BY created_at DESC, id DESC
        LIMIT $3`,
      [requestContext.orgId(), userId, limit, before ?? null],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await this.db.one<{ count: number }>(
      `SELECT count(*)::int AS count FROM notifications WHERE org_id = $1 AND user_id = $2 AND read_at IS NULL`,
      [requestContext.orgId(), userId],
    );
    return row?.count ?? 0;
  }

  /** Marks the member's own notifications read: the given ids, or all of them when `ids` is undefined. */
  async markRead(userId: string, ids: readonly string[] | undefined): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET read_at = now()
        WHERE org_id = $1 AND user_id = $2 AND read_at IS NULL AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))`,
      [requestContext.orgId(), userId, ids ?? null],
    );
  }

  /** The members who acknowledge a cross-unit dependency into `unitId`: its owner, or every pmo when it has none. */
  async acknowledgers(unitId: string): Promise<string[]> {
    const rows = await this.db.query<{ userId: string }>(
      `SELECT owner_id AS "userId" FROM business_units WHERE org_id = $1 AND id = $2 AND owner_id IS NOT NULL
       UNION
       SELECT m.user_id FROM memberships m
        WHERE m.org_id = $1 AND m.role = 'pmo'
          AND NOT EXISTS (SELECT 1 FROM business_units u WHERE u.org_id = $1 AND u.id = $2 AND u.owner_id IS NOT NULL)`,
      [requestContext.orgId(), unitId],
    );
    return rows.map((r) => r.userId);
  }

  /** Which of these user ids are members of the organisation (a proposer may have left it). */
  async members(userIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ userId: string }>(
      `SELECT user_id AS "userId" FROM memberships WHERE org_id = $1 AND user_id = ANY($2::uuid[])`,
      [requestContext.orgId(), userIds],
    );
    return new Set(rows.map((r) => r.userId));
  }
}

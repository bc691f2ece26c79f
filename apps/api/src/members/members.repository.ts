import { Injectable } from '@nestjs/common';
import { Db } from '../platform/database/db.js';
import { requestContext, type Role } from '../platform/request-context/request-context.js';

export interface MemberRow {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  unit_ids: string[];
  totp_enabled: boolean;
  created_at: Date;
}

export interface InviteRow {
  id: string;
  email: string;
  role: Role;
  unit_ids: string[];
  created_at: Date;
  expires_at: Date;
  created_by_name: string | null;
}

const MEMBER_COLUMNS = `m.user_id, u.name, u.email, m.role, m.unit_ids, u.totp_enabled, m.created_at`;

/** Memberships, invites and password-reset links of the request's organisation. */
@Injectable()
export class MembersRepository {
  constructor(private readonly db: Db) {}

  list(): Promise<MemberRow[]> {
    return this.db.query<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.org_id = $1 ORDER BY lower(u.name), u.email`,
      [requestContext.orgId()],
    );
  }

  get(userId: string): Promise<MemberRow | undefined> {
    return this.db.one<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.org_id = $1 AND m.user_id = $2`,
      [requestContext.orgId(), userId],
    );
  }

  /** The admins, locked until the transaction ends: two admins demoting each other cannot both pass the last-admin rule. */
  async lockAdmins(): Promise<string[]> {
    const rows = await this.db.query<{ user_id: string }>(
      `SELECT user_id FROM memberships WHERE org_id = $1 AND role = 'admin' ORDER BY user_id FOR UPDATE`,
      [requestContext.orgId()],
    );
    return rows.map((row) => row.user_id);
  }

  async update(userId: string, change: { role: Role; unitIds: string[] }): Promise<void> {
    await this.db.query(
      `UPDATE memberships SET role = $3, unit_ids = $4, updated_at = now() WHERE org_id = $1 AND user_id = $2`,
      [requestContext.orgId(), userId, change.role, change.unitIds],
    );
  }

  /** Removes the membership; the member's sessions and reset links in this organisation go with it. */
  async remove(userId: string): Promise<void> {
    const orgId = requestContext.orgId();
    await this.db.query(
      `UPDATE sessions SET revoked_at = now() WHERE org_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [orgId, userId],
    );
    await this.db.query(`DELETE FROM password_resets WHERE org_id = $1 AND user_id = $2`, [orgId, userId]);
    await this.db.query(`DELETE FROM memberships WHERE org_id = $1 AND user_id = $2`, [orgId, userId]);
  }

  /** The ids among `unitIds` that are not business units of this organisation. */
  async unknownUnits(unitIds: string[]): Promise<string[]> {
    if (unitIds.length === 0) return [];
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM business_units WHERE org_id = $1 AND id = ANY($2::uuid[])`,
      [requestContext.orgId(), unitIds],
    );
    const known = new Set(rows.map((row) => row.id));
    return unitIds.filter((id) => !known.has(id));
  }

  async isMemberByEmail(email: string): Promise<boolean> {
    const row = await this.db.one(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = $1 AND u.email = $2`,
      [requestContext.orgId(), email],
    );
    return row !== undefined;
  }

  /** A new invite; an earlier open invite for the same email is withdrawn (only the newest link works). */
  async insertInvite(invite: {
    id: string;
    email: string;
    role: Role;
    unitIds: string[];
    tokenHash: string;
    createdBy: string | null;
    expiresAt: Date;
  }): Promise<void> {
    const orgId = requestContext.orgId();
    await this.db.query(`DELETE FROM invites WHERE org_id = $1 AND email = $2 AND accepted_at IS NULL`, [
      orgId,
      invite.email,
    ]);
    await this.db.query(
      `INSERT INTO invites (id, org_id, email, role, unit_ids, token_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        invite.id,
        orgId,
        invite.email,
        invite.role,
        invite.unitIds,
        invite.tokenHash,
        invite.createdBy,
        invite.expiresAt,
      ],
    );
  }

  /** Invites not yet accepted nor expired, newest first. */
  openInvites(): Promise<InviteRow[]> {
    return this.db.query<InviteRow>(
      `SELECT i.id, i.email, i.role, i.unit_ids, i.created_at, i.expires_at, u.name AS created_by_name
         FROM invites i LEFT JOIN users u ON u.id = i.created_by
        WHERE i.org_id = $1 AND i.accepted_at IS NULL AND i.expires_at > now()
        ORDER BY i.created_at DESC`,
      [requestContext.orgId()],
    );
  }

  async deleteInvite(id: string): Promise<boolean> {
    const rows = await this.db.query(
      `WITH gone AS (DELETE FROM invites WHERE org_id = $1 AND id = $2 AND accepted_at IS NULL RETURNING id)
       SELECT id FROM gone`,
      [requestContext.orgId(), id],
    );
    return rows.length > 0;
  }

  /** A new reset link for a member; earlier unused ones stop working. */
  async insertPasswordReset(reset: {
    id: string;
    userId: string;
    tokenHash: string;
    createdBy: string | null;
    expiresAt: Date;
  }): Promise<void> {
    const orgId = requestContext.orgId();
    await this.db.query(`DELETE FROM password_resets WHERE org_id = $1 AND user_id = $2 AND used_at IS NULL`, [
      orgId,
      reset.userId,
    ]);
    await this.db.query(
      `INSERT INTO password_resets (id, org_id, user_id, token_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [reset.id, orgId, reset.userId, reset.tokenHash, reset.createdBy, reset.expiresAt],
    );
  }
}

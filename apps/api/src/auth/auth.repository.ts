import { Injectable } from '@nestjs/common';
import { Db } from '../platform/database/db.js';
import type { Role } from '../platform/request-context/request-context.js';

/** An account as log-in sees it (through `auth_user_by_email`, before any organisation is known). */
export interface AccountRow {
  id: string;
  name: string;
  email: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: boolean;
}

/** A session with its user and that user's membership now (`auth_session`); role null once removed. */
export interface SessionRow {
  session_id: string;
  user_id: string;
  user_name: string;
  user_email: string;
  org_id: string;
  role: Role | null;
  unit_ids: string[] | null;
  expires_at: Date;
  revoked_at: Date | null;
  totp_enabled: boolean;
}

export interface UserOrganisationRow {
  org_id: string;
  org_name: string;
  slug: string;
  role: Role;
}

export interface UserRow {
  id: string;
  name: string;
  email: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: boolean;
}

/**
 * Accounts, memberships and sessions. Lookups made before an organisation is known go through
 * the SECURITY DEFINER functions of the Accounts migration; everything else runs under row-level
 * security in the organisation (and as the user) the request context names.
 */
@Injectable()
export class AuthRepository {
  constructor(private readonly db: Db) {}

  async accountByEmail(email: string): Promise<AccountRow | undefined> {
    return this.db.one<AccountRow>(`SELECT * FROM auth_user_by_email($1)`, [email]);
  }

  async session(sessionId: string): Promise<SessionRow | undefined> {
    return this.db.one<SessionRow>(
      `SELECT session_id, user_id, user_name, user_email, org_id, role, unit_ids, expires_at, revoked_at, totp_enabled
         FROM auth_session($1)`,
      [sessionId],
    );
  }

  userOrganisations(userId: string): Promise<UserOrganisationRow[]> {
    return this.db.query<UserOrganisationRow>(`SELECT * FROM auth_user_organisations($1)`, [userId]);
  }

  /** The user of the context (`app.user_id`), or a member of its organisation. */
  user(userId: string): Promise<UserRow | undefined> {
    return this.db.one<UserRow>(
      `SELECT id, name, email, password_hash, totp_secret, totp_enabled FROM users WHERE id = $1`,
      [userId],
    );
  }

  async insertUser(user: { id: string; email: string; name: string; passwordHash: string }): Promise<void> {
    await this.db.query(`INSERT INTO users (id, email, name, password_hash) VALUES ($1, $2, $3, $4)`, [
      user.id,
      user.email,
      user.name,
      user.passwordHash,
    ]);
  }

  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.db.query(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
  }

  /** No password: the account cannot sign in (the demo users when DEMO_SEED is off). */
  async clearPassword(userId: string): Promise<void> {
    await this.db.query(`UPDATE users SET password_hash = NULL, updated_at = now() WHERE id = $1`, [userId]);
  }

  async setTotp(userId: string, totp: { secret: string | null; enabled: boolean }): Promise<void> {
    await this.db.query(`UPDATE users SET totp_secret = $2, totp_enabled = $3, updated_at = now() WHERE id = $1`, [
      userId,
      totp.secret,
      totp.enabled,
    ]);
  }

  async insertMembership(membership: { orgId: string; userId: string; role: Role; unitIds: string[] }): Promise<void> {
    await this.db.query(`INSERT INTO memberships (org_id, user_id, role, unit_ids) VALUES ($1, $2, $3, $4)`, [
      membership.orgId,
      membership.userId,
      membership.role,
      membership.unitIds,
    ]);
  }

  async membership(orgId: string, userId: string): Promise<{ role: Role; unit_ids: string[] } | undefined> {
    return this.db.one(`SELECT role, unit_ids FROM memberships WHERE org_id = $1 AND user_id = $2`, [orgId, userId]);
  }

  async insertSession(session: { id: string; orgId: string; userId: string; expiresAt: Date }): Promise<void> {
    await this.db.query(`INSERT INTO sessions (id, org_id, user_id, expires_at) VALUES ($1, $2, $3, $4)`, [
      session.id,
      session.orgId,
      session.userId,
      session.expiresAt,
    ]);
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.db.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  /** Every open session of a user in the context's organisation, but `keep` (after a password change). */
  async revokeUserSessions(userId: string, keep?: string): Promise<void> {
    await this.db.query(
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, keep ?? null],
    );
  }

  async touchSession(sessionId: string): Promise<void> {
    await this.db.query(`UPDATE sessions SET last_seen_at = now() WHERE id = $1`, [sessionId]);
  }
}

import { Injectable } from '@nestjs/common';
import { Db } from '../platform/database/db.js';
import type { Role } from '../platform/request-context/request-context.js';

export interface InviteLookupRow {
  id: string;
  org_id: string;
  org_name: string;
  email: string;
  role: Role;
  unit_ids: string[];
  expires_at: Date;
  accepted_at: Date | null;
}

export interface ResetLookupRow {
  id: string;
  org_id: string;
  user_id: string;
  user_email: string;
  expires_at: Date;
  used_at: Date | null;
}

/**
 * One-time links opened by someone not signed in: found by their token's hash through the
 * definer functions, then used under row-level security in the link's organisation.
 */
@Injectable()
export class AccountLinksRepository {
  constructor(private readonly db: Db) {}

  invite(tokenHash: string): Promise<InviteLookupRow | undefined> {
    return this.db.one<InviteLookupRow>(
      `SELECT id, org_id, org_name, email, role, unit_ids, expires_at, accepted_at FROM auth_invite_by_token_hash($1)`,
      [tokenHash],
    );
  }

  passwordReset(tokenHash: string): Promise<ResetLookupRow | undefined> {
    return this.db.one<ResetLookupRow>(
      `SELECT id, org_id, user_id, user_email, expires_at, used_at FROM auth_password_reset_by_token_hash($1)`,
      [tokenHash],
    );
  }

  /**
   * Marks the invite accepted; false when someone else just did (the link is one-time). The
   * UPDATE sits in a CTE: inside a transaction TypeORM answers a bare UPDATE … RETURNING with
   * `[rows, count]`, a SELECT with its rows.
   */
  async acceptInvite(id: string): Promise<boolean> {
    const rows = await this.db.query(
      `WITH used AS (UPDATE invites SET accepted_at = now() WHERE id = $1 AND accepted_at IS NULL RETURNING id)
       SELECT id FROM used`,
      [id],
    );
    return rows.length > 0;
  }

  async useReset(id: string): Promise<boolean> {
    const rows = await this.db.query(
      `WITH used AS (UPDATE password_resets SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id)
       SELECT id FROM used`,
      [id],
    );
    return rows.length > 0;
  }
}

import { Injectable } from '@nestjs/common';
import { auditSettingsFrom, type AuditSettings } from '@throughline/domain';
import { Db } from '../platform/database/db.js';
import { requestContext } from '../platform/request-context/request-context.js';

/**
 * The organisation's audit settings, stored in `organisations.settings.audit` (a jsonb shared
 * with other settings), defaults filled in. The audit itself reads them inside its topology
 * snapshot (topology/); this is the read and the write of `GET/PATCH /api/audit/settings`.
 */
@Injectable()
export class AuditSettingsRepository {
  constructor(private readonly db: Db) {}

  async current(): Promise<AuditSettings> {
    const row = await this.db.one<{ audit: unknown }>(
      `SELECT settings -> 'audit' AS audit FROM organisations WHERE id = $1`,
      [requestContext.orgId()],
    );
    return auditSettingsFrom(row?.audit);
  }

  /** Merges `patch` into `organisations.settings.audit`, leaving every other setting alone. */
  async update(patch: Partial<AuditSettings>): Promise<AuditSettings> {
    const row = await this.db.one<{ audit: unknown }>(
      `WITH updated AS (
         UPDATE organisations
            SET settings = jsonb_set(settings, '{audit}', coalesce(settings -> 'audit', '{}'::jsonb) || $2::jsonb)
          WHERE id = $1
          RETURNING settings -> 'audit' AS audit)
       SELECT audit FROM updated`,
      [requestContext.orgId(), JSON.stringify(patch)],
    );
    return auditSettingsFrom(row?.audit);
  }
}

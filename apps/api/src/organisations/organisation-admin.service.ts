import { Injectable } from '@nestjs/common';
import { AuthRepository } from '../auth/auth.repository.js';
import { requirePrincipal, requireRole } from '../auth/current-principal.js';
import { TotpService } from '../auth/totp.service.js';
import { ChangeLogRepository } from '../change-log/change-log.repository.js';
import { MembersRepository } from '../members/members.repository.js';
import { Db } from '../platform/database/db.js';
import { DomainError } from '../platform/errors/domain-error.js';
import type { Role } from '../platform/request-context/request-context.js';
import { OrganisationsRepository, type OrganisationSummary } from './organisations.repository.js';
import { OrganisationsService } from './organisations.service.js';

export interface ExportedMember {
  name: string;
  email: string;
  role: Role;
  /** A contributor's units, by key (as the interchange document names them). */
  units: string[];
  joinedAt: string;
}

/** The export's envelope around the interchange document (format `throughline/v1`). */
export const ORGANISATION_EXPORT_FORMAT = 'throughline-organisation/v1';

/**
 * The organisation's own settings page: name, currency and locale (how money and dates are
 * shown), whether TOTP is required; the whole organisation exported; the organisation deleted.
 */
@Injectable()
export class OrganisationAdminService {
  constructor(
    private readonly db: Db,
    private readonly organisations: OrganisationsRepository,
    private readonly defaults: OrganisationsService,
    private readonly members: MembersRepository,
    private readonly accounts: AuthRepository,
    private readonly totp: TotpService,
    private readonly log: ChangeLogRepository,
  ) {}

  async get(): Promise<OrganisationSummary> {
    const principal = requirePrincipal();
    const organisation = await this.organisations.summary(principal.orgId);
    if (!organisation) throw new DomainError('NOT_FOUND', 'The organisation no longer exists.');
    return organisation;
  }

  async update(change: {
    name?: string;
    currency?: string;
    locale?: string;
    requireTotp?: boolean;
  }): Promise<OrganisationSummary> {
    const admin = requireRole('admin');
    const settings: Record<string, unknown> = {};
    if (change.currency !== undefined) settings.currency = change.currency;
    if (change.locale !== undefined) settings.locale = change.locale;
    if (change.requireTotp !== undefined) settings.requireTotp = change.requireTotp;
    // Requiring TOTP of everyone starts with oneself: an admin without it would be shut out of this page.
    if (change.requireTotp === true && !(await this.accounts.user(admin.userId))?.totp_enabled) {
      throw new DomainError('INVALID_STATE', 'Turn TOTP on for your own account before requiring it of everyone.');
    }
    const updated = await this.db.transaction(async () => {
      const before = await this.organisations.summary(admin.orgId);
      const after = await this.organisations.update(admin.orgId, { name: change.name?.trim(), settings });
      if (!before || !after) throw new DomainError('NOT_FOUND', 'The organisation no longer exists.');
      await this.log.append([
        { action: 'update', entityType: 'organisation', entityId: admin.orgId, nodeIds: [], before, after },
      ]);
      return after;
    });
    this.totp.forget(admin.orgId);
    return updated;
  }

  /** The organisation and its members (no password hashes, TOTP secrets, sessions or links), read before the portfolio streams. */
  async exportHeader(): Promise<{
    format: string;
    exportedAt: string;
    organisation: OrganisationSummary;
    members: ExportedMember[];
  }> {
    const admin = requireRole('admin');
    return this.db.transaction(async () => {
      const organisation = await this.organisations.summary(admin.orgId);
      if (!organisation) throw new DomainError('NOT_FOUND', 'The organisation no longer exists.');
      const keys = await this.organisations.unitKeys(admin.orgId);
      const members = (await this.members.list()).map((m) => ({
        name: m.name,
        email: m.email,
        role: m.role,
        units: m.unit_ids.map((id) => keys.get(id)).filter((key): key is string => key !== undefined),
        joinedAt: m.created_at.toISOString(),
      }));
      return { format: ORGANISATION_EXPORT_FORMAT, exportedAt: new Date().toISOString(), organisation, members };
    });
  }

  /**
   * Deletes the organisation and every row of it, in every tenant table (the database function
   * `delete_organisation`), and the accounts that belonged to it alone. The name must be typed
   * again. The demo organisation stays: its admin's password is on the log-in page.
   */
  async delete(confirmName: string): Promise<void> {
    const admin = requireRole('admin');
    const organisation = await this.organisations.summary(admin.orgId);
    if (!organisation) throw new DomainError('NOT_FOUND', 'The organisation no longer exists.');
    if (confirmName !== organisation.name) {
      throw new DomainError('VALIDATION_FAILED', 'confirmName must be the organisation’s name exactly', [
        { field: 'confirmName', problems: ['must be the organisation’s name exactly'] },
      ]);
    }
    if (admin.orgId === this.defaults.defaultOrganisationId()) {
      throw new DomainError('INVALID_STATE', 'The demo organisation cannot be deleted.');
    }
    await this.db.transaction(() => this.organisations.delete(admin.orgId));
  }
}

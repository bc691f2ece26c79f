import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ChangeLogRepository } from '../change-log/change-log.repository.js';
import { Db } from '../platform/database/db.js';
import { DomainError } from '../platform/errors/domain-error.js';
import type { Role } from '../platform/request-context/request-context.js';
import { AccountLinksRepository, type InviteLookupRow } from './account-links.repository.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService, checkPassword } from './auth.service.js';
import { hashOneTimeToken, ONE_TIME_TOKEN } from './one-time-tokens.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { TotpService } from './totp.service.js';
import type { SessionView } from './session-view.js';

const GONE = 'This link is not valid: it may have expired, or been used already. Ask an admin for a new one.';

/**
 * Invite and password-reset links, opened by someone not signed in. Unknown, used and expired
 * links all answer the same 404, so a link's state tells nothing to whoever guesses.
 */
@Injectable()
export class AccountLinksService {
  constructor(
    private readonly db: Db,
    private readonly links: AccountLinksRepository,
    private readonly accounts: AuthRepository,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly throttle: LoginThrottle,
    private readonly totp: TotpService,
    private readonly log: ChangeLogRepository,
  ) {}

  /** What the accept page shows; `accountExists` says whether to ask for a name and a new password, or the existing one. */
  async describeInvite(
    token: string,
  ): Promise<{ organisationName: string; email: string; role: Role; accountExists: boolean }> {
    const invite = await this.openInvite(token);
    const account = await this.accounts.accountByEmail(invite.email);
    return {
      organisationName: invite.org_name,
      email: invite.email,
      role: invite.role,
      accountExists: Boolean(account?.password_hash),
    };
  }

  /**
   * Joins the invite's organisation and signs in. A new account sets its name and password; an
   * existing account proves itself with its password (and joins with its own name).
   */
  async acceptInvite(
    token: string,
    input: { name?: string; password: string; totpCode?: string },
    address: string,
  ): Promise<SessionView> {
    const invite = await this.openInvite(token);
    const account = await this.accounts.accountByEmail(invite.email);
    let userId: string;
    if (account?.password_hash) {
      // An existing account's password is checked as at log-in, failures counted alike.
      await this.throttle.check(invite.email, address);
      if (!(await this.hasher.verify(account.password_hash, input.password))) {
        await this.throttle.failed(invite.email, address);
        throw new DomainError('INVALID_CREDENTIALS', 'The password is wrong for this existing account.');
      }
      if (account.totp_enabled && !(await this.totp.accept(account.id, account.totp_secret ?? '', input.totpCode))) {
        if (input.totpCode !== undefined) await this.throttle.failed(invite.email, address);
        throw new DomainError('TOTP_REQUIRED', 'Enter the current code of your authenticator app.');
      }
      userId = account.id;
      await this.join(invite, userId, account.name, async () => {});
    } else {
      const name = input.name?.trim();
      if (!name) {
        throw new DomainError('VALIDATION_FAILED', 'name is required for a new account', [
          { field: 'name', problems: ['name is required for a new account'] },
        ]);
      }
      checkPassword(input.password, { email: invite.email, name });
      const passwordHash = await this.hasher.hash(input.password);
      userId = account?.id ?? randomUUID();
      await this.join(invite, userId, name, async () => {
        if (account) await this.accounts.setPassword(userId, passwordHash);
        else await this.accounts.insertUser({ id: userId, email: invite.email, name, passwordHash });
      });
    }
    return this.auth.openSession(userId, invite.org_id);
  }

  /** Sets a new password from an admin's reset link; the member's sessions in that organisation end. */
  async resetPassword(token: string, password: string): Promise<void> {
    if (!ONE_TIME_TOKEN.test(token)) throw new DomainError('NOT_FOUND', GONE);
    const reset = await this.links.passwordReset(hashOneTimeToken(token));
    if (!reset || reset.used_at || reset.expires_at.getTime() <= Date.now()) throw new DomainError('NOT_FOUND', GONE);
    checkPassword(password, { email: reset.user_email });
    const passwordHash = await this.hasher.hash(password);
    await this.auth.asUser(reset.user_id, reset.org_id, 'system', () =>
      this.db.transaction(async () => {
        if (!(await this.links.useReset(reset.id))) throw new DomainError('NOT_FOUND', GONE);
        await this.accounts.setPassword(reset.user_id, passwordHash);
        await this.accounts.revokeUserSessions(reset.user_id);
      }),
    );
  }

  private async openInvite(token: string): Promise<InviteLookupRow> {
    if (!ONE_TIME_TOKEN.test(token)) throw new DomainError('NOT_FOUND', GONE);
    const invite = await this.links.invite(hashOneTimeToken(token));
    if (!invite || invite.accepted_at || invite.expires_at.getTime() <= Date.now()) {
      throw new DomainError('NOT_FOUND', GONE);
    }
    return invite;
  }

  /** In the invite's organisation, as the joining user: `before` (the account), the membership, the invite used. */
  private join(invite: InviteLookupRow, userId: string, name: string, before: () => Promise<void>): Promise<void> {
    return this.auth.asUser(userId, invite.org_id, name, () =>
      this.db.transaction(async () => {
        if (!(await this.links.acceptInvite(invite.id))) throw new DomainError('NOT_FOUND', GONE);
        await before();
        if (await this.accounts.membership(invite.org_id, userId)) {
          throw new DomainError('CONFLICT', 'You are already a member of this organisation.');
        }
        await this.accounts.insertMembership({
          orgId: invite.org_id,
          userId,
          role: invite.role,
          unitIds: invite.unit_ids,
        });
        await this.log.append([
          {
            action: 'create',
            entityType: 'membership',
            entityId: userId,
            nodeIds: [],
            before: null,
            after: { name, email: invite.email, role: invite.role, unitIds: invite.unit_ids, inviteId: invite.id },
          },
        ]);
      }),
    );
  }
}

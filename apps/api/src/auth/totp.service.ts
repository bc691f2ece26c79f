import { Injectable } from '@nestjs/common';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext, type Principal } from '../platform/request-context/request-context.js';
import { AuthRepository, type UserRow } from './auth.repository.js';
import { ThrottleRepository } from './throttle.repository.js';
import { newTotpSecret, totpCodeStep } from './totp.js';

/** How long a replica trusts what it read of an organisation's requireTotp. */
const POLICY_TTL_MS = 10_000;

/**
 * The optional second factor: a TOTP secret set up, confirmed with a first code, and then asked
 * for at every log-in. An organisation may require it (`requireTotp`): a member without it may
 * then only set it up (RequestAuthenticator refuses everything else with TOTP_SETUP_REQUIRED).
 */
@Injectable()
export class TotpService {
  private readonly required = new Map<string, { value: boolean; at: number }>();

  constructor(
    private readonly accounts: AuthRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly counters: ThrottleRepository,
  ) {}

  /**
   * Whether `code` is the user's current code and its time step was not used before (a code seen
   * over a shoulder or in a log cannot be used again): the step is recorded in PostgreSQL.
   */
  async accept(userId: string, secret: string, code: string | undefined): Promise<boolean> {
    const step = totpCodeStep(secret, code);
    return step !== undefined && (await this.counters.claimStep(`totp:last-step:${userId}`, step));
  }

  /** A new secret for the signed-in user (not yet in force: `enable` with a code confirms it). */
  setup(principal: Principal): Promise<{ secret: string; otpauthUrl: string }> {
    return this.asUser(principal, async (user) => {
      if (user.totp_enabled)
        throw new DomainError('CONFLICT', 'TOTP is already on: turn it off first to set up another.');
      const fresh = newTotpSecret(user.email);
      await this.accounts.setTotp(user.id, { secret: fresh.secret, enabled: false });
      return fresh;
    });
  }

  enable(principal: Principal, code: string): Promise<void> {
    return this.asUser(principal, async (user) => {
      if (user.totp_enabled) throw new DomainError('CONFLICT', 'TOTP is already on.');
      if (!user.totp_secret) throw new DomainError('INVALID_STATE', 'Set TOTP up first (POST /api/auth/totp/setup).');
      if (!(await this.accept(user.id, user.totp_secret, code))) throw wrongCode();
      await this.accounts.setTotp(user.id, { secret: user.totp_secret, enabled: true });
    });
  }

  disable(principal: Principal, code: string): Promise<void> {
    return this.asUser(principal, async (user) => {
      if (!user.totp_enabled || !user.totp_secret) throw new DomainError('INVALID_STATE', 'TOTP is not on.');
      if (await this.isRequired(principal.orgId)) {
        throw new DomainError('INVALID_STATE', 'Your organisation requires TOTP: it cannot be turned off.');
      }
      if (!(await this.accept(user.id, user.totp_secret, code))) throw wrongCode();
      await this.accounts.setTotp(user.id, { secret: null, enabled: false });
    });
  }

  /** Whether the organisation requires TOTP (read at most every 10 s per replica). */
  async isRequired(orgId: string): Promise<boolean> {
    const cached = this.required.get(orgId);
    if (cached && Date.now() - cached.at < POLICY_TTL_MS) return cached.value;
    const organisation = await requestContext.extend({ orgId }, () => this.organisations.summary(orgId));
    const value = organisation?.requireTotp ?? false;
    this.required.set(orgId, { value, at: Date.now() });
    return value;
  }

  /** After this replica changed the setting: no stale answer here. */
  forget(orgId: string) {
    this.required.delete(orgId);
  }

  private asUser<T>(principal: Principal, work: (user: UserRow) => Promise<T>): Promise<T> {
    return requestContext.extend({ orgId: principal.orgId, userId: principal.userId }, async () => {
      const user = await this.accounts.user(principal.userId);
      if (!user) throw new DomainError('UNAUTHENTICATED', 'The session has ended.');
      return work(user);
    });
  }
}

function wrongCode() {
  return new DomainError(
    'INVALID_FIELD',
    'That code is not the current one: check the authenticator app and the clock.',
    {
      field: 'code',
    },
  );
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ChangeLogRepository } from '../change-log/change-log.repository.js';
import { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { Db } from '../platform/database/db.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext, type Principal } from '../platform/request-context/request-context.js';
import { AuthRepository } from './auth.repository.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { passwordProblems } from './password-policy.js';
import { SessionTokens } from './session-tokens.js';
import { SESSION_MAX_AGE_MS, type SessionView } from './session-view.js';
import { slugFor } from './slug.js';
import { TotpService } from './totp.service.js';

export interface SignUp {
  organisationName: string;
  name: string;
  email: string;
  password: string;
}

export interface LogIn {
  email: string;
  password: string;
  totpCode?: string;
}

const INVALID_CREDENTIALS = 'The email or the password is wrong.';

/**
 * Sign-up, log-in, log-out, switching organisation and changing one's password. Each signs in
 * by writing a `sessions` row and signing a token that names it; everything after that is
 * checked against the row and the membership on every request (auth/request-authenticator.ts).
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly accounts: AuthRepository,
    private readonly organisations: OrganisationsRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: SessionTokens,
    private readonly throttle: LoginThrottle,
    private readonly totp: TotpService,
    private readonly log: ChangeLogRepository,
  ) {}

  /** A new organisation with its first admin, signed in. */
  async signUp(input: SignUp): Promise<SessionView> {
    const email = normaliseEmail(input.email);
    checkPassword(input.password, { email, name: input.name });
    if (await this.accounts.accountByEmail(email)) {
      throw new DomainError('CONFLICT', 'An account with this email exists: log in, or ask an admin for an invite.', {
        field: 'email',
      });
    }
    const passwordHash = await this.hasher.hash(input.password);
    const orgId = randomUUID();
    const userId = randomUUID();
    const name = input.name.trim();
    await this.asUser(userId, orgId, name, () =>
      this.db.transaction(async () => {
        await this.organisations.insert({
          id: orgId,
          slug: slugFor(input.organisationName),
          name: input.organisationName.trim(),
        });
        await this.accounts.insertUser({ id: userId, email, name, passwordHash });
        await this.accounts.insertMembership({ orgId, userId, role: 'admin', unitIds: [] });
        await this.log.append([
          {
            action: 'create',
            entityType: 'organisation',
            entityId: orgId,
            nodeIds: [],
            before: null,
            after: { name: input.organisationName.trim() },
          },
          {
            action: 'create',
            entityType: 'membership',
            entityId: userId,
            nodeIds: [],
            before: null,
            after: { name, email, role: 'admin' },
          },
        ]);
      }),
    );
    return this.openSession(userId, orgId);
  }

  /** `address`: the client's, for the failed log-in limit (X-Forwarded-For only behind TRUST_PROXY). */
  async logIn(input: LogIn, address: string): Promise<SessionView> {
    const email = normaliseEmail(input.email);
    await this.throttle.check(email, address);
    const account = await this.accounts.accountByEmail(email);
    const matches = await this.hasher.verify(account?.password_hash, input.password);
    if (!account || !matches) {
      await this.throttle.failed(email, address);
      throw new DomainError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    }
    if (account.totp_enabled && !(await this.totp.accept(account.id, account.totp_secret ?? '', input.totpCode))) {
      // A wrong code counts as a failed log-in; a missing one (the app asks again) does not.
      if (input.totpCode !== undefined) await this.throttle.failed(email, address);
      throw new DomainError('TOTP_REQUIRED', 'Enter the current code of your authenticator app.');
    }
    await this.throttle.succeeded(email);
    if (this.hasher.isOutdated(account.password_hash!)) {
      const stronger = await this.hasher.hash(input.password);
      await requestContext.extend({ userId: account.id }, () => this.accounts.setPassword(account.id, stronger));
    }
    const [first] = await this.accounts.userOrganisations(account.id);
    if (!first) throw new DomainError('FORBIDDEN', 'This account is no longer a member of any organisation.');
    return this.openSession(account.id, first.org_id);
  }

  async logOut(principal: Principal): Promise<void> {
    await this.inContextOf(principal, () => this.accounts.revokeSession(principal.sessionId));
  }

  /** The signed-in session with a fresh token. */
  async current(principal: Principal): Promise<SessionView> {
    const token = await this.tokens.sign(principal);
    return this.view(principal.userId, principal.orgId, token);
  }

  /** Signs in to another organisation the user belongs to; the old session ends. */
  async switchOrganisation(principal: Principal, organisationId: string): Promise<SessionView> {
    const memberships = await this.accounts.userOrganisations(principal.userId);
    if (!memberships.some((m) => m.org_id === organisationId)) {
      throw new DomainError('NOT_FOUND', 'You are not a member of that organisation.');
    }
    await this.inContextOf(principal, () => this.accounts.revokeSession(principal.sessionId));
    return this.openSession(principal.userId, organisationId);
  }

  /** Changes one's password; the other sessions of this organisation end. */
  /** A wrong current password counts as a failed log-in (a stolen session cannot guess its way to the password). */
  async changePassword(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
    address: string,
  ): Promise<void> {
    await this.throttle.check(principal.email, address);
    await this.inContextOf(principal, async () => {
      const user = await this.accounts.user(principal.userId);
      if (!user || !(await this.hasher.verify(user.password_hash, currentPassword))) {
        await this.throttle.failed(principal.email, address);
        throw new DomainError('INVALID_CREDENTIALS', 'The current password is wrong.');
      }
      checkPassword(newPassword, { email: user.email, name: user.name });
      const hash = await this.hasher.hash(newPassword);
      await this.db.transaction(async () => {
        await this.accounts.setPassword(principal.userId, hash);
        await this.accounts.revokeUserSessions(principal.userId, principal.sessionId);
      });
    });
  }

  /** A new `sessions` row for the user in the organisation, and the session answer with its token. */
  async openSession(userId: string, orgId: string): Promise<SessionView> {
    const sessionId = randomUUID();
    await this.asUser(userId, orgId, 'system', () =>
      this.accounts.insertSession({
        id: sessionId,
        orgId,
        userId,
        expiresAt: new Date(Date.now() + SESSION_MAX_AGE_MS),
      }),
    );
    const token = await this.tokens.sign({ userId, orgId, sessionId });
    return this.view(userId, orgId, token);
  }

  private view(userId: string, orgId: string, token: string): Promise<SessionView> {
    return this.asUser(userId, orgId, 'system', () =>
      this.db.transaction(async () => {
        // One after another: the statements share the transaction's connection.
        const user = await this.accounts.user(userId);
        const organisation = await this.organisations.summary(orgId);
        const membership = await this.accounts.membership(orgId, userId);
        const organisations = await this.accounts.userOrganisations(userId);
        if (!user || !organisation || !membership) throw new DomainError('UNAUTHENTICATED', 'The session has ended.');
        return {
          token,
          user: { id: user.id, name: user.name, email: user.email, totpEnabled: user.totp_enabled },
          organisation: {
            id: organisation.id,
            name: organisation.name,
            slug: organisation.slug,
            currency: organisation.currency,
            locale: organisation.locale,
            requireTotp: organisation.requireTotp,
          },
          role: membership.role,
          unitIds: membership.unit_ids,
          organisations: organisations.map((o) => ({ id: o.org_id, name: o.org_name, role: o.role })),
        };
      }),
    );
  }

  /** Runs `work` as the user in the organisation (what `app.user_id`/`app.org_id` are set to). */
  asUser<T>(userId: string, orgId: string, actor: string, work: () => Promise<T>): Promise<T> {
    return requestContext.extend({ userId, orgId, actor }, work);
  }

  private inContextOf<T>(principal: Principal, work: () => Promise<T>): Promise<T> {
    return requestContext.extend(
      { userId: principal.userId, orgId: principal.orgId, actor: principal.name, principal },
      work,
    );
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Refuses a weak new password with 422 WEAK_PASSWORD, naming each problem. */
export function checkPassword(password: string, account: { email?: string; name?: string }) {
  const problems = passwordProblems(password, account);
  if (problems.length) {
    throw new DomainError('WEAK_PASSWORD', `The password ${problems.join(', and ')}.`, [
      { field: 'password', problems },
    ]);
  }
}

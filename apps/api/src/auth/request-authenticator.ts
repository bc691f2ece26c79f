import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '../platform/config/app-config.js';
import { DomainError } from '../platform/errors/domain-error.js';
import type { Principal } from '../platform/request-context/principal.js';
import { RequestAuthenticator } from '../platform/request-context/request-authenticator.js';
import { AuthRepository } from './auth.repository.js';
import { csrfRefusal, CSRF_HEADER } from './csrf.js';
import { clearSessionCookie, credentialsOf, setSessionCookie } from './session-cookie.js';
import { SessionTokens, TOKEN_LIFETIME_S } from './session-tokens.js';
import { TotpService } from './totp.service.js';

/** What a member who must set up TOTP may still do: see the session, set TOTP up, sign out or go elsewhere. */
const WHILE_TOTP_MISSING = new Set([
  'GET /api/auth/session',
  'POST /api/auth/totp/setup',
  'POST /api/auth/totp/enable',
  'POST /api/auth/log-out',
  'POST /api/auth/switch-organisation',
  'GET /api/organisation',
]);

/**
 * Turns a request's credentials into its principal, on every request: the token's signature
 * and claims (SessionTokens), then the `sessions` row and the membership as they are now
 * (`auth_session`), so log-out, removal and demotion act on the very next request. A token with
 * less than half its life left is renewed (the cookie is set again; API clients get a fresh one
 * from `GET /api/auth/session`).
 */
@Injectable()
export class SessionAuthenticator extends RequestAuthenticator {
  constructor(
    private readonly tokens: SessionTokens,
    private readonly accounts: AuthRepository,
    private readonly config: AppConfig,
    private readonly totp: TotpService,
  ) {
    super();
  }

  async authenticate(req: Request, res: Response): Promise<Principal | undefined> {
    const credentials = credentialsOf(req);
    if (!credentials) return undefined;
    const found = await this.principalOf(credentials.token);
    if (!found) {
      if (credentials.source === 'cookie') clearSessionCookie(res, this.config.nodeEnv);
      return undefined;
    }
    if (credentials.source === 'cookie') {
      const refusal = csrfRefusal({
        method: req.method,
        requestedWith: req.header(CSRF_HEADER),
        origin: req.header('origin'),
        ownOrigin: `${req.protocol}://${req.get('host') ?? ''}`,
        allowedOrigins: this.config.security.allowedOrigins,
      });
      if (refusal) throw new DomainError('CSRF', refusal);
      if (found.renew) setSessionCookie(res, await this.tokens.sign(found.principal), this.config.nodeEnv);
    }
    if (!found.totpEnabled && (await this.totp.isRequired(found.principal.orgId))) {
      // originalUrl: middleware sees `req.path` relative to where it is mounted.
      const path = req.originalUrl.split('?')[0].replace(/\/+$/, '');
      if (!WHILE_TOTP_MISSING.has(`${req.method} ${path}`)) {
        throw new DomainError('TOTP_SETUP_REQUIRED', 'Your organisation requires TOTP: set it up first.');
      }
    }
    return found.principal;
  }

  private async principalOf(
    token: string,
  ): Promise<{ principal: Principal; renew: boolean; totpEnabled: boolean } | undefined> {
    const claims = await this.tokens.verify(token);
    if (!claims) return undefined;
    const row = await this.accounts.session(claims.sessionId);
    if (
      !row ||
      row.user_id !== claims.userId ||
      row.org_id !== claims.orgId ||
      row.revoked_at !== null ||
      row.expires_at.getTime() <= Date.now() ||
      row.role === null
    ) {
      return undefined;
    }
    return {
      principal: {
        userId: row.user_id,
        name: row.user_name,
        email: row.user_email,
        orgId: row.org_id,
        role: row.role,
        unitIds: row.unit_ids ?? [],
        sessionId: row.session_id,
      },
      renew: claims.expiresAt - Date.now() / 1000 < TOKEN_LIFETIME_S / 2,
      totpEnabled: row.totp_enabled,
    };
  }
}

import { Global, Module } from '@nestjs/common';
import { RequestAuthenticator } from '../platform/request-context/request-authenticator.js';
import { AccountLinksController } from './account-links.controller.js';
import { AccountLinksRepository } from './account-links.repository.js';
import { AccountLinksService } from './account-links.service.js';
import { AuthController } from './auth.controller.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionAuthenticator } from './request-authenticator.js';
import { SessionTokens } from './session-tokens.js';

/**
 * Accounts and sessions: sign-up, log-in and log-out, the session token and cookie, and the
 * authentication of every request (what the request-context middleware asks for).
 */
@Global()
@Module({
  controllers: [AuthController, AccountLinksController],
  providers: [
    AccountLinksRepository,
    AccountLinksService,
    AuthRepository,
    AuthService,
    PasswordHasher,
    SessionTokens,
    SessionAuthenticator,
    { provide: RequestAuthenticator, useExisting: SessionAuthenticator },
  ],
  exports: [AuthService, AuthRepository, PasswordHasher, SessionTokens, RequestAuthenticator],
})
export class AuthModule {}

import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../platform/config/app-config.js';
import { RequestAuthenticator } from '../platform/request-context/request-authenticator.js';
import { AccountLinksController } from './account-links.controller.js';
import { AccountLinksRepository } from './account-links.repository.js';
import { AccountLinksService } from './account-links.service.js';
import { AuthController } from './auth.controller.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { DemoAccounts } from './demo-accounts.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionAuthenticator } from './request-authenticator.js';
import { PgThrottlerStorage } from './pg-throttler-storage.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { SessionTokens } from './session-tokens.js';
import { ThrottleModule } from './throttle.module.js';
import { TotpController } from './totp.controller.js';
import { TotpService } from './totp.service.js';

/** The health check is probed by load balancers every few seconds: not rate-limited. */
const isHealthCheck = (path: string) => path.startsWith('/api/health');

/**
 * Accounts and sessions: sign-up, log-in and log-out, the session token and cookie, and the
 * authentication of every request (what the request-context middleware asks for).
 */
@Global()
@Module({
  imports: [
    ThrottleModule,
    ThrottlerModule.forRootAsync({
      imports: [ThrottleModule],
      inject: [AppConfig, PgThrottlerStorage],
      useFactory: (config: AppConfig, storage: PgThrottlerStorage) => ({
        storage,
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.security.rateLimitPerMinute }],
        skipIf: (context) => isHealthCheck(context.switchToHttp().getRequest<{ path: string }>().path),
      }),
    }),
  ],
  controllers: [AuthController, AccountLinksController, TotpController],
  providers: [
    AccountLinksRepository,
    AccountLinksService,
    AuthRepository,
    AuthService,
    PasswordHasher,
    SessionTokens,
    SessionAuthenticator,
    TotpService,
    DemoAccounts,
    { provide: RequestAuthenticator, useExisting: SessionAuthenticator },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [
    AuthService,
    AuthRepository,
    PasswordHasher,
    SessionTokens,
    RequestAuthenticator,
    TotpService,
    DemoAccounts,
  ],
})
export class AuthModule {}

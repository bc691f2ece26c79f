import { Module } from '@nestjs/common';
import { LoginThrottle } from './login-throttle.js';
import { PgThrottlerStorage } from './pg-throttler-storage.js';
import { ThrottleRepository } from './throttle.repository.js';

/** The counters in PostgreSQL, for the general rate limit (ThrottlerModule's storage) and failed log-ins. */
@Module({
  providers: [ThrottleRepository, PgThrottlerStorage, LoginThrottle],
  exports: [PgThrottlerStorage, LoginThrottle, ThrottleRepository],
})
export class ThrottleModule {}

import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { requestContext } from '../platform/request-context/request-context.js';

/**
 * The general rate limit (RATE_LIMIT_PER_MINUTE): per signed-in user, whatever address or token
 * they use; per address for anonymous requests. Counted in PostgreSQL (PgThrottlerStorage).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = requestContext.principal();
    return Promise.resolve(principal ? `user:${principal.userId}` : `address:${String(req.ip)}`);
  }
}

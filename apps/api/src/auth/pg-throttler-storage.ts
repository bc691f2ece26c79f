import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { LOGGER, type AppLogger } from '../platform/logging/logger.module.js';
import { ThrottleRepository } from './throttle.repository.js';

interface LocalCount {
  /** The count PostgreSQL last answered. */
  total: number;
  /** Hits seen here since then, not yet added there. */
  pending: number;
  syncedAt: number;
  /** When the window ends, as PostgreSQL said (ms since the epoch). */
  endsAt: number;
}

/** How stale a replica's view of a counter far below its limit may be. */
const SYNC_MS = 1_000;
/** From this share of the limit on, every hit is counted in PostgreSQL at once: the limit is exact where it matters. */
const EXACT_FROM = 0.8;
const SWEEP_MS = 60_000;

/**
 * @nestjs/throttler's storage in PostgreSQL (ThrottleRepository), for the general per-user rate
 * limit. A write per request would cost every request a round trip on one hot row; instead each
 * replica adds its hits to PostgreSQL at most once a second per key while the count is far from
 * the limit, and on every hit from 80 % of it on. Across replicas the limit then holds to within
 * a second's traffic, and exactly near it. (Failed log-ins are counted exactly: LoginThrottle.)
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly local = new Map<string, LocalCount>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly counters: ThrottleRepository,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  onModuleDestroy() {
    clearInterval(this.sweeper);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number) {
    const now = Date.now();
    let count = this.local.get(key);
    if (!count || count.endsAt <= now) {
      count = { total: 0, pending: 0, syncedAt: 0, endsAt: 0 };
      this.local.set(key, count);
    }
    count.pending += 1;
    if (now - count.syncedAt >= SYNC_MS || count.total + count.pending >= limit * EXACT_FROM) {
      const hits = count.pending;
      count.pending = 0;
      const synced = await this.counters.add(key, hits, ttl, limit, blockDuration);
      count.total = synced.hits;
      count.syncedAt = Date.now();
      count.endsAt = count.syncedAt + synced.secondsLeft * 1000;
    }
    const totalHits = count.total + count.pending;
    const secondsLeft = Math.max(1, Math.ceil((count.endsAt - now) / 1000));
    const isBlocked = totalHits > limit;
    return { totalHits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
  }

  private sweep() {
    const now = Date.now();
    for (const [key, count] of this.local) if (count.endsAt <= now && count.pending === 0) this.local.delete(key);
    this.counters.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'throttle sweep failed'));
  }
}

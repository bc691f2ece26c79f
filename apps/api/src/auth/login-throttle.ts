import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '../platform/errors/domain-error.js';
import { ThrottleRepository } from './throttle.repository.js';

/** Failed log-ins allowed per minute, per account and, separately, per address. */
export const FAILED_LOGIN_LIMIT = 10;
const WINDOW_MS = 60_000;

/**
 * Counts failed log-ins (wrong password, wrong or missing TOTP code) in PostgreSQL, exactly,
 * per account (so spreading a guess over many addresses does not help) and per address (so
 * trying one password on many accounts does not either). The 11th attempt within the minute
 * is refused with 429 and Retry-After before the password is even checked.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly counters: ThrottleRepository) {}

  async check(email: string, address: string): Promise<void> {
    const keys = keysOf(email, address);
    const counts = await this.counters.peek(keys);
    const over = keys.map((key) => counts.get(key)).filter((count) => count && count.hits >= FAILED_LOGIN_LIMIT);
    if (over.length) {
      const retryAfterSeconds = Math.max(...over.map((count) => count!.secondsLeft));
      throw new DomainError('TOO_MANY_REQUESTS', `Too many failed log-ins; try again in ${retryAfterSeconds} s.`, {
        retryAfterSeconds,
      });
    }
  }

  async failed(email: string, address: string): Promise<void> {
    for (const key of keysOf(email, address)) {
      await this.counters.add(key, 1, WINDOW_MS, FAILED_LOGIN_LIMIT, WINDOW_MS);
    }
  }

  /** A successful log-in forgives the account's failures (not the address's). */
  async succeeded(email: string): Promise<void> {
    await this.counters.clear(keysOf(email, '')[0]);
  }
}

function keysOf(email: string, address: string): [string, string] {
  return [`login:account:${email}`, `login:address:${address}`];
}

/** Runs `work`; a refusal of this throttle sets `Retry-After` on `res` before the error filter answers 429. */
export async function withRetryAfter<T>(res: Response, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const seconds = (error as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds;
    if (error instanceof DomainError && error.code === 'TOO_MANY_REQUESTS' && seconds) {
      res.setHeader('Retry-After', String(seconds));
    }
    throw error;
  }
}

/** The client's address as Express sees it (X-Forwarded-For only through TRUST_PROXY proxies). */
export function addressOf(req: { ip?: string }): string {
  return req.ip ?? 'unknown';
}

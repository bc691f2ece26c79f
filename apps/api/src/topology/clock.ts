import { Injectable } from '@nestjs/common';

/**
 * The audit's notion of "now". Rules such as `stale-key-result` and `dangling-proposal` and the
 * expiry of waivers depend on it, so it is one injectable the tests can set, not `new Date()`
 * scattered through services.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/**
 * OWASP's minimum for argon2id (Password Storage Cheat Sheet): 19 MiB of memory, 2 passes, one
 * lane. About 30 ms of one core per hash here: cheap for a log-in, costly for a guesser.
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Hashes passwords with argon2id (PHC string `$argon2id$v=19$m=19456,p=1,t=2$…`) and verifies
 * them. A verification for an unknown account still costs one hash, so response times do not
 * tell which emails have accounts.
 */
@Injectable()
export class PasswordHasher {
  private readonly decoy: Promise<string> = argon2.hash('decoy password, never matches', ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  /** Whether a stored hash was made with weaker settings than today's (rehashed at the next log-in). */
  isOutdated(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, {
        memoryCost: ARGON2_OPTIONS.memoryCost,
        timeCost: ARGON2_OPTIONS.timeCost,
        parallelism: ARGON2_OPTIONS.parallelism,
      });
    } catch {
      return true;
    }
  }

  /** Whether `password` matches `hash`; with no hash (unknown account, invite not accepted), false after the same work. */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (!hash) {
      await argon2.verify(await this.decoy, password).catch(() => false);
      return false;
    }
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}

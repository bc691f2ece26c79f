import { Injectable } from '@nestjs/common';
import { Db } from '../platform/database/db.js';

export interface ThrottleCount {
  hits: number;
  /** Whole seconds until the window (or the block) ends; at least 1. */
  secondsLeft: number;
}

/**
 * Rate-limit counters in PostgreSQL (`throttle_hits`, global: keys name accounts and addresses),
 * so every replica counts against the same limit. Fixed windows: the first hit opens one of
 * `ttlMs`; crossing `limit` stretches it to `blockMs` from then.
 */
@Injectable()
export class ThrottleRepository {
  constructor(private readonly db: Db) {}

  /** Adds `hits` to the key's window (opening a new one if it ended) in one atomic statement. */
  async add(key: string, hits: number, ttlMs: number, limit: number, blockMs: number): Promise<ThrottleCount> {
    const row = await this.db.one<{ hits: number; seconds_left: number }>(
      `INSERT INTO throttle_hits AS t (key, hits, expires_at)
       VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN t.expires_at <= now() THEN $2 ELSE t.hits + $2 END,
         expires_at = CASE
           WHEN t.expires_at <= now() THEN now() + $3 * interval '1 millisecond'
           WHEN t.hits <= $4 AND t.hits + $2 > $4 THEN greatest(t.expires_at, now() + $5 * interval '1 millisecond')
           ELSE t.expires_at END
       RETURNING hits, greatest(1, ceil(extract(epoch FROM expires_at - now())))::int AS seconds_left`,
      [key, hits, ttlMs, limit, blockMs],
    );
    return { hits: row!.hits, secondsLeft: row!.seconds_left };
  }

  /** The live counts of `keys` (ended windows count as nothing). */
  async peek(keys: string[]): Promise<Map<string, ThrottleCount>> {
    const rows = await this.db.query<{ key: string; hits: number; seconds_left: number }>(
      `SELECT key, hits, greatest(1, ceil(extract(epoch FROM expires_at - now())))::int AS seconds_left
         FROM throttle_hits WHERE key = ANY($1::text[]) AND expires_at > now()`,
      [keys],
    );
    return new Map(rows.map((row) => [row.key, { hits: row.hits, secondsLeft: row.seconds_left }]));
  }

  /**
   * Records `step` under `key` unless a step as late was recorded there within 5 minutes: true when
   * this call recorded it (one atomic statement, so two replicas cannot both accept one TOTP code).
   */
  async claimStep(key: string, step: number): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO throttle_hits AS t (key, hits, expires_at) VALUES ($1, $2, now() + interval '5 minutes')
       ON CONFLICT (key) DO UPDATE SET hits = $2, expires_at = now() + interval '5 minutes'
        WHERE t.hits < $2 OR t.expires_at <= now()
       RETURNING key`,
      [key, step],
    );
    return rows.length > 0;
  }

  async clear(key: string): Promise<void> {
    await this.db.query(`DELETE FROM throttle_hits WHERE key = $1`, [key]);
  }

  /** Drops windows that ended a while ago (the table would otherwise keep every address ever seen). */
  async sweep(): Promise<void> {
    await this.db.query(`DELETE FROM throttle_hits WHERE expires_at < now() - interval '5 minutes'`);
  }
}

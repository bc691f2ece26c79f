import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AppConfig } from '../platform/config/app-config.js';

/**
 * The key that signs session tokens: SESSION_SECRET when set (required in production, the
 * config refuses to start without it). Otherwise tests get a fresh one in memory, and a
 * development install one generated once and kept in DATA_DIR/session-secret (readable by its
 * owner only), so signing in survives a restart.
 */
export function sessionSecret(config: AppConfig): Uint8Array {
  const configured = config.security.sessionSecret;
  if (configured) return new TextEncoder().encode(configured);
  if (config.nodeEnv === 'test') return randomBytes(48);
  const file = join(config.dataDir, 'session-secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

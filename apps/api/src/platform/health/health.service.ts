import { Injectable } from '@nestjs/common';
import { HealthRepository } from './health.repository.js';
import { Readiness } from './readiness.js';

export interface Health {
  status: 'ok' | 'degraded';
  database: 'connected' | 'unreachable';
  /** Present (true) once shutdown has begun: in-flight requests finish, new ones should go elsewhere. */
  shuttingDown?: true;
}

/** A health check answers within this, whatever the database does (a frozen server never answers). */
const PING_TIMEOUT_MS = 3_000;

@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthRepository,
    private readonly readiness: Readiness,
  ) {}

  async check(): Promise<Health> {
    const database = (await this.databaseAnswers()) ? 'connected' : 'unreachable';
    if (this.readiness.shuttingDown) return { status: 'degraded', database, shuttingDown: true };
    return { status: database === 'connected' ? 'ok' : 'degraded', database };
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS)));
    try {
      return await Promise.race([this.health.ping().then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}

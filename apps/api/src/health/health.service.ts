import { Injectable } from '@nestjs/common';
import { HealthRepository } from './health.repository.js';

export interface Health {
  status: 'ok' | 'degraded';
  database: 'connected' | 'unreachable';
}

@Injectable()
export class HealthService {
  constructor(private readonly health: HealthRepository) {}

  async check(): Promise<Health> {
    try {
      await this.health.ping();
      return { status: 'ok', database: 'connected' };
    } catch {
      return { status: 'degraded', database: 'unreachable' };
    }
  }
}

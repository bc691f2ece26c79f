import { Injectable } from '@nestjs/common';

/**
 * Whether this process still takes new work. It stops the moment shutdown begins (SIGTERM or
 * SIGINT, main.ts): `GET /api/health` then answers 503 at once, so a load balancer sends the
 * next requests elsewhere while the ones in flight finish.
 */
@Injectable()
export class Readiness {
  private stopping = false;

  get shuttingDown(): boolean {
    return this.stopping;
  }

  beginShutdown() {
    this.stopping = true;
  }
}

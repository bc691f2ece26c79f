import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { HealthRepository } from './health.repository.js';
import { HealthService } from './health.service.js';
import { Readiness } from './readiness.js';

/** Global for `Readiness`, which main.ts flips at shutdown. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [HealthService, HealthRepository, Readiness],
  exports: [Readiness],
})
export class HealthModule {}

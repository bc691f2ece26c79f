import { Module } from '@nestjs/common';
import { OkrCyclesController } from './okr-cycles.controller.js';
import { OkrCyclesRepository } from './okr-cycles.repository.js';
import { OkrCyclesService } from './okr-cycles.service.js';

/**
 * OKR cycles: the periods key results belong to. The repository is exported for the nodes module, which checks a
 * key result's `cycleId` names a cycle of the organisation.
 */
@Module({
  controllers: [OkrCyclesController],
  providers: [OkrCyclesService, OkrCyclesRepository],
  exports: [OkrCyclesRepository],
})
export class OkrCyclesModule {}

import { Module } from '@nestjs/common';
import { BusinessUnitsModule } from '../business-units/business-units.module.js';
import { CheckInsRepositoryModule } from '../check-ins/check-ins-repository.module.js';
import { LinksModule } from '../links/links.module.js';
import { OkrCyclesModule } from '../okr-cycles/okr-cycles.module.js';
import { NodesController } from './nodes.controller.js';
import { NodesRepository } from './nodes.repository.js';
import { NodesService } from './nodes.service.js';

@Module({
  imports: [LinksModule, BusinessUnitsModule, CheckInsRepositoryModule, OkrCyclesModule],
  controllers: [NodesController],
  providers: [NodesService, NodesRepository],
  exports: [NodesRepository],
})
export class NodesModule {}

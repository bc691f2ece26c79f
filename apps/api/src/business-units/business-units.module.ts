import { Module } from '@nestjs/common';
import { BusinessUnitsController } from './business-units.controller.js';
import { BusinessUnitsRepository } from './business-units.repository.js';
import { BusinessUnitsService } from './business-units.service.js';

@Module({
  controllers: [BusinessUnitsController],
  providers: [BusinessUnitsService, BusinessUnitsRepository],
  exports: [BusinessUnitsRepository],
})
export class BusinessUnitsModule {}

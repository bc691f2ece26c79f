import { Module } from '@nestjs/common';
import { NodesModule } from '../nodes/nodes.module.js';
import { CheckInsRepositoryModule } from './check-ins-repository.module.js';
import { CheckInsController } from './check-ins.controller.js';
import { CheckInsService } from './check-ins.service.js';

@Module({
  imports: [NodesModule, CheckInsRepositoryModule],
  controllers: [CheckInsController],
  providers: [CheckInsService],
})
export class CheckInsModule {}

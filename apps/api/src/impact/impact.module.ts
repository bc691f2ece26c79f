import { Module } from '@nestjs/common';
import { TopologyModule } from '../topology/topology.module.js';
import { ImpactController } from './impact.controller.js';
import { ImpactService } from './impact.service.js';

@Module({ imports: [TopologyModule], controllers: [ImpactController], providers: [ImpactService] })
export class ImpactModule {}

import { Module } from '@nestjs/common';
import { TopologyModule } from '../topology/topology.module.js';
import { CoverageController } from './coverage.controller.js';
import { CoverageService } from './coverage.service.js';

@Module({ imports: [TopologyModule], controllers: [CoverageController], providers: [CoverageService] })
export class CoverageModule {}

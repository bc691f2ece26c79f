import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ImpactController } from './impact.controller.js';
import { ImpactService } from './impact.service.js';

@Module({ imports: [AuditModule], controllers: [ImpactController], providers: [ImpactService] })
export class ImpactModule {}

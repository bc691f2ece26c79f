import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CoverageController } from './coverage.controller.js';
import { CoverageService } from './coverage.service.js';

@Module({ imports: [AuditModule], controllers: [CoverageController], providers: [CoverageService] })
export class CoverageModule {}

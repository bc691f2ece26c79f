import { Module } from '@nestjs/common';
import { RaidModule } from '../raid/raid.module.js';
import { DemoSeeder } from './demo/demo-seeder.service.js';
import { PortfolioExportRepository } from './portfolio-export.repository.js';
import { PortfolioExportService } from './portfolio-export.service.js';
import { PortfolioGovernanceImport } from './portfolio-governance.import.js';
import { PortfolioGovernanceRepository } from './portfolio-governance.repository.js';
import { PortfolioPreviewRepository } from './portfolio-preview.repository.js';
import { PortfolioController } from './portfolio.controller.js';
import { PortfolioRepository } from './portfolio.repository.js';
import { PortfolioService } from './portfolio.service.js';

@Module({
  imports: [RaidModule],
  controllers: [PortfolioController],
  providers: [
    PortfolioService,
    PortfolioRepository,
    PortfolioGovernanceRepository,
    PortfolioGovernanceImport,
    PortfolioPreviewRepository,
    PortfolioExportService,
    PortfolioExportRepository,
    DemoSeeder,
  ],
  exports: [PortfolioService, PortfolioExportService, PortfolioPreviewRepository, DemoSeeder],
})
export class PortfolioIoModule {}

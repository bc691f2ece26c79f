import { Module } from '@nestjs/common';
import { DemoSeeder } from './demo/demo-seeder.service.js';
import { PortfolioController } from './portfolio.controller.js';
import { PortfolioRepository } from './portfolio.repository.js';
import { PortfolioService } from './portfolio.service.js';

@Module({
  controllers: [PortfolioController],
  providers: [PortfolioService, PortfolioRepository, DemoSeeder],
  exports: [PortfolioService, DemoSeeder],
})
export class PortfolioIoModule {}

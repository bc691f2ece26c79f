import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module.js';
import { PortfolioIoModule } from '../portfolio-io/portfolio-io.module.js';
import { OrganisationAdminService } from './organisation-admin.service.js';
import { OrganisationController } from './organisation.controller.js';

/**
 * `/api/organisation`: settings, export, deletion. Apart from OrganisationsModule (global, which
 * the portfolio and the request context stand on), so that importing the portfolio export here
 * makes no cycle.
 */
@Module({
  imports: [MembersModule, PortfolioIoModule],
  controllers: [OrganisationController],
  providers: [OrganisationAdminService],
})
export class OrganisationAdminModule {}

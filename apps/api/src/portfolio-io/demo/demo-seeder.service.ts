import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { todayIso } from '@throughline/domain';
import { LOGGER, type AppLogger } from '../../platform/logging/logger.module.js';
import { requestContext } from '../../platform/request-context/request-context.js';
import { AppConfig } from '../../platform/config/app-config.js';
import { OrganisationsService } from '../../organisations/organisations.service.js';
import { OrganisationsRepository } from '../../organisations/organisations.repository.js';
import { PortfolioService, type ImportSummary } from '../portfolio.service.js';
import { demoPortfolio } from './demo-portfolio.js';

/**
 * Gives a first `npm start` something to explore: on an empty database (DEMO_SEED, default
 * on) the demo organisation's portfolio is loaded through the import path, once. The
 * organisation remembers that it was seeded, so deleting the demo's nodes does not bring them back.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly organisations: OrganisationsService,
    private readonly organisationsRepository: OrganisationsRepository,
    private readonly portfolio: PortfolioService,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.demoSeed) return;
    const orgId = this.organisations.defaultOrganisationId();
    // As a request of the demo organisation: row-level security shows nothing otherwise.
    const seeded = await requestContext.run({ requestId: 'demo-seed', orgId, actor: 'Throughline demo' }, () =>
      this.organisationsRepository.hasPortfolioOrSeed(orgId),
    );
    if (seeded) return;
    const summary = await this.seed();
    this.logger.info({ nodes: summary.nodes.created, links: summary.links.created }, 'demo organisation loaded');
  }

  /** Loads the demo (dates moved to `today`) into the default organisation and marks it seeded. */
  seed(today = todayIso()): Promise<ImportSummary> {
    const orgId = this.organisations.defaultOrganisationId();
    return requestContext.run({ requestId: 'demo-seed', orgId, actor: 'Throughline demo' }, async () => {
      const summary = await this.portfolio.import(demoPortfolio(today));
      await this.organisationsRepository.markDemoSeeded(orgId);
      return summary;
    });
  }
}

import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { todayIso } from '@throughline/domain';
import { LOGGER, type AppLogger } from '../../platform/logging/logger.module.js';
import { requestContext } from '../../platform/request-context/request-context.js';
import { AppConfig } from '../../platform/config/app-config.js';
import { DemoAccounts } from '../../auth/demo-accounts.js';
import { OrganisationsService } from '../../organisations/organisations.service.js';
import { OrganisationsRepository } from '../../organisations/organisations.repository.js';
import { PortfolioService, type ImportSummary } from '../portfolio.service.js';
import { demoPortfolio } from './demo-portfolio.js';

/**
 * Gives a first `npm start` something to explore: on an empty database (DEMO_SEED, default
 * on) the demo organisation's portfolio is loaded through the import path, once. The
 * organisation remembers that it was seeded, so deleting the demo's nodes does not bring them back.
 * Its demo users (one per role, auth/demo-accounts.ts) are created if missing whenever DEMO_SEED
 * is on, and locked out (no password) whenever it is off.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly organisations: OrganisationsService,
    private readonly organisationsRepository: OrganisationsRepository,
    private readonly portfolio: PortfolioService,
    private readonly demoAccounts: DemoAccounts,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.demoSeed) {
      const disabled = await this.demoAccounts.disable();
      if (disabled) this.logger.info({ disabled }, 'DEMO_SEED is off: the demo users can no longer sign in');
      return;
    }
    const orgId = this.organisations.defaultOrganisationId();
    // As a request of the demo organisation: row-level security shows nothing otherwise.
    const seeded = await requestContext.run({ requestId: 'demo-seed', orgId, actor: 'Throughline demo' }, () =>
      this.organisationsRepository.hasPortfolioOrSeed(orgId),
    );
    if (!seeded) {
      const summary = await this.seed();
      this.logger.info({ nodes: summary.nodes.created, links: summary.links.created }, 'demo organisation loaded');
    }
    // After the portfolio: the contributor's units must exist.
    await this.seedUsers(orgId, !seeded);
  }

  /**
   * The demo users, in the demo organisation's units (by key) for the contributor; then, when the demo or its users
   * are new, each unit without an owner gets one of them (a later start leaves owners as an admin set them).
   */
  private async seedUsers(orgId: string, portfolioSeeded: boolean) {
    const inDemo = <T>(work: () => Promise<T>) =>
      requestContext.run({ requestId: 'demo-seed', orgId, actor: 'Throughline demo' }, work);
    const keys = await inDemo(() => this.organisationsRepository.unitKeys(orgId));
    const ids = new Map([...keys].map(([id, key]) => [key, id]));
    const created = await this.demoAccounts.ensure(orgId, ids);
    if (created) this.logger.info({ created }, 'demo users created');
    if (!created && !portfolioSeeded) return;
    const owners = await this.demoAccounts.unitOwners(ids);
    const owned = await inDemo(() => this.organisationsRepository.giveUnitsOwners(orgId, owners));
    if (owned) this.logger.info({ owned }, 'demo units given owners');
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

import { Injectable } from '@nestjs/common';
import { Db } from '../platform/database/db.js';
import { OrganisationEntity } from './organisation.entity.js';

export const DEFAULT_ORGANISATION_SLUG = 'default';

@Injectable()
export class OrganisationsRepository {
  constructor(private readonly db: Db) {}

  findBySlug(slug: string): Promise<OrganisationEntity | null> {
    return this.db.manager.findOne(OrganisationEntity, { where: { slug } });
  }

  /** Whether the organisation holds anything, or was given the demo once already. */
  async hasPortfolioOrSeed(orgId: string): Promise<boolean> {
    const row = await this.db.one<{ taken: boolean }>(
      `SELECT (settings ? 'demoSeededAt')
              OR EXISTS (SELECT 1 FROM nodes WHERE org_id = $1)
              OR EXISTS (SELECT 1 FROM business_units WHERE org_id = $1) AS taken
         FROM organisations WHERE id = $1`,
      [orgId],
    );
    return row?.taken ?? true;
  }

  async markDemoSeeded(orgId: string): Promise<void> {
    await this.db.query(
      `UPDATE organisations SET settings = settings || jsonb_build_object('demoSeededAt', now()) WHERE id = $1`,
      [orgId],
    );
  }
}

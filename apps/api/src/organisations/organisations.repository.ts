import { Injectable } from '@nestjs/common';
import { Db } from '../platform/database/db.js';

export const DEFAULT_ORGANISATION_SLUG = 'default';

/** An organisation as sessions and the settings page show it. */
export interface OrganisationSummary {
  id: string;
  name: string;
  slug: string;
  currency: string;
  locale: string;
  requireTotp: boolean;
}

interface OrganisationRow {
  id: string;
  name: string;
  slug: string;
  settings: { currency?: string; locale?: string; requireTotp?: boolean };
}

function toSummary(row: OrganisationRow): OrganisationSummary {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    currency: row.settings.currency ?? 'GBP',
    locale: row.settings.locale ?? 'en-GB',
    requireTotp: row.settings.requireTotp === true,
  };
}

@Injectable()
export class OrganisationsRepository {
  constructor(private readonly db: Db) {}

  /** The demo organisation (slug 'default'), found without any organisation set (a definer function). */
  async defaultOrganisationId(): Promise<string | undefined> {
    const row = await this.db.one<{ id: string | null }>(`SELECT default_organisation_id() AS id`);
    return row?.id ?? undefined;
  }

  /** A new organisation; the context must already work in `id` (row-level security checks the insert). */
  async insert(organisation: { id: string; slug: string; name: string }): Promise<void> {
    await this.db.query(`INSERT INTO organisations (id, slug, name) VALUES ($1, $2, $3)`, [
      organisation.id,
      organisation.slug,
      organisation.name,
    ]);
  }

  async summary(orgId: string): Promise<OrganisationSummary | undefined> {
    const row = await this.db.one<OrganisationRow>(`SELECT id, name, slug, settings FROM organisations WHERE id = $1`, [
      orgId,
    ]);
    return row && toSummary(row);
  }

  /** Changes the name and merges `settings` into the stored ones (the audit thresholds stay). */
  async update(
    orgId: string,
    change: { name?: string; settings: Record<string, unknown> },
  ): Promise<OrganisationSummary | undefined> {
    const row = await this.db.one<OrganisationRow>(
      `WITH changed AS (
         UPDATE organisations SET name = coalesce($2, name), settings = settings || $3::jsonb
          WHERE id = $1 RETURNING id, name, slug, settings)
       SELECT id, name, slug, settings FROM changed`,
      [orgId, change.name ?? null, JSON.stringify(change.settings)],
    );
    return row && toSummary(row);
  }

  /** The organisation's business units, id → key (exports name units by key). */
  async unitKeys(orgId: string): Promise<Map<string, string>> {
    const rows = await this.db.query<{ id: string; key: string }>(
      `SELECT id, key FROM business_units WHERE org_id = $1`,
      [orgId],
    );
    return new Map(rows.map((row) => [row.id, row.key]));
  }

  /**
   * Names `ownerId` the owner of each given unit that has none yet (the demo's units, once its users exist);
   * an owner someone already chose is kept. Returns how many units were given one.
   */
  async giveUnitsOwners(orgId: string, owners: ReadonlyMap<string, string>): Promise<number> {
    const rows = await this.db.query<{ id: string }>(
      `WITH changed AS (
         UPDATE business_units u SET owner_id = given.owner_id, version = u.version + 1
           FROM unnest($2::uuid[], $3::uuid[]) AS given(id, owner_id)
          WHERE u.org_id = $1 AND u.id = given.id AND u.owner_id IS NULL
          RETURNING u.id)
       SELECT id FROM changed`,
      [orgId, [...owners.keys()], [...owners.values()]],
    );
    return rows.length;
  }

  /** Every row of the organisation, in every tenant table (the database function knows them all). */
  async delete(orgId: string): Promise<void> {
    await this.db.query(`SELECT delete_organisation($1)`, [orgId]);
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

import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import { OrganisationEntity } from './organisation.entity.js';

export const DEFAULT_ORGANISATION_SLUG = 'default';

@Injectable()
export class OrganisationsRepository {
  constructor(private readonly db: Db) {}

  findBySlug(slug: string): Promise<OrganisationEntity | null> {
    return this.db.manager.findOne(OrganisationEntity, { where: { slug } });
  }

  async count(): Promise<number> {
    const row = await this.db.one<{ count: number }>(`SELECT count(*)::int AS count FROM organisations`);
    return row?.count ?? 0;
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '../platform/errors/domain-error.js';
import { OrganisationsRepository } from './organisations.repository.js';

/**
 * The demo organisation (slug 'default', created by the first migration): the demo seeder loads
 * it and gives it its demo users; it cannot be deleted. Its id is read once at start. Requests
 * work in their session's organisation, never in this one by default.
 */
@Injectable()
export class OrganisationsService implements OnModuleInit {
  private defaultId?: string;

  constructor(private readonly organisations: OrganisationsRepository) {}

  async onModuleInit() {
    const id = await this.organisations.defaultOrganisationId();
    if (!id) throw new DomainError('INTERNAL', 'The default organisation is missing: were the migrations run?');
    this.defaultId = id;
  }

  defaultOrganisationId(): string {
    if (!this.defaultId) throw new DomainError('UNAVAILABLE', 'The API is still starting.');
    return this.defaultId;
  }
}

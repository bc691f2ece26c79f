import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '../platform/errors/domain-error.js';
import type { CurrentOrganisation } from '../platform/request-context/current-organisation.js';
import { OrganisationsRepository } from './organisations.repository.js';

/**
 * Until accounts exist, every request works in the default organisation (created by the
 * first migration). Its id is read once at start; the request-context middleware is the one
 * place that asks for it, so accounts will change one line of code, not every repository.
 */
@Injectable()
export class OrganisationsService implements OnModuleInit, CurrentOrganisation {
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

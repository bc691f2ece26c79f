import { Global, Module } from '@nestjs/common';
import { OrganisationsRepository } from './organisations.repository.js';
import { OrganisationsService } from './organisations.service.js';

/** Organisations (the tenants) and the demo one; global, as most features stand on them. */
@Global()
@Module({
  providers: [OrganisationsRepository, OrganisationsService],
  exports: [OrganisationsService, OrganisationsRepository],
})
export class OrganisationsModule {}

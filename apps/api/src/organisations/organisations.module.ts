import { Global, Module } from '@nestjs/common';
import { CurrentOrganisation } from '../platform/request-context/current-organisation.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { OrganisationsService } from './organisations.service.js';

@Global()
@Module({
  providers: [
    OrganisationsRepository,
    OrganisationsService,
    // What the request-context middleware (platform/) asks for.
    { provide: CurrentOrganisation, useExisting: OrganisationsService },
  ],
  exports: [OrganisationsService, OrganisationsRepository, CurrentOrganisation],
})
export class OrganisationsModule {}

import { Global, Module } from '@nestjs/common';
import { OrganisationsRepository } from './organisations.repository.js';
import { OrganisationsService } from './organisations.service.js';

@Global()
@Module({
  providers: [OrganisationsRepository, OrganisationsService],
  exports: [OrganisationsService, OrganisationsRepository],
})
export class OrganisationsModule {}

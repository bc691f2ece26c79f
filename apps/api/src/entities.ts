import { BusinessUnitEntity } from './business-units/business-unit.entity.js';
import { LinkEntity } from './links/link.entity.js';
import { NodeEntity } from './nodes/node.entity.js';
import { OrganisationEntity } from './organisations/organisation.entity.js';

/**
 * Every TypeORM entity; the migrations are the schema, these are typed views of it. Listed at the
 * composition root (app.module.ts hands them to `DatabaseModule.forRoot`): platform/ imports no feature.
 */
export const ENTITIES = [OrganisationEntity, BusinessUnitEntity, NodeEntity, LinkEntity];

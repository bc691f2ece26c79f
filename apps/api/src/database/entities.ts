import { OrganisationEntity } from '../organisations/organisation.entity.js';

/** Every TypeORM entity; the migrations are the schema, these are typed views of it. */
export const ENTITIES = [OrganisationEntity];

import type { Principal } from '../platform/request-context/principal.js';
import { requestContext } from '../platform/request-context/request-context.js';

export { ROLES, type Principal, type Role } from '../platform/request-context/principal.js';

/**
 * The principal of the current request, or undefined outside an authenticated request (background work, the demo
 * seeder, the migrate command). The guard has already refused anonymous HTTP requests to every non-public route, so
 * the services' role rules apply exactly when there is a principal.
 */
export function currentPrincipal(): Principal | undefined {
  return (requestContext.get() as { principal?: Principal } | undefined)?.principal;
}

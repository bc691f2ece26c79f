import { DomainError } from '../platform/errors/domain-error.js';
import { requestContext, type Principal, type Role } from '../platform/request-context/request-context.js';

/**
 * The signed-in principal, or 401. The access guard (access/) refuses anonymous requests before
 * they get here; services that need the principal ask through this all the same.
 */
export function requirePrincipal(): Principal {
  const principal = requestContext.principal();
  if (!principal) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  return principal;
}

/** The principal when it holds one of `roles`, else 403. */
export function requireRole(...roles: Role[]): Principal {
  const principal = requirePrincipal();
  if (!roles.includes(principal.role)) {
    throw new DomainError('FORBIDDEN', `Only ${roles.join(' or ')} members may do this.`);
  }
  return principal;
}

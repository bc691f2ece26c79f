import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { DomainError } from '../platform/errors/domain-error.js';
import type { Permission } from './permissions.js';
import { currentPrincipal } from './roles.js';

/**
 * The global guard: looks the route's handler up in the permission table (routes are matched once, at start, by
 * `AccessModule`) and lets the request through only if the table allows the principal's role. No principal on a
 * route that is not public: 401 UNAUTHENTICATED; a role the route does not allow: 403 FORBIDDEN.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly byHandler = new Map<unknown, { route: string; permission: Permission }>();

  /** Called by AccessModule at start, once every route has an entry. */
  register(handler: unknown, route: string, permission: Permission): void {
    this.byHandler.set(handler, { route, permission });
  }

  canActivate(context: ExecutionContext): boolean {
    const entry = this.byHandler.get(context.getHandler());
    // Unreachable once the start-up check passed; refusing keeps a gap closed rather than open.
    if (!entry) throw new DomainError('FORBIDDEN', 'This route has no permission entry.');
    if (entry.permission === 'public') return true;
    const principal = currentPrincipal();
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
    if (entry.permission === 'authenticated' || entry.permission.includes(principal.role)) return true;
    throw new DomainError(
      'FORBIDDEN',
      `${/^[aeiou]/.test(principal.role) ? 'An' : 'A'} ${principal.role} may not ${entry.route}; it takes ${entry.permission.join(' or ')}.`,
      { role: principal.role, allowed: entry.permission },
    );
  }
}

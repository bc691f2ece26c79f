import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';
import type { Principal } from './principal.js';

export type { Principal, Role } from './principal.js';
export { ROLES } from './principal.js';

/**
 * What every layer may need to know about the request it serves: who asks, in which
 * organisation, and the transaction it runs in. Set once per request by
 * `RequestContextMiddleware` from the authenticated session (never from a client header),
 * read by repositories, the database layer (which sets `app.org_id`/`app.user_id` from it) and the logger.
 */
export interface RequestContext {
  requestId: string;
  /** The tenant every repository scopes its SQL to: the principal's organisation. */
  orgId?: string;
  /**
   * The user the database sees as `app.user_id`: the principal's, or the account being created
   * or signed in while there is no principal yet (sign-up, log-in, accepting an invite).
   */
  userId?: string;
  /** The authenticated user in `orgId`; absent for an anonymous request. */
  principal?: Principal;
  /** Who makes the change, as recorded in the change log: the principal's name. */
  actor: string;
  /** The open transaction, when the request is inside one. */
  manager?: EntityManager;
  /**
   * The route's own statement timeout (`@StatementTimeout`), applied to the transactions it
   * opens; otherwise every statement has the connection's default (data-source-options.ts).
   */
  statementTimeoutMs?: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },

  /** Runs `fn` with the current context extended by `patch` (e.g. an open transaction). */
  extend<T>(patch: Partial<RequestContext>, fn: () => T): T {
    const current = storage.getStore() ?? { requestId: 'background', actor: 'system' };
    return storage.run({ ...current, ...patch }, fn);
  },

  get(): RequestContext | undefined {
    return storage.getStore();
  },

  /** The organisation of the current request; a repository without one is a programming error. */
  orgId(): string {
    const orgId = storage.getStore()?.orgId;
    if (!orgId) throw new DomainError('INTERNAL', 'No organisation in the request context.');
    return orgId;
  },

  actor(): string {
    return storage.getStore()?.actor ?? 'system';
  },

  /** The authenticated user of the current request, if any. */
  principal(): Principal | undefined {
    return storage.getStore()?.principal;
  },
};

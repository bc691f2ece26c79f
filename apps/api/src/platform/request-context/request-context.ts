import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';

/**
 * What every layer may need to know about the request it serves: who asks, in which
 * organisation, and the transaction it runs in. Set once per request by
 * `RequestContextMiddleware`, read by repositories and the logger. When accounts arrive,
 * only the middleware that fills `orgId` and `actor` changes.
 */
export interface RequestContext {
  requestId: string;
  /** The tenant every repository scopes its SQL to. */
  orgId?: string;
  /** Who makes the change, as recorded in the change log. */
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
};

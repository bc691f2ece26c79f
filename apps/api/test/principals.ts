import request from 'supertest';
import type { Role } from '../src/platform/request-context/request-context.js';
import {
  createMember as createAccount,
  createOrganisation as createOrganisationRow,
  type TestMember as Account,
} from './accounts.js';
import type { TestApp } from './harness.js';

/** supertest bound to the app; with a member, every request carries its bearer token. */
export type Requester = ReturnType<typeof request>;

/** A member with a live session (accounts.ts) and a supertest client that asks as it. */
export interface TestMember extends Account {
  /** Requests as this member (a bearer token: no cookie, so no CSRF header is needed). */
  http: () => Requester;
}

export interface MemberOptions {
  /** A contributor's business units. */
  unitIds?: string[];
  name?: string;
  email?: string;
  /** Another organisation than the test app's default one. */
  orgId?: string;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);

/** `request(server)` whose every request sends `Authorization: Bearer <token>` (none: anonymous). */
export function bearer(server: Parameters<typeof request>[0], token?: string): Requester {
  const agent = request(server);
  if (!token) return agent;
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => request.Test).apply(target, args).set('Authorization', `Bearer ${token}`);
    },
  });
}

/** A new member of the default organisation (or `options.orgId`) with `role`. */
export async function createMember(
  t: Pick<TestApp, 'app' | 'databaseUrl'>,
  role: Role,
  options: MemberOptions = {},
): Promise<TestMember> {
  const account = await createAccount(t as TestApp, { role, ...options });
  return { ...account, http: () => bearer(t.app.getHttpServer(), account.token) };
}

/** Another organisation, and its first admin. */
export async function createOrganisation(t: Pick<TestApp, 'app' | 'databaseUrl'>, name: string): Promise<TestMember> {
  const orgId = await createOrganisationRow(t as TestApp, name);
  return createMember(t, 'admin', { orgId, name: `Admin of ${name}` });
}

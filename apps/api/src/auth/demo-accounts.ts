import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db } from '../platform/database/db.js';
import { requestContext, type Role } from '../platform/request-context/request-context.js';
import { AuthRepository } from './auth.repository.js';
import { PasswordHasher } from './password-hasher.js';

export interface DemoAccount {
  email: string;
  /** Public on purpose: the log-in page shows it while DEMO_SEED is on. */
  password: string;
  role: Role;
  name: string;
  /** A contributor's units in the demo organisation, by key. */
  unitKeys: string[];
}

/** One demo user per role in the demo organisation (Northwind Energy, docs/demo-portfolio.md). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@northwind.example', password: 'northwind-admin', role: 'admin', name: 'Alex Admin', unitKeys: [] },
  { email: 'pmo@northwind.example', password: 'northwind-pmo-lead', role: 'pmo', name: 'Priya PMO', unitKeys: [] },
  {
    email: 'executive@northwind.example',
    password: 'northwind-executive',
    role: 'executive',
    name: 'Evan Executive',
    unitKeys: [],
  },
  {
    email: 'contributor@northwind.example',
    password: 'northwind-contributor',
    role: 'contributor',
    name: 'Cara Contributor',
    unitKeys: ['NET', 'MTR'],
  },
];

/**
 * The demo users. With DEMO_SEED on they are created once in the demo organisation (an account
 * that exists is left as it is: an admin may have changed it); with DEMO_SEED off their
 * passwords are cleared at start, so the published ones open nothing on a real deployment.
 */
@Injectable()
export class DemoAccounts {
  constructor(
    private readonly db: Db,
    private readonly accounts: AuthRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Creates the missing demo users in `orgId`; `unitIds` maps the demo's unit keys to ids. */
  async ensure(orgId: string, unitIds: Map<string, string>): Promise<number> {
    let created = 0;
    for (const demo of DEMO_ACCOUNTS) {
      if (await this.accounts.accountByEmail(demo.email)) continue;
      const userId = randomUUID();
      const passwordHash = await this.hasher.hash(demo.password);
      const units = demo.unitKeys.map((key) => unitIds.get(key)).filter((id): id is string => id !== undefined);
      await requestContext.run({ requestId: 'demo-seed', orgId, userId, actor: 'Throughline demo' }, () =>
        this.db.transaction(async () => {
          await this.accounts.insertUser({ id: userId, email: demo.email, name: demo.name, passwordHash });
          await this.accounts.insertMembership({ orgId, userId, role: demo.role, unitIds: units });
        }),
      );
      created += 1;
    }
    return created;
  }

  /**
   * Who owns each demo unit (unit id → user id), so a dependency on a unit's work has someone to acknowledge it and
   * the accountability view names a person: the contributor owns its own units, the PMO lead every other one.
   */
  async unitOwners(unitIds: ReadonlyMap<string, string>): Promise<Map<string, string>> {
    const userIds = new Map<DemoAccount, string>();
    for (const demo of DEMO_ACCOUNTS) {
      const account = await this.accounts.accountByEmail(demo.email);
      if (account) userIds.set(demo, account.id);
    }
    const pmo = DEMO_ACCOUNTS.find((demo) => demo.role === 'pmo')!;
    const owners = new Map<string, string>();
    for (const [key, unitId] of unitIds) {
      const owner = DEMO_ACCOUNTS.find((demo) => demo.unitKeys.includes(key)) ?? pmo;
      const userId = userIds.get(owner);
      if (userId) owners.set(unitId, userId);
    }
    return owners;
  }

  /** Clears the demo users' passwords (they can no longer sign in); returns how many had one. */
  async disable(): Promise<number> {
    let disabled = 0;
    for (const demo of DEMO_ACCOUNTS) {
      const account = await this.accounts.accountByEmail(demo.email);
      if (!account?.password_hash) continue;
      await requestContext.run({ requestId: 'demo-off', userId: account.id, actor: 'system' }, () =>
        this.accounts.clearPassword(account.id),
      );
      disabled += 1;
    }
    return disabled;
  }
}

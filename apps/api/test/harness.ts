import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.setup.js';
import { dataSourceOptions } from '../src/platform/database/data-source-options.js';
import type { Role } from '../src/platform/request-context/request-context.js';
import { defaultOrganisationId } from './accounts.js';
import {
  bearer,
  createMember,
  createOrganisation,
  type MemberOptions,
  type Requester,
  type TestMember,
} from './principals.js';
import { appDatabaseUrl, databaseUrl, withAdmin } from './test-database.js';

export interface TestApp {
  app: NestExpressApplication;
  /**
   * supertest bound to the app's HTTP server, asking as `admin`: an admin of the default organisation, by bearer
   * token (every route but a few public ones needs a session).
   */
  http: () => Requester;
  /** supertest without credentials. */
  anonymous: () => Requester;
  /** The default organisation: where `http()` works and the tests' data lives. */
  orgId: string;
  /** The member `http()` asks as. */
  admin: TestMember;
  /** A new member of the default organisation (`options.orgId`: of another) with `role`, and its own `http()`. */
  as(role: Role, options?: MemberOptions): Promise<TestMember>;
  /** Another organisation, empty, and its first admin. */
  newOrganisation(name?: string): Promise<TestMember>;
  /** The owner's connection (the migrating role): raw SQL in tests sees past row-level security. */
  dataSource: DataSource;
  /** The test's database, as the owner. */
  databaseUrl: string;
  /** The same database as the request role the API runs its requests as. */
  appDatabaseUrl: string;
  close(): Promise<void>;
}

/**
 * The whole API on a database of its own, copied from the migrated template. Call once per
 * test file (beforeAll) and close in afterAll.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const template = process.env.TL_TEMPLATE_DATABASE;
  if (!template) throw new Error('TL_TEMPLATE_DATABASE is unset: run the API tests through jest (global setup).');
  const name = `tl_t_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = databaseUrl(name);
  const appUrl = appDatabaseUrl(name);
  const owner = new DataSource(dataSourceOptions(url, 2));
  let app: NestExpressApplication;
  try {
    await owner.initialize();
    app = await createApp({
      env: {
        DATABASE_URL: url,
        DATABASE_APP_URL: appUrl,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DEMO_SEED: 'false',
        DB_POOL_SIZE: '10',
        ...env,
      },
    });
  } catch (error) {
    if (owner.isInitialized) await owner.destroy();
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    throw error;
  }
  const server = app.getHttpServer();
  const base = { app, databaseUrl: url };
  const orgId = await defaultOrganisationId(base as TestApp);
  const admin = await createMember(base, 'admin', { orgId, name: 'Test Admin' });
  return {
    app,
    http: admin.http,
    anonymous: () => bearer(server),
    orgId,
    admin,
    as: (role, options = {}) => createMember(base, role, { orgId, ...options }),
    newOrganisation: (orgName = 'Other Org') => createOrganisation(base, orgName),
    dataSource: owner,
    databaseUrl: url,
    appDatabaseUrl: appUrl,
    async close() {
      await app.close();
      await owner.destroy();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

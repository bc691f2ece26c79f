import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD, ApplicationConfig, DiscoveryModule, DiscoveryService, MetadataScanner } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { PERMISSIONS, type Permission } from './permissions.js';
import { discoverRoutes, permissionProblems } from './route-table.js';

/** The permission table the guard reads; a token so a test can start the app with a table that lacks a route. */
export const PERMISSION_TABLE = Symbol('PERMISSION_TABLE');

/**
 * Roles on every route: the `AccessGuard` as APP_GUARD, and the start-up check that every route the controllers
 * declare has exactly one entry in the permission table (and every entry a route). The check runs when the app
 * initialises, so `createApp` — production and every test — fails with the names of the routes at fault.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [
    AccessGuard,
    { provide: APP_GUARD, useExisting: AccessGuard },
    { provide: PERMISSION_TABLE, useValue: PERMISSIONS },
  ],
})
export class AccessModule implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly config: ApplicationConfig,
    private readonly guard: AccessGuard,
    @Inject(PERMISSION_TABLE) private readonly table: Readonly<Record<string, Permission>>,
  ) {}

  onApplicationBootstrap(): void {
    const routes = discoverRoutes(this.discovery, this.scanner, this.config.getGlobalPrefix());
    const problems = permissionProblems(
      routes.map((r) => r.route),
      this.table,
    );
    if (problems.length > 0) {
      throw new Error(
        `Refusing to start: the permission table (apps/api/src/access/permissions.ts) does not match the routes:\n  ${problems.join('\n  ')}`,
      );
    }
    for (const { route, handler } of routes) this.guard.register(handler, route, this.table[route]);
  }
}

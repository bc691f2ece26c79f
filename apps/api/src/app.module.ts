import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { HeavyLimits } from './platform/http/heavy-requests.js';
import { HttpErrorFilter } from './platform/errors/http-error.filter.js';
import { LoggerModule } from './platform/logging/logger.module.js';
import { RequestContextMiddleware } from './platform/request-context/request-context.middleware.js';
import { createValidationPipe } from './platform/validation/validation.js';
import { AccessModule } from './access/access.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ChangeLogModule } from './change-log/change-log.module.js';
import { ConfigModule } from './platform/config/config.module.js';
import { CoverageModule } from './coverage/coverage.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { ENTITIES } from './entities.js';
import { BusinessUnitsModule } from './business-units/business-units.module.js';
import { CheckInsModule } from './check-ins/check-ins.module.js';
import { ViewsModule } from './views/views.module.js';
import { HealthModule } from './platform/health/health.module.js';
import { ImpactModule } from './impact/impact.module.js';
import { LinksModule } from './links/links.module.js';
import { MembersModule } from './members/members.module.js';
import { NodesModule } from './nodes/nodes.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OrganisationAdminModule } from './organisations/organisation-admin.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { PortfolioIoModule } from './portfolio-io/portfolio-io.module.js';
import { RestoreModule } from './restore/restore.module.js';
import { SpreadsheetModule } from './spreadsheet/spreadsheet.module.js';
import { SnapshotsModule } from './snapshots/snapshots.module.js';
import { RaidModule } from './raid/raid.module.js';
import { OkrCyclesModule } from './okr-cycles/okr-cycles.module.js';
import { MapLayoutsModule } from './map-layouts/map-layouts.module.js';

export interface AppOptions {
  /** Environment overrides on top of `process.env` (the tests point each app at its own database). */
  env?: Record<string, string>;
  /** The built web app to serve at `/`; omitted by API tests. */
  webDist?: string;
  /** Heavy-request lanes other than the defaults (tests fill a small queue). */
  heavyLimits?: Partial<HeavyLimits>;
}

/** The composition root: one module per domain concept, plus the cross-cutting ones. */
@Module({})
export class AppModule implements NestModule {
  static forRoot(options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.env),
        LoggerModule,
        DatabaseModule.forRoot(ENTITIES),
        OrganisationsModule,
        AuthModule,
        // Roles on every route: the guard and its permission table (access/permissions.ts).
        AccessModule,
        MembersModule,
        OrganisationAdminModule,
        ChangeLogModule,
        HealthModule,
        BusinessUnitsModule,
        NodesModule,
        LinksModule,
        CheckInsModule,
        ViewsModule,
        PortfolioIoModule,
        AuditModule,
        CoverageModule,
        DashboardModule,
        NotificationsModule,
        ImpactModule,
        RestoreModule,
        SpreadsheetModule,
        SnapshotsModule,
        RaidModule,
        OkrCyclesModule,
        MapLayoutsModule,
        ...(options.webDist
          ? [ServeStaticModule.forRoot({ rootPath: options.webDist, exclude: ['/api/{*path}'] })]
          : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(RequestContextMiddleware).forRoutes('{*path}');
  }
}

import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import type { DataSourceOptions } from 'typeorm';
import { prepareDatabase } from './app-role.js';
import { dataSourceOptions } from './data-source-options.js';
import { Db } from './db.js';
import { EmbeddedDatabaseService } from './embedded-database.service.js';

@Module({ providers: [EmbeddedDatabaseService], exports: [EmbeddedDatabaseService] })
class EmbeddedDatabaseModule {}

/**
 * PostgreSQL through TypeORM: the configured server or the embedded one, migrations run
 * at start as the owner (never `synchronize`), requests as the request role. The entities are the features': the composition root passes
 * them in (apps/api/src/entities.ts), so platform/ imports no feature.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(entities: DataSourceOptions['entities']): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: [EmbeddedDatabaseModule],
          inject: [AppConfig, EmbeddedDatabaseService],
          // Migrations and grants as DATABASE_URL's role (the owner); the pool, and so every
          // request, as the request role that row-level security binds (app-role.ts).
          useFactory: async (config: AppConfig, embedded: EmbeddedDatabaseService) => ({
            ...dataSourceOptions(
              await prepareDatabase(await embedded.connectionUrl(), config),
              config.dbPoolSize,
              entities,
            ),
            migrationsRun: false,
            retryAttempts: 2,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [Db],
      exports: [Db],
    };
  }
}

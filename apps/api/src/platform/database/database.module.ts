import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { Db } from './db.js';
import { EmbeddedDatabaseService } from './embedded-database.service.js';

@Module({ providers: [EmbeddedDatabaseService], exports: [EmbeddedDatabaseService] })
class EmbeddedDatabaseModule {}

/**
 * PostgreSQL through TypeORM: the configured server or the embedded one, migrations run
 * at start (never `synchronize`).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [EmbeddedDatabaseModule],
      inject: [AppConfig, EmbeddedDatabaseService],
      useFactory: async (config: AppConfig, embedded: EmbeddedDatabaseService) => ({
        ...dataSourceOptions(await embedded.connectionUrl(), config.dbPoolSize),
        migrationsRun: true,
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [Db],
  exports: [Db],
})
export class DatabaseModule {}

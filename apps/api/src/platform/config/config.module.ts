import { Global, Module, type DynamicModule } from '@nestjs/common';
import { checkEmbeddedDataDir } from '../database/embedded-database.service.js';
import { AppConfig } from './app-config.js';
import { loadConfig } from './load-config.js';

/**
 * Reads the environment (and a `.env` file, if present) exactly once, validates it and
 * provides the typed `AppConfig`. Nothing else in the API reads `process.env`; `npm run
 * db:migrate` reads it through the same `loadConfig`.
 * `overrides` lets the tests point an app at their own database without touching the process
 * (and then no `.env` file is read, so a developer's file cannot redirect a test).
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(overrides: Record<string, string> = {}): DynamicModule {
    const testing = Object.keys(overrides).length > 0;
    const config = loadConfig({ overrides, envFile: testing ? false : undefined });
    // DATA_DIR is part of the configuration: one held by a running server, or left by the PGlite
    // version, is refused here, before the application is built (the start re-checks atomically).
    if (!config.databaseUrl) checkEmbeddedDataDir(config.dataDir);
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}

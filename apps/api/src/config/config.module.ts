import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule as NestConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig, validateEnvironment } from './app-config.js';

const VALIDATED = 'throughline';

/**
 * Reads the environment (and a `.env` file, if present) exactly once, validates it and
 * provides the typed `AppConfig`. Nothing else in the API reads `process.env`.
 * `overrides` lets the tests point an app at their own database without touching the process.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(overrides: Record<string, string> = {}): DynamicModule {
    return {
      module: ConfigModule,
      imports: [
        NestConfigModule.forRoot({
          ignoreEnvFile: Object.keys(overrides).length > 0,
          validate: (raw) => ({ [VALIDATED]: validateEnvironment({ ...raw, ...overrides }) }),
        }),
      ],
      providers: [
        {
          provide: AppConfig,
          inject: [ConfigService],
          useFactory: (config: ConfigService) => config.getOrThrow<AppConfig>(VALIDATED),
        },
      ],
      exports: [AppConfig],
    };
  }
}

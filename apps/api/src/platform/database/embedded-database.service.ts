import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { AppConfig, ConfigError } from '../config/app-config.js';
import { LOGGER, type AppLogger } from '../logging/logger.module.js';
import { checkDataDir, EmbeddedPostgres, EmbeddedPostgresError } from './embedded-postgres.js';

/**
 * Starts the embedded server on DATA_DIR for the API and for `db:migrate`. A refusal the operator
 * must act on (folder in use, PGlite data, no binaries, a server that will not start) becomes a
 * ConfigError: printed as its message alone, exit 1.
 */
export function startEmbedded(dataDir: string, logger: Logger): Promise<EmbeddedPostgres> {
  return asConfigError(() => EmbeddedPostgres.start({ dataDir, logger }));
}

/**
 * The same refusals, checked before the application is built (ConfigModule), so that they are
 * printed as one message rather than through Nest's start-up error log.
 */
export function checkEmbeddedDataDir(dataDir: string): void {
  asConfigError(() => checkDataDir(dataDir));
}

function asConfigError<T>(work: () => T): T {
  const rethrow = (error: unknown): never => {
    if (error instanceof EmbeddedPostgresError) throw new ConfigError([`DATA_DIR: ${error.message}`], error.message);
    throw error;
  };
  try {
    const result = work();
    return (result instanceof Promise ? result.catch(rethrow) : result) as T;
  } catch (error) {
    return rethrow(error);
  }
}

/**
 * Owns the embedded PostgreSQL's lifetime inside the Nest app: started on demand when
 * `DATABASE_URL` is unset, stopped on shutdown (SIGINT/SIGTERM) after the connection pool
 * is closed, so the server shuts down with no client attached.
 */
@Injectable()
export class EmbeddedDatabaseService implements OnApplicationShutdown {
  private embedded?: Promise<EmbeddedPostgres>;

  constructor(
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The URL to connect to: the configured server, or the embedded one (started once). */
  async connectionUrl(): Promise<string> {
    if (this.config.databaseUrl) return this.config.databaseUrl;
    this.embedded ??= startEmbedded(this.config.dataDir, this.logger);
    return (await this.embedded).url;
  }

  async onApplicationShutdown() {
    const starting = this.embedded;
    if (!starting) return;
    this.embedded = undefined;
    const embedded = await starting.catch(() => undefined);
    if (!embedded) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource?.isInitialized) await dataSource.destroy();
    await embedded.stop();
  }
}

import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { LOGGER, type AppLogger } from '../common/logger.module.js';
import { EmbeddedPostgres } from './embedded-postgres.js';

/**
 * Owns the embedded PostgreSQL's lifetime inside the Nest app: started on demand when
 * `DATABASE_URL` is unset, closed on shutdown (SIGINT/SIGTERM) after the connection pool,
 * so PGlite flushes its files with no client attached.
 */
@Injectable()
export class EmbeddedDatabaseService implements OnApplicationShutdown {
  private embedded?: EmbeddedPostgres;

  constructor(
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The URL to connect to: the configured server, or a freshly started embedded one. */
  async connectionUrl(): Promise<string> {
    if (this.config.databaseUrl) return this.config.databaseUrl;
    this.embedded ??= await EmbeddedPostgres.start(this.config.dataDir, this.config.dbPoolSize, this.logger);
    return this.embedded.url;
  }

  async onApplicationShutdown() {
    if (!this.embedded) return;
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    if (dataSource?.isInitialized) await dataSource.destroy();
    await this.embedded.stop();
    this.embedded = undefined;
    this.logger.info('embedded PostgreSQL closed');
  }
}

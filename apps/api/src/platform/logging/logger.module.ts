import { Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config.js';
import { createLogger } from './logger.js';

export const LOGGER = Symbol('LOGGER');
export type AppLogger = Logger;

@Global()
@Module({
  providers: [
    { provide: LOGGER, inject: [AppConfig], useFactory: (config: AppConfig) => createLogger(config.logLevel) },
  ],
  exports: [LOGGER],
})
export class LoggerModule {}

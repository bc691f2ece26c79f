import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { requestContext } from '../request-context/request-context.js';

/**
 * One pino logger for the process: JSON lines on stdout, each stamped with the request id
 * of the request it belongs to (read from the request context, so a service deep in the
 * stack need not pass it along).
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'throughline-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const requestId = requestContext.get()?.requestId;
      return requestId ? { requestId } : {};
    },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  });
}

/** Nest's own log lines (bootstrap, route mapping, errors) through the same JSON logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string) {
    this.logger.fatal({ context }, String(message));
  }
}

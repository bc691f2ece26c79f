import { ArgumentsHost, Catch, HttpException, Inject, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { BusyError } from '../concurrency/concurrency.js';
import { databaseUnavailable } from './database-errors.js';
import { DomainError, type ErrorBody } from './domain-error.js';
import { LOGGER, type AppLogger } from '../logging/logger.module.js';
import { requestContext } from '../request-context/request-context.js';

/**
 * PostgreSQL errors a client's input can still reach when a service check was raced or
 * missed. Services validate first; this is the net under them, so a client never sees a 500
 * for something it sent.
 */
const PG_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '22P02': { status: 400, code: 'VALIDATION_FAILED', message: 'A value has the wrong format.' },
  '22003': { status: 400, code: 'VALIDATION_FAILED', message: 'A number is out of range.' },
  '22007': { status: 400, code: 'VALIDATION_FAILED', message: 'A date has the wrong format.' },
  '22008': { status: 400, code: 'VALIDATION_FAILED', message: 'A date is out of range.' },
  '22001': { status: 400, code: 'VALIDATION_FAILED', message: 'A value is too long.' },
  // PostgreSQL text cannot hold the NUL character (\u0000), wherever it comes from: any field, a query string.
  '22021': { status: 400, code: 'VALIDATION_FAILED', message: 'Text may not contain the NUL character (\\u0000).' },
  '22P05': { status: 400, code: 'VALIDATION_FAILED', message: 'Text may not contain the NUL character (\\u0000).' },
  '23502': { status: 400, code: 'VALIDATION_FAILED', message: 'A required value is missing.' },
  '23505': { status: 409, code: 'CONFLICT', message: 'That already exists.' },
  '23503': {
    status: 409,
    code: 'CONFLICT',
    message: 'That refers to something that does not exist or is still in use.',
  },
  '23514': { status: 422, code: 'INVALID_FIELD', message: 'The values break a rule of the portfolio.' },
  '40001': { status: 409, code: 'CONFLICT', message: 'A concurrent change got there first; try again.' },
  '40P01': { status: 409, code: 'CONFLICT', message: 'A concurrent change got there first; try again.' },
};

/** Seconds a 503 asks the client to wait when nothing more precise is known. */
const DEFAULT_RETRY_AFTER = 1;

/** Express's body parser marks a body that is not JSON; Nest wraps its error in a 400 with it as the cause. */
function isMalformedJson(error: HttpException): boolean {
  const cause = error.cause as { type?: unknown } | undefined;
  return cause?.type === 'entity.parse.failed';
}

/** Maps every error to `{ statusCode, code, message, details }`; only 5xx are logged as errors, never sent with internals. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: AppLogger) {}

  catch(error: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    const { body, retryAfterSeconds } = this.toBody(error);
    if (body.statusCode === 503) {
      // Expected under load or during a database outage: a warning, and a hint when to come back.
      this.logger.warn({ err: error, pgCode: databaseUnavailable(error)?.code }, body.message);
      body.details = { requestId: requestContext.get()?.requestId };
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: error }, 'request failed');
      body.details = { requestId: requestContext.get()?.requestId };
    }
    if (response.headersSent) {
      // A streamed answer failed half-way: cut the connection so the client sees it incomplete.
      response.destroy();
      return;
    }
    if (body.statusCode === 503) response.setHeader('Retry-After', String(retryAfterSeconds ?? DEFAULT_RETRY_AFTER));
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): { body: ErrorBody; retryAfterSeconds?: number } {
    const unavailable = databaseUnavailable(error);
    if (unavailable) {
      return {
        body: { statusCode: 503, code: 'UNAVAILABLE', message: unavailable.message },
        retryAfterSeconds: unavailable.retryAfterSeconds,
      };
    }
    if (error instanceof BusyError) {
      return {
        body: { statusCode: 503, code: 'UNAVAILABLE', message: error.message },
        retryAfterSeconds: error.retryAfterSeconds,
      };
    }
    return { body: this.describe(error) };
  }

  private describe(error: unknown): ErrorBody {
    if (error instanceof DomainError) {
      return { statusCode: error.status, code: error.code, message: error.message, details: error.details };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      if (isMalformedJson(error)) {
        return {
          statusCode: 400,
          code: 'MALFORMED_REQUEST',
          message: `The request body is not valid JSON: ${error.message}`,
        };
      }
      const response = error.getResponse();
      const said = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message =
        typeof said === 'string' ? said : Array.isArray(said) ? said.map(String).join('; ') : error.message;
      return { statusCode: status, code: codeForStatus(status), message };
    }
    const driverError = databaseError(error);
    if (driverError) {
      const pgCode = driverError.code;
      const known = pgCode ? PG_ERRORS[pgCode] : undefined;
      if (known) {
        const detail = driverError;
        this.logger.warn(
          { pgCode, constraint: detail.constraint },
          'database refused a write the service did not catch',
        );
        return {
          statusCode: known.status,
          code: known.code,
          message: known.message,
          details: { constraint: detail.constraint },
        };
      }
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'Internal server error.' };
  }
}

/**
 * PostgreSQL's own error, whichever way the query went: wrapped by TypeORM, or straight from
 * `pg` (reads outside a transaction use the pool directly, see Db.query).
 */
function databaseError(error: unknown): { code?: string; constraint?: string } | undefined {
  if (error instanceof QueryFailedError) return error.driverError as { code?: string; constraint?: string };
  if (error instanceof pg.DatabaseError) return error;
  return undefined;
}

function codeForStatus(status: number): string {
  return (STATUS_CODES[status] ?? 'Error').toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

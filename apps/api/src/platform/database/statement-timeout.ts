import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { requestContext } from '../request-context/request-context.js';

const STATEMENT_TIMEOUT = 'throughline:statement-timeout';

/**
 * A route whose statements may run longer than the connection's default (5 s): its transactions
 * (`Db.transaction`) set this timeout for themselves (`SET LOCAL`), and nothing else changes.
 * For the import, whose set-based statements over a 60,000-node document take seconds each.
 */
export const StatementTimeout = (ms: number) => SetMetadata(STATEMENT_TIMEOUT, ms);

/** Copies the route's `@StatementTimeout` into the request context, where `Db.transaction` reads it. */
@Injectable()
export class StatementTimeoutInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ms = Reflect.getMetadata(STATEMENT_TIMEOUT, context.getHandler()) as number | undefined;
    const current = requestContext.get();
    if (ms !== undefined && current) current.statementTimeoutMs = ms;
    return next.handle();
  }
}

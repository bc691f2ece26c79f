import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { LOGGER, type AppLogger } from '../logging/logger.module.js';
import { RequestAuthenticator } from './request-authenticator.js';
import { requestContext, type RequestContext } from './request-context.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Opens the request context for everything downstream: a request id (the caller's
 * `X-Request-Id` if sane, else a new one, echoed back), who asks (the principal of the session
 * cookie or bearer token, authenticated on every request), the organisation and the actor from
 * it, and one access-log line per request. No client header names the organisation or the actor.
 *
 * A request without valid credentials has no principal and no organisation (row-level security
 * then shows it nothing); the access guard refuses it wherever a route is not public.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  private readonly httpLogger: HttpLogger;

  constructor(
    @Inject(LOGGER) logger: AppLogger,
    private readonly authenticator: RequestAuthenticator,
  ) {
    this.httpLogger = pinoHttp({
      logger,
      genReqId: (req) => req.id,
      // A 503 is this API declining work it cannot do now (database down, busy): expected, not a fault.
      customLogLevel: (_req, res, err) =>
        res.statusCode === 503
          ? 'warn'
          : err || res.statusCode >= 500
            ? 'error'
            : res.statusCode >= 400
              ? 'warn'
              : 'info',
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    });
  }

  use(req: Request, res: Response, next: NextFunction): Promise<void> {
    const incoming = req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    (req as Request & { id: string }).id = requestId;
    res.setHeader('x-request-id', requestId);
    const context: RequestContext = { requestId, actor: 'anonymous' };
    // A refusal (CSRF) rejects this promise: Nest hands it to the error filter like any other.
    return requestContext.run(context, async () => {
      this.httpLogger(req, res);
      const principal = await this.authenticator.authenticate(req, res);
      // Filled in place: the context object is this request's, and nothing has read it yet.
      context.principal = principal;
      context.userId = principal?.userId;
      context.orgId = principal?.orgId;
      context.actor = principal?.name ?? 'anonymous';
      next();
    });
  }
}

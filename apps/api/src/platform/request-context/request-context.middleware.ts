import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { LOGGER, type AppLogger } from '../logging/logger.module.js';
import { CurrentOrganisation } from './current-organisation.js';
import { requestContext } from './request-context.js';

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const ACTOR = /^[\p{L}\p{N} .,'@()_-]{1,100}$/u;

/**
 * Opens the request context for everything downstream: a request id (the caller's
 * `X-Request-Id` if sane, else a new one, echoed back), the organisation and the actor,
 * and one access-log line per request.
 *
 * Until accounts exist every request works in the default organisation, and the actor is the
 * free-text `X-Actor` name the web app sends (unauthenticated; shown in history and conflicts).
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  private readonly httpLogger: HttpLogger;

  constructor(
    @Inject(LOGGER) logger: AppLogger,
    private readonly organisations: CurrentOrganisation,
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

  use(req: Request, res: Response, next: NextFunction) {
    const incoming = req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    (req as Request & { id: string }).id = requestId;
    res.setHeader('x-request-id', requestId);
    const actorHeader = req.header('x-actor')?.trim();
    const actor = actorHeader && ACTOR.test(actorHeader) ? actorHeader : 'anonymous';
    requestContext.run({ requestId, orgId: this.organisations.defaultOrganisationId(), actor }, () => {
      this.httpLogger(req, res);
      next();
    });
  }
}

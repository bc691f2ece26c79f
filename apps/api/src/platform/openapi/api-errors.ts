import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { ErrorCode } from '../errors/domain-error.js';
import { ErrorBodyDto } from '../errors/error-body.dto.js';

/** The error statuses an operation may document; what each means in this API and an example body. */
const ERRORS = {
  400: {
    description: 'VALIDATION_FAILED (every wrong field in `details`) or MALFORMED_REQUEST (the body is not JSON).',
    code: 'VALIDATION_FAILED',
    message: 'The request has invalid fields.',
  },
  401: {
    description:
      'UNAUTHENTICATED: no valid session (cookie or bearer token), or INVALID_CREDENTIALS / TOTP_REQUIRED at log-in.',
    code: 'UNAUTHENTICATED',
    message: 'Sign in first.',
  },
  403: {
    description: 'FORBIDDEN: the role may not do this; or CSRF: a cookie-authenticated change without its proof.',
    code: 'FORBIDDEN',
    message: 'Your role may not do this.',
  },
  404: {
    description: 'NOT_FOUND: nothing with that id in this organisation.',
    code: 'NOT_FOUND',
    message: 'Not found.',
  },
  409: {
    description: 'A conflict: VERSION_CONFLICT, LINK_DUPLICATE, LINK_CYCLE, IN_USE, KEY_TAKEN or CONFLICT.',
    code: 'CONFLICT',
    message: 'That already exists.',
  },
  413: {
    description: 'PAYLOAD_TOO_LARGE: the body is over the route’s limit (bytes or objects and arrays).',
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is over 1 MB.',
  },
  415: {
    description: 'UNSUPPORTED_MEDIA_TYPE: the body is not `application/json` in UTF-8.',
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'The request body must be application/json.',
  },
  422: {
    description:
      'A refusal of the domain: INVALID_FIELD, INVALID_STATE, LINK_NOT_ALLOWED, LINK_SELF or IMPORT_INVALID.',
    code: 'INVALID_FIELD',
    message: 'The values break a rule of the portfolio.',
  },
  429: {
    description: 'TOO_MANY_REQUESTS: too many requests (or failed log-ins); retry after `Retry-After` seconds.',
    code: 'TOO_MANY_REQUESTS',
    message: 'Too many requests; try again later.',
  },
  428: {
    description: 'PRECONDITION_REQUIRED: no version in the body nor an If-Match header.',
    code: 'PRECONDITION_REQUIRED',
    message: 'Say which version you edited: send `version` in the body or an If-Match header.',
  },
  503: {
    description:
      'UNAVAILABLE: the database cannot answer now, or (heavy reads, imports) the queue is full; retry after `Retry-After` seconds.',
    code: 'UNAVAILABLE',
    message: 'The database is unavailable; try again shortly.',
  },
} as const satisfies Record<number, { description: string; code: ErrorCode; message: string }>;

export type DocumentedErrorStatus = keyof typeof ERRORS;

/** What one operation says about a status, when it knows better than the generic description. */
export type ErrorOverride = [DocumentedErrorStatus, string];

/**
 * Documents error responses with the one error body (`ErrorBodyDto`) and an example per status:
 * `@ApiErrors(400, 404, [409, 'LINK_DUPLICATE or LINK_CYCLE …'])`. A 503 carries its `Retry-After` header.
 */
export function ApiErrors(...statuses: (DocumentedErrorStatus | ErrorOverride)[]) {
  return applyDecorators(
    ...statuses.map((entry) => {
      const [status, description] = Array.isArray(entry) ? entry : [entry, ERRORS[entry].description];
      const { code, message } = ERRORS[status];
      return ApiResponse({
        status,
        description,
        content: {
          'application/json': {
            schema: { $ref: getSchemaPath(ErrorBodyDto) },
            example: { statusCode: status, code, message },
          },
        },
        ...(status === 503 || status === 429
          ? {
              headers: {
                'Retry-After': {
                  description: 'Seconds to wait before trying again.',
                  schema: { type: 'integer', example: 2 },
                },
              },
            }
          : {}),
      });
    }),
  );
}

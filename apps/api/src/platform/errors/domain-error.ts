/**
 * The error every service throws for a refusal a client can act on. The code decides the
 * HTTP status (one table, below), so services speak the domain's language, not HTTP's.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  TOTP_SETUP_REQUIRED: 403,
  HOST_NOT_ALLOWED: 421,
  WEAK_PASSWORD: 422,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  LINK_DUPLICATE: 409,
  LINK_CYCLE: 409,
  IN_USE: 409,
  KEY_TAKEN: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  LINK_NOT_ALLOWED: 422,
  LINK_SELF: 422,
  INVALID_STATE: 422,
  INVALID_FIELD: 422,
  IMPORT_INVALID: 422,
  PRECONDITION_REQUIRED: 428,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/**
 * Errors that say the database could not serve the request right now — not that the request
 * was wrong, nor that the code is: answered 503 `UNAVAILABLE` with `Retry-After`, never 500.
 */

/** SQLSTATEs (and classes) of an unavailable or overloaded database, and of our own time limits. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, in recovery
  '57P05', // idle_session_timeout
  '57014', // query_canceled: statement_timeout
  '55P03', // lock_not_available: lock_timeout
  '25P03', // idle_in_transaction_session_timeout
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
  '53100', // disk_full
  '53200', // out_of_memory
  '58000', // system_error
  '58030', // io_error
]);

/** Node's socket errors on the way to the server. */
const UNAVAILABLE_SYSCALLS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What pg and pg-pool say, without a code, when a connection is lost or cannot be had. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect$/, // pool acquisition over connectionTimeoutMillis
  /^Query read timeout$/, // client-side read timeout
  /is not queryable$/, // a client that already lost its connection
  /^Cannot use a pool after calling end on the pool$/, // shutting down
  /^Client was closed and is not queryable$/,
  /^Connection is not established/,
];

export interface UnavailableReason {
  /** The SQLSTATE or system error code, when there is one (logged, never sent). */
  code?: string;
  /** What the client is told. */
  message: string;
  /** Seconds for the Retry-After header. */
  retryAfterSeconds: number;
}

/**
 * The reason the database was unavailable, or undefined when `error` is something else.
 * Looks through TypeORM's wrapper (`driverError`), `cause` and an AggregateError's `errors`
 * (Node tries each address of `localhost`).
 */
export function databaseUnavailable(error: unknown): UnavailableReason | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const e = current as {
      code?: unknown;
      syscall?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    const code = typeof e.code === 'string' ? e.code : undefined;
    const message = typeof e.message === 'string' ? e.message : '';
    if (code && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return reasonFor(code);
    if (code && UNAVAILABLE_SYSCALLS.has(code)) return reasonFor(code);
    // A Unix socket that is gone (the embedded server's), only when connecting: not any missing file.
    if (code === 'ENOENT' && e.syscall === 'connect') return reasonFor(code);
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return reasonFor(code, message);
    queue.push(e.driverError, e.cause, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : []));
  }
  return undefined;
}

function reasonFor(code: string | undefined, message = ''): UnavailableReason {
  if (code === '57014' || message === 'Query read timeout') {
    return { code, message: 'The database took too long to answer; try again.', retryAfterSeconds: 2 };
  }
  if (code === '55P03') {
    return {
      code,
      message: 'What this request changes is held by another change in progress; try again.',
      retryAfterSeconds: 2,
    };
  }
  if (message === 'timeout exceeded when trying to connect') {
    return { code, message: 'The database is busy; try again.', retryAfterSeconds: 2 };
  }
  return { code, message: 'The database is unavailable; try again shortly.', retryAfterSeconds: 5 };
}

import type { ApiErrorBody as ErrorBodyOfTheApi } from './contract';

/**
 * The API's error body, as every endpoint sends it (ErrorBodyDto in its OpenAPI document), or
 * `HTTP_ERROR` when something on the way (a proxy) answered without one.
 */
export type ApiErrorBody = Omit<ErrorBodyOfTheApi, 'code'> & { code: ErrorBodyOfTheApi['code'] | 'HTTP_ERROR' };

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
  }
  get status() {
    return this.body.statusCode;
  }
  /** The session is missing or over (not a refused log-in, which answers 401 with its own code). */
  get isUnauthenticated() {
    return this.body.statusCode === 401 && (this.body.code as string) === 'UNAUTHENTICATED';
  }
}

let currentUserId = 'anonymous';

/**
 * Who is signed in, for what the browser keeps per person (the map's saved layouts). The session
 * sets it; the API never reads it (the acting user comes from the session cookie).
 */
export function currentActor(): string {
  return currentUserId;
}
export function setCurrentActor(userId: string | undefined) {
  currentUserId = userId ?? 'anonymous';
}

/**
 * `fetch` for the API: JSON in and out, and every non-2xx thrown as an `ApiError`. The session
 * cookie goes with every request (same origin only), and so does `X-Requested-With`, the proof the
 * API asks of a cookie-authenticated change that it comes from this app and not another site (CSRF).
 */
export async function http<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const response = await fetch(`/api${path}`, {
    ...rest,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      'X-Requested-With': 'throughline',
      ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    throw new ApiError(
      (body as ApiErrorBody | undefined) ?? {
        statusCode: response.status,
        code: 'HTTP_ERROR',
        message: response.statusText,
      },
    );
  }
  return body as T;
}

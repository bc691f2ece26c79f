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
}

const ACTOR_KEY = 'throughline.actor';

/** Until accounts exist, the name the user gave is sent with each change and shown in history. */
export function currentActor(): string {
  return localStorage.getItem(ACTOR_KEY) ?? 'PMO lead';
}
export function setCurrentActor(name: string) {
  localStorage.setItem(ACTOR_KEY, name);
}

/** `fetch` for the API: JSON in and out, and every non-2xx thrown as an `ApiError`. */
export async function http<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const response = await fetch(`/api${path}`, {
    ...rest,
    headers: {
      Accept: 'application/json',
      'X-Actor': currentActor(),
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

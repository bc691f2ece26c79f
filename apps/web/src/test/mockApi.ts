/**
 * A stand-in for the API at the `fetch` level, which is what `api/http.ts` calls: routes are
 * "METHOD /path" (the path after /api, without the query string); a route's value is the JSON
 * body, or a function of the request returning one (or an `apiError`). Unknown routes answer 404.
 */
export interface MockRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

const ERROR = Symbol('api error');
interface MockError {
  [ERROR]: true;
  status: number;
  body: { statusCode: number; code: string; message: string; details?: unknown };
}

export function apiError(status: number, code: string, message: string, details?: unknown): MockError {
  return reply(status, { statusCode: status, code, message, details });
}

/** Any status with any body (e.g. the health endpoint's 503 with its own body). */
export function reply(status: number, body: unknown): MockError {
  return { [ERROR]: true, status, body: body as MockError['body'] };
}

type Route = unknown | ((request: MockRequest) => unknown);

export function mockApi(routes: Record<string, Route>) {
  const calls: MockRequest[] = [];
  const fetchMock = jest.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost');
    const request: MockRequest = {
      method: (init.method ?? 'GET').toUpperCase(),
      path: url.pathname.replace(/^\/api/, ''),
      query: url.searchParams,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    calls.push(request);
    const route = routes[`${request.method} ${request.path}`];
    const result =
      route === undefined
        ? apiError(404, 'ROUTE_NOT_FOUND', `no mock for ${request.method} ${request.path}`)
        : typeof route === 'function'
          ? await (route as (r: MockRequest) => unknown)(request)
          : route;
    const failed = typeof result === 'object' && result !== null && ERROR in result;
    const status = failed
      ? (result as MockError).status
      : request.method === 'POST'
        ? 201
        : result === undefined
          ? 204
          : 200;
    const body = failed ? (result as MockError).body : result;
    return {
      ok: status < 400,
      status,
      statusText: '',
      text: async () => (body === undefined ? '' : JSON.stringify(body)),
    };
  });
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  return { fetch: fetchMock, calls };
}

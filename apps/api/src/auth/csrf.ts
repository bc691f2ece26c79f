/** Methods that change nothing, so need no CSRF proof (a GET must never change state). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The header the web app sends on every request; a cross-site form or `no-cors` fetch cannot send it. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'throughline';

export interface CsrfRequest {
  method: string;
  /** `X-Requested-With` */
  requestedWith: string | undefined;
  /** `Origin`, when the browser sent one. */
  origin: string | undefined;
  /** This API's own origin as the request reached it, e.g. `https://throughline.example.com`. */
  ownOrigin: string;
  allowedOrigins: readonly string[];
}

/**
 * Why a cookie-authenticated request must be refused as cross-site, or undefined when it may
 * go on. A state change needs `X-Requested-With: throughline` (a custom header forces a CORS
 * preflight, which this API never grants), and, when the browser names the origin, that origin
 * must be this API's or an allowed one. SameSite=Lax cookies already stay off cross-site POSTs
 * in current browsers; this holds for older ones and same-site neighbours too.
 */
export function csrfRefusal(request: CsrfRequest): string | undefined {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
  if (request.requestedWith?.trim().toLowerCase() !== CSRF_HEADER_VALUE) {
    return `A change made with the session cookie must carry the header X-Requested-With: ${CSRF_HEADER_VALUE}.`;
  }
  if (request.origin !== undefined) {
    const origin = request.origin.trim().toLowerCase();
    if (origin !== request.ownOrigin.toLowerCase() && !request.allowedOrigins.includes(origin)) {
      return `Changes from the origin ${request.origin} are not accepted.`;
    }
  }
  return undefined;
}

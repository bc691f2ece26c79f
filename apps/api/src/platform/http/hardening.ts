import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';

/**
 * The Content-Security-Policy the built web app works under (apps/web/dist: one module script
 * and one stylesheet from /assets, no inline script; the map's layout runs in a worker file from
 * /assets; the PNG/SVG export draws the map through data: and blob: images). Styles may be inline
 * (React Flow and the OpenAPI UI set style attributes and tags); scripts may not.
 */
export function contentSecurityPolicy() {
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      // data:/blob: for the map's image export (html-to-image reads the page's images and fonts back with fetch).
      'connect-src': ["'self'", 'data:', 'blob:'],
      'worker-src': ["'self'", 'blob:'],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'self'"],
      // No upgrade-insecure-requests: a production API reached on plain http (the browser e2e on
      // 127.0.0.1, docker compose on localhost) would send the browser to https for its assets.
      // Behind TLS, HSTS keeps browsers on https.
    },
  };
}

/**
 * Security headers (helmet: CSP, HSTS in production, nosniff, frame denial, no referrer across
 * origins, no `X-Powered-By`), the proxy trust for client addresses, and the Host check. CORS
 * is never enabled: the web app is served from the API's own origin.
 */
export function harden(app: NestExpressApplication, config: AppConfig) {
  const production = config.nodeEnv === 'production';
  app.disable('x-powered-by');
  // Express reads X-Forwarded-For/-Proto only through this many proxies (0: never).
  app.set('trust proxy', config.security.trustProxy || false);
  app.use(hostCheck(config.security.allowedHosts));
  app.use(
    helmet({
      contentSecurityPolicy: contentSecurityPolicy(),
      strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'same-origin' },
      frameguard: { action: 'deny' },
    }),
  );
}

/**
 * Refuses a Host header outside `allowed` with 421 (DNS rebinding, poisoned absolute links);
 * an entry without a port allows every port. Empty: no check (outside production). The health
 * check is exempt: load balancers and orchestrators probe it by address.
 */
export function hostCheck(allowed: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (allowed.length === 0 || req.path.startsWith('/api/health')) return next();
    const host = (req.headers.host ?? '').trim().toLowerCase();
    const name = host.replace(/:\d+$/, '');
    if (allowed.includes(host) || allowed.includes(name)) return next();
    res.status(421).json({
      statusCode: 421,
      code: 'HOST_NOT_ALLOWED',
      message: 'This server does not answer to that host name.',
    });
  };
}

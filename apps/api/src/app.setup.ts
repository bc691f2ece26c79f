import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { documentAccess } from './access/openapi-access.js';
import { AppModule, type AppOptions } from './app.module.js';
import { AppConfig } from './platform/config/app-config.js';
import { harden } from './platform/http/hardening.js';
import { BodyParsingInterceptor } from './platform/http/body-parsing.js';
import { precompressedAssets } from './platform/http/precompressed-assets.js';
import { DEFAULT_HEAVY_LIMITS, HeavyRequestInterceptor } from './platform/http/heavy-requests.js';
import { StatementTimeoutInterceptor } from './platform/database/statement-timeout.js';
import { LOGGER, type AppLogger } from './platform/logging/logger.module.js';
import { NestPinoLogger } from './platform/logging/logger.js';
import { setUpOpenApi } from './platform/openapi/openapi.js';

/** Every API route is under /api; the web app is served at /. */
export const API_PREFIX = 'api';

/**
 * Builds the whole API exactly as production runs it; `main.ts` listens on it and the e2e
 * tests drive it with supertest, so the tests exercise the same prefix, pipes, filter and docs.
 */
export async function createApp(options: AppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
    // Throw start-up errors to the caller (main.ts reports them; tests see them) instead of exiting.
    abortOnError: false,
  });
  app.useLogger(new NestPinoLogger(app.get<AppLogger>(LOGGER)));
  const config = app.get(AppConfig);
  // Before any route: security headers on every answer, the Host check before anything runs.
  harden(app, config);
  // The web app's scripts and sheets as its build compressed them, where it did (no work per request); then answers
  // of 1 kB or more compressed when the client accepts it (brotli or gzip): the API's JSON and the rest of the web
  // app that ServeStaticModule serves (its middleware is added at init, after these). The streamed exports
  // (platform/http/response-stream.ts) go through it too: their back-pressure waits on the compressor's 'drain'.
  if (options.webDist) app.use(precompressedAssets(options.webDist));
  app.use(compression({ threshold: 1024 }));
  // No body parser before routing: a body is read only once a route that takes one was matched,
  // within that route's limits (platform/http/body-parsing.ts). In this order: a heavy request waits for
  // its slot before its body is buffered; the statement timeout is known before any transaction.
  app.useGlobalInterceptors(
    new HeavyRequestInterceptor({ ...DEFAULT_HEAVY_LIMITS, ...options.heavyLimits }),
    new BodyParsingInterceptor(),
    new StatementTimeoutInterceptor(),
  );
  app.setGlobalPrefix(API_PREFIX);
  // No ETag hashed over every answer body (a sha1 of 1 MB for a map view): nodes carry their version as ETag.
  app.set('etag', false);
  // The OpenAPI UI and document: off in production unless OPENAPI_UI=true (the web app's types
  // are generated from write-openapi.ts, not from a running server).
  if (config.security.openApiUi) setUpOpenApi(app, documentAccess);
  await app.init();
  return app;
}

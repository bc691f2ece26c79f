import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.setup.js';
import { HttpDrain } from './platform/http/graceful-shutdown.js';
import { LOGGER, type AppLogger } from './platform/logging/logger.module.js';
import { AppConfig, ConfigError } from './platform/config/app-config.js';
import { Readiness } from './platform/health/readiness.js';

/** The built web app, found relative to this file so `npm start` works from any directory. */
const WEB_DIST = fileURLToPath(new URL('../../../../../web/dist', import.meta.url));

/** How long requests in flight may take to finish once a shutdown begins (a `docker stop` waits 10 s by default, Kubernetes 30 s). */
const DRAIN_MS = 25_000;
/** After the drain: the pool and the embedded database must close within this, or the process exits 1. */
const CLOSE_MS = 15_000;

async function bootstrap() {
  const app = await createApp({ webDist: existsSync(WEB_DIST) ? WEB_DIST : undefined });
  const config = app.get(AppConfig);
  const logger = app.get<AppLogger>(LOGGER);
  const server = app.getHttpServer();
  // A slow client may not hold a socket for ever: headers within 20 s, the whole request within 2 min.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  const drain = new HttpDrain(server);
  // A promise nobody awaited that failed is one request's bug, not a reason to drop every other request.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.once(signal, () => process.exit(1)); // a second signal: stop at once
      shutDown(app, drain, logger, signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'Throughline did not shut down cleanly');
          process.exit(1);
        },
      );
    });
  }
  await app.listen(config.port, config.host);
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(
    `\nThroughline is running at http://${shown}:${config.port}  (API docs: http://${shown}:${config.port}/api/docs)\n`,
  );
}

/**
 * SIGTERM or SIGINT (Ctrl-C, `docker stop`): readiness answers 503 at once, the server stops
 * accepting, the requests in flight finish (up to 25 s), then Nest's shutdown hooks close the
 * pool and the embedded database (its files flushed).
 */
async function shutDown(app: NestExpressApplication, drain: HttpDrain, logger: AppLogger, signal: string) {
  app.get(Readiness).beginShutdown();
  logger.info({ signal, inFlight: drain.pending }, 'shutting down: finishing the requests in flight');
  const { abandoned, ms } = await drain.drain(DRAIN_MS);
  if (abandoned) logger.warn({ abandoned }, `requests still unanswered after ${DRAIN_MS / 1000} s were cut off`);
  else logger.info({ ms }, 'every request in flight was answered');
  const deadline = setTimeout(() => {
    logger.error(`the database did not close within ${CLOSE_MS / 1000} s`);
    process.exit(1);
  }, CLOSE_MS);
  deadline.unref();
  await app.close();
}

bootstrap().catch((error: unknown) => {
  // A bad configuration is the operator's to fix: say what, without a stack trace.
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Throughline failed to start:', error);
  process.exit(1);
});

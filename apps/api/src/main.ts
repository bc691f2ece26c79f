import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.setup.js';
import { AppConfig, ConfigError } from './config/app-config.js';

/** The built web app, found relative to this file so `npm start` works from any directory. */
const WEB_DIST = fileURLToPath(new URL('../../../../../web/dist', import.meta.url));

async function bootstrap() {
  const app = await createApp({ webDist: existsSync(WEB_DIST) ? WEB_DIST : undefined });
  const config = app.get(AppConfig);
  // Ctrl-C or `docker stop`: close the HTTP server, the pool and the embedded database (its files
  // flushed), then exit 0. A second signal while closing exits at once.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.once(signal, () => process.exit(1));
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Throughline did not shut down cleanly:', error);
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

bootstrap().catch((error: unknown) => {
  // A bad configuration is the operator's to fix: say what, without a stack trace.
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Throughline failed to start:', error);
  process.exit(1);
});

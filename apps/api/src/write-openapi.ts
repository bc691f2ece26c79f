import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { documentAccess } from './access/openapi-access.js';
import { AppModule } from './app.module.js';
import { API_PREFIX } from './app.setup.js';
import { buildOpenApiDocument } from './platform/openapi/openapi.js';

/**
 * Writes the OpenAPI document the API serves at /api/docs-json to a file, without a database:
 * Nest's preview mode builds the module graph (controllers, routes, DTO metadata) without
 * instantiating providers, so nothing connects. The e2e test `openapi.e2e-spec.ts` checks the
 * file's content equals what a running API serves.
 *
 *   node apps/api/dist/apps/api/src/write-openapi.js <out.json>
 */
async function main(out: string) {
  const app = await NestFactory.create(AppModule.forRoot(), { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix(API_PREFIX);
  const document = buildOpenApiDocument(app, documentAccess);
  await app.close();
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
}

const out = process.argv[2];
if (!out) {
  console.error('usage: write-openapi.js <out.json>');
  process.exit(2);
}
main(out).catch((error: unknown) => {
  console.error('Could not build the OpenAPI document:', error);
  process.exit(1);
});

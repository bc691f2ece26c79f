import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorBodyDto } from '../errors/error-body.dto.js';

/** Where the served document lives; the web app's types and the Redocly lint read the same one. */
export const OPENAPI_JSON_PATH = 'api/docs-json';

/** The document's `info`, `servers` and tags: one relative server, so it is right wherever the API runs. */
function openApiConfig() {
  return new DocumentBuilder()
    .setTitle('Throughline API')
    .setDescription(
      'Strategy-to-delivery as one typed graph: themes, objectives, key results, programmes, projects, ' +
        'BAU activities and value assets, the links between them, and the audit of its gaps.\n\n' +
        'Errors always answer `{ statusCode, code, message, details }` (`ErrorBody`); a 503 carries `Retry-After`. ' +
        'Sign in with `POST /api/auth/log-in` (or sign up); then send the session token as `Authorization: Bearer <token>` ' +
        '(the web app uses the `tl_session` cookie, with `X-Requested-With: throughline` on changes). ' +
        'Every request acts in the session’s organisation, as its user.',
    )
    .setVersion('1')
    .addServer('/', 'This server (the API is served under /api).')
    .addTag('nodes', 'The seven kinds of node: strategy (themes, objectives, key results) and work.')
    .addTag('links', 'Typed links between nodes, within the allowed-link matrix; proposed links await approval.')
    .addTag('key result check-ins', 'Measurements of a key result over time; the newest sets its `current`.')
    .addTag('business units', 'The organisation’s units, a tree; nodes may belong to one.')
    .addTag('graph', 'The map’s views of the graph, traces through one node, and the impact of cancelling work.')
    .addTag('audit', 'Rules run over the whole graph, their settings, and waivers of findings.')
    .addTag('coverage', 'Objective coverage, work alignment, investment mix and roll-ups; the objective × unit matrix.')
    .addTag('interchange', 'The whole portfolio as one document (format throughline/v1): export and import.')
    .addTag('health', 'Readiness for load balancers and probes.')
    .addTag('accounts', 'Sign-up, log-in and sessions, passwords and TOTP, invite and reset links.')
    .addTag('members', 'The organisation’s members, their roles and units; invites and reset links (admins).')
    .addTag('organisation', 'The organisation’s settings, its export and its deletion.')
    .addTag('change log', 'Who changed what, when: the organisation’s audit trail (admins).')
    .build();
}

/** The OpenAPI document of `app` (its global prefix already set); needs no database (see write-openapi.ts). */
export function buildOpenApiDocument(
  app: INestApplication,
  decorate: Decorate = (document) => document,
): OpenAPIObject {
  return decorate(SwaggerModule.createDocument(app, openApiConfig(), { extraModels: [ErrorBodyDto] }));
}

/** What the composition root adds to the document from features platform/ does not know (the permission table). */
export type Decorate = (document: OpenAPIObject) => OpenAPIObject;

/** Serves the document at /api/docs (Swagger UI) and /api/docs-json. */
export function setUpOpenApi(app: INestApplication, decorate?: Decorate) {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app, decorate), { jsonDocumentUrl: OPENAPI_JSON_PATH });
}

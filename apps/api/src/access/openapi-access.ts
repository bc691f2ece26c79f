import type { OpenAPIObject } from '@nestjs/swagger';
import { PERMISSIONS, type Permission } from './permissions.js';

/** How a client proves its session: the web app's cookie, or the same token as a bearer (sign-up and log-in return it). */
const SECURITY_SCHEMES = {
  bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The `token` of sign-up or log-in.' },
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'tl_session',
    description: 'The web app’s session cookie; a change also needs the header `X-Requested-With: throughline`.',
  },
} as const;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const errorResponse = (description: string, code: string, message: string) => ({
  description,
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/ErrorBodyDto' },
      example: { statusCode: code === 'UNAUTHENTICATED' ? 401 : 403, code, message },
    },
  },
});

/**
 * Writes the permission table into the OpenAPI document, so that a client reads who may call each operation where
 * it reads everything else: the security schemes, `security` per operation (none for a public route), the roles as
 * `x-roles` and a sentence of the description, and the 401 and 403 answers the guard gives.
 */
export function documentAccess(document: OpenAPIObject, table: Readonly<Record<string, Permission>> = PERMISSIONS) {
  document.components = {
    ...document.components,
    securitySchemes: { ...document.components?.securitySchemes, ...SECURITY_SCHEMES },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    const route = path.replace(/\{(\w+)\}/g, ':$1');
    for (const method of METHODS) {
      const operation = item[method];
      const permission = operation && table[`${method.toUpperCase()} ${route}`];
      if (!operation || !permission) continue;
      if (permission === 'public') {
        operation.security = [];
        continue;
      }
      operation.security = [{ bearer: [] }, { session: [] }];
      const who = permission === 'authenticated' ? 'any member' : permission.join(', ');
      (operation as { 'x-roles'?: string[] })['x-roles'] =
        permission === 'authenticated' ? ['admin', 'pmo', 'executive', 'contributor'] : [...permission];
      operation.description = [operation.description, `Who: ${who}.`].filter(Boolean).join(' ');
      operation.responses['401'] ??= errorResponse(
        'UNAUTHENTICATED: no valid session.',
        'UNAUTHENTICATED',
        'Sign in first.',
      );
      if (permission !== 'authenticated') {
        operation.responses['403'] ??= errorResponse(
          `FORBIDDEN: only ${who} may call this.`,
          'FORBIDDEN',
          'An executive may not POST /api/business-units; it takes admin.',
        );
      }
    }
  }
  return document;
}

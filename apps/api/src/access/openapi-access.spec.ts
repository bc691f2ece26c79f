import type { OpenAPIObject } from '@nestjs/swagger';
import { documentAccess } from './openapi-access.js';

const operation = () => ({ responses: { '200': { description: 'OK' } } });

function document(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/health': { get: operation() },
      '/api/widgets/{id}': { get: operation(), delete: operation() },
    },
  };
}

describe(documentAccess.name, () => {
  const table = {
    'GET /api/health': 'public',
    'GET /api/widgets/:id': 'authenticated',
    'DELETE /api/widgets/:id': ['admin', 'pmo'],
  } as const;

  it('declares no security on a public route, and the session schemes with 401 on every other', () => {
    const doc = documentAccess(document(), table);
    expect(doc.components?.securitySchemes).toMatchObject({ bearer: { scheme: 'bearer' }, session: { in: 'cookie' } });
    expect(doc.paths['/api/health'].get).toMatchObject({ security: [] });
    expect(doc.paths['/api/health'].get?.responses['401']).toBeUndefined();
    const read = doc.paths['/api/widgets/{id}'].get!;
    expect(read.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(Object.keys(read.responses).sort()).toEqual(['200', '401']);
  });

  it('names the roles of a role-restricted route and documents its 403', () => {
    const remove = documentAccess(document(), table).paths['/api/widgets/{id}'].delete!;
    expect(remove).toMatchObject({ 'x-roles': ['admin', 'pmo'], description: 'Who: admin, pmo.' });
    expect(Object.keys(remove.responses).sort()).toEqual(['200', '401', '403']);
  });
});

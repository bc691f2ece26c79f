import type { Scope } from './expectations.js';
import type { RouteRequests } from './requests.js';

const ONCE = ['own'] as const satisfies readonly Scope[];

/**
 * Issue 13's spreadsheet routes. The import takes the file itself as its body (text/csv or XLSX); the matrix sends
 * JSON, so a role the guard lets through gets 415 (the upload's own refusal) and the others 403 — the uploads
 * themselves are proved in spreadsheet-import.e2e-spec.ts.
 */
export const SPREADSHEET_REQUESTS: Record<string, RouteRequests> = {
  'POST /api/portfolio/spreadsheet': {
    scopes: ONCE,
    build: () => ({ path: '/api/portfolio/spreadsheet?kind=projects&dryRun=true', body: { key: 'MX-1' } }),
  },
  'GET /api/portfolio/spreadsheet/mappings/:kind': {
    scopes: ONCE,
    build: () => ({ path: '/api/portfolio/spreadsheet/mappings/projects' }),
  },
  'PUT /api/portfolio/spreadsheet/mappings/:kind': {
    scopes: ONCE,
    build: () => ({ path: '/api/portfolio/spreadsheet/mappings/projects', body: { mapping: { Ref: 'key' } } }),
  },
  'GET /api/portfolio/export.csv': { scopes: ONCE, build: () => ({ path: '/api/portfolio/export.csv?kind=project' }) },
  'GET /api/portfolio/export.xlsx': {
    scopes: ONCE,
    build: () => ({ path: '/api/portfolio/export.xlsx?kind=project' }),
  },
  'GET /api/audit/findings.csv': { scopes: ONCE, build: () => ({ path: '/api/audit/findings.csv' }) },
};

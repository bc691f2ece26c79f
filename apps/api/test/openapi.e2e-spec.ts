import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestApp, type TestApp } from './harness.js';

interface Operation {
  summary?: string;
  tags?: string[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> }>;
}
interface Document {
  servers?: { url: string }[];
  info: { title?: string; version?: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

/** Routes whose cost grows with the organisation (`@HeavyRead`/`@HeavyWrite`): they may answer 503 when their queue is full. */
const HEAVY = [
  'get /api/graph',
  'get /api/graph/impact/{id}',
  'get /api/audit',
  'get /api/audit/waivers',
  'post /api/audit/waivers',
  'get /api/coverage',
  'get /api/coverage/matrix',
  'get /api/portfolio/export',
  'post /api/portfolio/import',
];

describe('the OpenAPI contract (/api/docs-json)', () => {
  let t: TestApp;
  let doc: Document;
  let operations: [string, Operation][];
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Document;
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]): [string, Operation] => [`${method} ${path}`, op]),
    );
  });
  afterAll(() => t.close());

  it('has complete info and one non-empty server', () => {
    expect(doc.info).toMatchObject({ title: 'Throughline API', version: '1' });
    expect(doc.info.description).toBeTruthy();
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('gives every operation a summary, a tag and a success response with a schema', () => {
    expect(operations.length).toBeGreaterThanOrEqual(34);
    const incomplete = operations.filter(([, op]) => {
      const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
      const described = success.every(
        // JSON, or a file (CSV, XLSX) whose type says what it is: either way a schema.
        ([status, response]) => status === '204' || Object.values(response.content ?? {}).some((c) => c.schema),
      );
      return !op.summary || !op.tags?.length || success.length === 0 || !described;
    });
    expect(incomplete.map(([name]) => name)).toEqual([]);
  });

  it('documents 404 on every {id} route and 400 for a malformed id', () => {
    const missing = operations
      .filter(([name]) => name.includes('{id}'))
      .filter(([, op]) => !op.responses['404'] || !op.responses['400'])
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('documents every error with the one error body', () => {
    const wrong = operations.flatMap(([name, op]) =>
      Object.entries(op.responses)
        .filter(([status]) => /^[45]\d\d$/.test(status) && name !== 'get /api/health')
        .filter(
          ([, r]) =>
            JSON.stringify(r.content?.['application/json']?.schema) !== '{"$ref":"#/components/schemas/ErrorBodyDto"}',
        )
        .map(([status]) => `${name} ${status}`),
    );
    expect(wrong).toEqual([]);
    expect(doc.components.schemas).toHaveProperty('ErrorBodyDto');
  });

  it('documents 503 with Retry-After on every heavy read and the import', () => {
    const byName = new Map(operations);
    for (const name of HEAVY) {
      expect([name, byName.get(name)?.responses['503']?.headers]).toEqual([
        name,
        expect.objectContaining({ 'Retry-After': expect.anything() }),
      ]);
    }
  });

  it('documents what PATCH /nodes/{id} really sends: 428 without a version, 409 on a stale one, never 412', async () => {
    const patch = doc.paths['/api/nodes/{id}'].patch;
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['200', '409', '428']));
    expect(patch.responses).not.toHaveProperty('412');
    const node = (await t.http().post('/api/nodes').send({ kind: 'theme', title: 'Contract' }).expect(201)).body as {
      id: string;
    };
    await t.http().patch(`/api/nodes/${node.id}`).send({ title: 'x' }).expect(428);
    await t.http().patch(`/api/nodes/${node.id}`).set('If-Match', '"99"').send({ title: 'x' }).expect(409);
  });

  it('is what write-openapi.js writes without a database (the file Redocly and the web types read)', () => {
    const script = resolve(__dirname, '../dist/apps/api/src/write-openapi.js');
    if (!existsSync(script)) throw new Error(`${script} is missing: build the API first (npm test builds it)`);
    const dir = mkdtempSync(join(tmpdir(), 'tl-openapi-'));
    try {
      const out = join(dir, 'openapi.json');
      execFileSync(process.execPath, [script, out], {
        env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      });
      expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(doc);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

import { startTestApp, type TestApp } from './harness.js';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers ok after a real query on the database', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'connected' });
  });

  it('says the database is unreachable (503) when the query fails', async () => {
    // Break the schema the health query reads, then put it back: the check must not be a constant.
    await t.dataSource.query('ALTER TABLE organisations RENAME TO organisations_away');
    try {
      const res = await t.http().get('/api/health').expect(503);
      expect(res.body).toEqual({ status: 'degraded', database: 'unreachable' });
    } finally {
      await t.dataSource.query('ALTER TABLE organisations_away RENAME TO organisations');
    }
  });

  it('echoes a sane X-Request-Id and invents one otherwise', async () => {
    const given = await t.http().get('/api/health').set('X-Request-Id', 'abc-123');
    expect(given.headers['x-request-id']).toBe('abc-123');
    const invented = await t.http().get('/api/health').set('X-Request-Id', 'not ok <script>');
    expect(invented.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('API errors', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.http().get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /api/no-such-thing' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/health');
  });
});

import { gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from './harness.js';

/**
 * Request bodies an attacker would send: none of them may take the process down or hold it for
 * seconds. Every answer is a 4xx with the API's error body, and the API answers normally after.
 */
describe('hostile request bodies', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
  });
  afterAll(() => t.close());

  /** Bytes as they are (supertest would turn a Buffer into JSON), answered as { status, body }. */
  async function post(path: string, body: Buffer, headers: Record<string, string>) {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      body,
      headers: { ...headers, Authorization: `Bearer ${t.admin.token}` },
    });
    return { status: res.status, body: (await res.json()) as { code: string; message: string } };
  }

  /** `[{},{},…]`, `bytes` long. */
  const emptyObjects = (bytes: number) => `[${'{},'.repeat(Math.floor(bytes / 3) - 1)}{}]`;

  async function stillAlive() {
    await t.http().get('/api/health').expect(200);
  }

  it('refuses a gzip bomb (32 KB inflating to 33 MB of [{},…]) with a 413, and stays up', async () => {
    const bomb = gzipSync(emptyObjects(33 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const started = Date.now();
    const res = await post('/api/business-units', bomb, {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(Date.now() - started).toBeLessThan(10_000); // generous: the machine may be busy; inflating all 33 MB is not
    await stillAlive();
  });

  it('counts the limit on the inflated bytes: a small gzip body inflating past 1 MB is a 413 naming the limit', async () => {
    const bomb = gzipSync(`{"key":"BOMB","name":"${'a'.repeat(33 * 1024 * 1024)}"}`, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await post('/api/business-units', bomb, {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    expect(res.status).toBe(413);
    expect(res.body.message).toContain('1 MB limit');
    await stillAlive();
  });

  it('refuses the same bomb on the import route, whose limit is larger, before parsing it', async () => {
    const bomb = gzipSync(emptyObjects(33 * 1024 * 1024), { level: 9 });
    const started = Date.now();
    const res = await post('/api/portfolio/import', bomb, {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(10_000);
    await stillAlive();
  });

  it('inflates gzip, deflate and br bodies within the limit', async () => {
    const { brotliCompressSync, deflateSync } = await import('node:zlib');
    const unit = (key: string) => Buffer.from(JSON.stringify({ key, name: `Unit ${key}` }));
    for (const [encoding, compress] of [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ] as const) {
      const res = await post('/api/business-units', compress(unit(`Z-${encoding.toUpperCase()}`)), {
        'Content-Type': 'application/json',
        'Content-Encoding': encoding,
      });
      expect(res.status).toBe(201);
    }
  });

  it('refuses JSON nested 1,500 deep with a 400, not a 500', async () => {
    const deep = `${'['.repeat(1500)}${']'.repeat(1500)}`;
    const res = await t.http().post('/api/business-units').set('Content-Type', 'application/json').send(deep);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'MALFORMED_REQUEST' });
    expect(res.body.message).toContain('64');
    const deepObject = `${'{"a":'.repeat(1500)}1${'}'.repeat(1500)}`;
    await t.http().post('/api/portfolio/import').set('Content-Type', 'application/json').send(deepObject).expect(400);
    await stillAlive();
  });

  it('accepts nesting up to 64 levels (the shape is then the validator’s business)', async () => {
    const deep = `${'{"a":'.repeat(63)}1${'}'.repeat(63)}`;
    const res = await t.http().post('/api/business-units').set('Content-Type', 'application/json').send(deep);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses 2 MB on a normal route with a 413 naming the limit, and accepts it on the import route', async () => {
    const title = 'x'.repeat(290);
    const nodes = Array.from({ length: 6500 }, (_, i) => ({ key: `BIG-${i}`, kind: 'bau', title }));
    const doc = JSON.stringify({ format: 'throughline/v1', businessUnits: [], nodes, links: [], checkIns: [] });
    expect(doc.length).toBeGreaterThan(2 * 1024 * 1024);
    const refused = await t.http().post('/api/nodes').set('Content-Type', 'application/json').send(doc).expect(413);
    expect(refused.body.message).toMatch(/1 MB/);
    const imported = await t
      .http()
      .post('/api/portfolio/import')
      .set('Content-Type', 'application/json')
      .send(doc)
      .expect(200);
    expect(imported.body.nodes.created).toBe(6500);
  });

  it('answers an import of 590,000 empty links with a 422 of 500 problems at once (the validator stops there)', async () => {
    const doc = `{"format":"throughline/v1","businessUnits":[],"nodes":[],"links":${emptyObjects(1_770_000)},"checkIns":[]}`;
    const res = await t.http().post('/api/portfolio/import').set('Content-Type', 'application/json').send(doc);
    expect(res.status).toBe(422);
    expect(res.body.details).toHaveLength(500);
    expect(res.body.message).toContain('more than 500 problem(s)');
    // (That the validator stops there is shown without a clock in libs/domain's interchange-validation spec.)
  });

  it('refuses a declared Content-Length over the limit at once', async () => {
    const res = await t
      .http()
      .post('/api/nodes')
      .set('Content-Type', 'application/json')
      .send(`{"title":"${'y'.repeat(1024 * 1024 + 10)}"}`)
      .expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a wide flat array (many values in a small body) before parsing it', async () => {
    const res = await t
      .http()
      .post('/api/business-units')
      .set('Content-Type', 'application/json')
      .send(emptyObjects(900 * 1024))
      .expect(413);
    expect(res.body.message).toMatch(/objects and arrays/);
  });

  it('refuses invalid UTF-8 with a 400', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"key":"U-1","name":"caf'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const res = await post('/api/business-units', bytes, { 'Content-Type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'MALFORMED_REQUEST' });
    expect(res.body.message).toMatch(/UTF-8/);
    expect((await t.http().get('/api/business-units')).body.map((u: { key: string }) => u.key)).not.toContain('U-1');
  });

  it('refuses bodies that are not JSON, or in a charset or encoding it does not read, with a 415', async () => {
    const form = await t.http().post('/api/business-units').type('form').send('key=U-2&name=Two').expect(415);
    expect(form.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await t
      .http()
      .post('/api/business-units')
      .set('Content-Type', 'application/json; charset=latin1')
      .send('{"key":"U-2","name":"Two"}')
      .expect(415);
    await t
      .http()
      .post('/api/business-units')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'compress')
      .send('{"key":"U-2","name":"Two"}')
      .expect(415);
  });

  it('refuses a corrupt gzip body with a 400', async () => {
    const res = await post('/api/business-units', Buffer.from('definitely not gzip'), {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_REQUEST');
  });

  it('never parses the body of an unknown route (404 at once) or of a GET', async () => {
    const notFound = await t
      .http()
      .post('/api/no-such-route')
      .set('Content-Type', 'application/json')
      .send('{"this is": not json')
      .expect(404);
    expect(notFound.body.code).toBe('NOT_FOUND');
    const started = Date.now();
    await t
      .http()
      .post('/api/no-such-route')
      .set('Content-Type', 'application/json')
      .send(emptyObjects(8 * 1024 * 1024))
      .expect(404);
    expect(Date.now() - started).toBeLessThan(5000);
    await t.http().get('/api/business-units').set('Content-Type', 'application/json').send('{not json').expect(200);
  });

  it('still reads ordinary JSON bodies, and an empty one as {}', async () => {
    await t.http().post('/api/business-units').send({ key: 'U-OK', name: 'Fine' }).expect(201);
    const empty = await t.http().post('/api/business-units').set('Content-Type', 'application/json').expect(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
    await t.http().post('/api/business-units').set('Content-Type', 'application/json').send('"a string"').expect(400);
  });
});

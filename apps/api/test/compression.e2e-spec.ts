import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import compression from 'compression';
import express from 'express';
import request from 'supertest';
import { createApp } from '../src/app.setup.js';
import { jsonResponseStream } from '../src/platform/http/response-stream.js';
import { startTestApp, type TestApp } from './harness.js';
import { appDatabaseUrl, databaseUrl, withAdmin } from './test-database.js';

/**
 * Answers of 1 kB or more are compressed for a client that accepts it (app.setup.ts): the API's JSON, the streamed
 * export (its back-pressure waits on the compressor) and the built web app's files; small answers and clients that
 * ask for none get plain bytes.
 */
describe('response compression', () => {
  let t: TestApp;
  const NODES = 400;

  beforeAll(async () => {
    t = await startTestApp();
    const nodes = Array.from({ length: NODES }, (_, i) => ({
      key: `PRJ-${i + 1}`,
      kind: 'project',
      title: `Project number ${i + 1}, with a title long enough to be a realistic one`,
    }));
    await t
      .http()
      .post('/api/portfolio/import')
      .send({ format: 'throughline/v1', businessUnits: [], nodes, links: [], checkIns: [] })
      .expect(200);
  });
  afterAll(() => t.close());

  it('gzips a large JSON answer when the client accepts gzip, with the same JSON inside', async () => {
    const zipped = await t.http().get('/api/nodes?limit=200').set('Accept-Encoding', 'gzip').expect(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['vary']).toMatch(/Accept-Encoding/i);
    const plain = await t.http().get('/api/nodes?limit=200').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBeGreaterThan(1024);
    expect(zipped.body).toEqual(plain.body);
  });

  it('leaves answers under 1 kB as they are', async () => {
    const health = await t.anonymous().get('/api/health').set('Accept-Encoding', 'gzip').expect(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('compresses the streamed export whole', async () => {
    const res = await t.http().get('/api/portfolio/export').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect((res.body as { nodes: unknown[] }).nodes).toHaveLength(NODES);
  });
});

describe('compression of the built web app', () => {
  const name = `tl_t_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const dist = mkdtempSync(join(tmpdir(), 'throughline-web-'));
  const script = `export const rows = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `row ${i}`))};\n`;
  let app: NestExpressApplication;

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Throughline</title>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
    // A chunk the build compressed (apps/web/vite.config.ts): its copies say so, to tell them from on-the-fly ones.
    writeFileSync(join(dist, 'assets', 'chart-def456.js'), script);
    writeFileSync(join(dist, 'assets', 'chart-def456.js.br'), brotliCompressSync(`${script}// brotli, at build\n`));
    writeFileSync(join(dist, 'assets', 'chart-def456.js.gz'), gzipSync(`${script}// gzip, at build\n`));
    await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TL_TEMPLATE_DATABASE}`));
    app = await createApp({
      webDist: dist,
      env: {
        DATABASE_URL: databaseUrl(name),
        DATABASE_APP_URL: appDatabaseUrl(name),
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DEMO_SEED: 'false',
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    rmSync(dist, { recursive: true, force: true });
  });

  /** The answer's text (supertest inflates gzip and brotli itself). */
  const asset = (path: string, acceptEncoding: string) =>
    request(app.getHttpServer())
      .get(path)
      .set('Accept-Encoding', acceptEncoding)
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);

  it('serves the app’s scripts gzipped to a browser that accepts it', async () => {
    const res = await asset('/assets/index-abc123.js', 'gzip, deflate');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect((res.body as Buffer).toString('utf8')).toBe(script);
  });

  it('serves the copies the build compressed, brotli first, as the browser accepts them', async () => {
    const br = await asset('/assets/chart-def456.js', 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect((br.body as Buffer).toString('utf8')).toBe(`${script}// brotli, at build\n`);
    const gz = await asset('/assets/chart-def456.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect((gz.body as Buffer).toString('utf8')).toBe(`${script}// gzip, at build\n`);
    const plain = await asset('/assets/chart-def456.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.body as Buffer).toString('utf8')).toBe(script);
  });
});

describe('a streamed answer through the compressor', () => {
  it('waits on the compressor’s drain, with one listener however many times it waits', async () => {
    const chunk = JSON.stringify('x'.repeat(64 * 1024));
    let waits = 0;
    let drainListeners = 0;
    const server = express()
      .use(compression({ threshold: 1024 }))
      // Once the answer is compressed, `res.on('drain')` listens to the compressor, and `res.off` cannot take a
      // listener off it again: each one added stays for as long as the answer streams.
      .use((_req, res, next) => {
        const on = res.on;
        res.on = function (this: typeof res, event: string, listener: (...args: unknown[]) => void) {
          if (event === 'drain') drainListeners++;
          return on.call(this, event, listener);
        } as typeof res.on;
        next();
      })
      .get('/stream', (_req, res) => {
        const stream = jsonResponseStream(res);
        stream.begin();
        void (async () => {
          stream.write('[');
          for (let i = 0; i < 40; i++) {
            if (!stream.write(`${i ? ',' : ''}${chunk}`)) {
              waits++;
              await stream.drained();
            }
          }
          stream.write(']');
          res.end();
        })();
      });
    const res = await request(server).get('/stream').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.body).toHaveLength(40);
    expect(waits).toBeGreaterThan(10);
    expect(drainListeners).toBe(1);
  });
});

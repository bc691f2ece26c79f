import { request as httpRequest } from 'node:http';
import pg from 'pg';
import { startTestApp, type TestApp } from './harness.js';
import { SERVER_URL } from './test-database.js';

/**
 * A document larger than one batch of every section (the export fetches 2,000 rows at a time):
 * 2,400 key results under 100 objectives, 2,400 projects, 4,800 links, 2,400 check-ins.
 */
function largeDocument() {
  const objectives = Array.from({ length: 100 }, (_, i) => ({
    key: `OBJ-${i}`,
    kind: 'objective',
    title: `Objective ${i}`,
  }));
  const keyResults = Array.from({ length: 2400 }, (_, i) => ({
    key: `KR-${i}`,
    kind: 'key_result',
    title: `Key result ${i} “quoted” \\ \u00e9`,
    target: 100 + i,
    baseline: 0,
    tags: i % 3 === 0 ? ['a', 'b'] : [],
  }));
  const projects = Array.from({ length: 2400 }, (_, i) => ({
    key: `PRJ-${i}`,
    kind: 'project',
    title: `Project ${i}`,
  }));
  return {
    format: 'throughline/v1',
    businessUnits: [
      { key: 'U-1', name: 'One', parent: null },
      { key: 'U-2', name: 'Two', parent: 'U-1' },
    ],
    nodes: [...objectives, ...keyResults, ...projects],
    links: [
      ...keyResults.map((kr, i) => ({ from: kr.key, to: `OBJ-${i % 100}`, kind: 'contributes_to', weight: i % 7 })),
      ...projects.map((p, i) => ({
        from: p.key,
        to: `KR-${i}`,
        kind: 'contributes_to',
        rationale: i % 2 ? 'why' : '',
      })),
    ],
    checkIns: keyResults.map((kr, i) => ({ node: kr.key, at: '2026-10-31', value: i, confidence: 0.5 })),
  };
}

/** The raw bytes of an answer as `token`'s member, with the moments its first and last bytes arrived. */
function fetchRaw(url: string, token: string, onFirstBytes?: (text: string) => void) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        onFirstBytes?.(body);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /api/portfolio/export, streamed', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    await t.http().post('/api/portfolio/import').send(largeDocument()).expect(200);
  }, 60_000);
  afterAll(() => t.close());

  it('writes the canonical document across many batches, chunked, and it imports back to the same bytes', async () => {
    const first = await fetchRaw(`${base}/api/portfolio/export`, t.admin.token);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['transfer-encoding']).toBe('chunked');
    const doc = JSON.parse(first.body) as { nodes: unknown[]; links: unknown[]; checkIns: unknown[] };
    expect(first.body).toBe(JSON.stringify(doc)); // compact, as JSON.stringify writes it
    expect([doc.nodes.length, doc.links.length, doc.checkIns.length]).toEqual([4900, 4800, 2400]);

    const other = await startTestApp();
    try {
      await other.http().post('/api/portfolio/import').send(doc).expect(200);
      const again = await other
        .http()
        .get('/api/portfolio/export')
        .buffer(true)
        .parse((res, done) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
          res.on('end', () => done(null, text));
        });
      expect(again.body).toBe(first.body);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('sends what it has read before it has read everything', async () => {
    const url = new URL(SERVER_URL);
    url.pathname = new URL(t.databaseUrl).pathname;
    const operator = new pg.Client({ connectionString: url.toString() });
    await operator.connect();
    try {
      // The check-ins are locked for a moment: the export cannot finish before they are released.
      await operator.query('BEGIN');
      await operator.query('LOCK TABLE key_result_check_ins IN ACCESS EXCLUSIVE MODE');
      let sawLinks = false;
      let releasedAt = 0;
      const answer = fetchRaw(`${base}/api/portfolio/export`, t.admin.token, (text) => {
        if (!sawLinks && text.includes('"links":[')) {
          sawLinks = true;
          releasedAt = Date.now();
          void operator.query('ROLLBACK');
        }
      });
      const res = await answer;
      expect(sawLinks).toBe(true);
      expect(releasedAt).toBeGreaterThan(0);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).checkIns).toHaveLength(2400);
    } finally {
      await operator.query('ROLLBACK').catch(() => {});
      await operator.end();
    }
  }, 30_000);

  it('hands its connection and its slot back when the client goes away mid-document', async () => {
    for (let i = 0; i < 15; i++) {
      await new Promise<void>((resolve) => {
        const req = httpRequest(`${base}/api/portfolio/export`, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', () => resolve());
        req.end();
      });
    }
    // 15 abandoned exports, a pool of 10 and a lane of 3: nothing may be left holding either.
    const started = Date.now();
    const res = await fetchRaw(`${base}/api/portfolio/export`, t.admin.token);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    await t.http().get('/api/health').expect(200);
  }, 60_000);
});

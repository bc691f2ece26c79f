import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

describe('GET /api/nodes pagination', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const p = portfolio(t);
    for (let i = 10; i < 40; i++)
      await p.node('project', `PRJ-${i}`, { title: `Project ${String.fromCharCode(65 + (i % 26))}${i}` });
  });
  afterAll(() => t.close());

  async function walk(sort: string, limit: number, between: (page: number) => Promise<void>) {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const query: string = `/api/nodes?kind=project&sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.http().get(query).expect(200);
      seen.push(...res.body.items.map((n: { key: string }) => n.key));
      cursor = res.body.nextCursor;
      if (!cursor) return seen;
      await between(page);
    }
    throw new Error('pagination did not end');
  }

  it.each(['key', '-key', 'title', '-title', 'updatedAt', '-updatedAt'])(
    'never skips or repeats a node while others are inserted between pages (sort=%s)',
    async (sort) => {
      const before: string[] = (await t.http().get('/api/nodes?kind=project&limit=200').expect(200)).body.items.map(
        (n: { key: string }) => n.key,
      );
      let inserted = 0;
      const seen = await walk(sort, 7, async () => {
        // New nodes on both sides of the cursor: "A…" sorts first, "Z…" last.
        await portfolio(t).node('project', `PRJ-${sort.replace('-', 'D')}-A${inserted}`, {
          title: `A inserted ${inserted}`,
        });
        await portfolio(t).node('project', `PRJ-${sort.replace('-', 'D')}-Z${inserted}`, {
          title: `Z inserted ${inserted}`,
        });
        inserted++;
      });
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(before));
      expect(inserted).toBeGreaterThan(3);
    },
  );

  it('pages through exactly the order of one big page', async () => {
    const whole = (await t.http().get('/api/nodes?kind=project&sort=title&limit=200').expect(200)).body.items;
    const seen = await walk('title', 4, async () => undefined);
    expect(seen).toEqual(whole.map((n: { key: string }) => n.key));
  });

  it('refuses a cursor given out for another sort', async () => {
    const first = (await t.http().get('/api/nodes?sort=key&limit=2').expect(200)).body;
    const res = await t.http().get(`/api/nodes?sort=updatedAt&cursor=${first.nextCursor}`).expect(400);
    expect(res.body.details).toEqual([{ field: 'cursor', problems: ['is not a cursor from a previous page'] }]);
  });
});

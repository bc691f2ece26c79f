import type { InterchangeDocument } from '@throughline/domain';
import { INTERCHANGE_EXAMPLE } from '../src/portfolio-io/interchange.example.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * A large import refreshes the planner's statistics of the graph tables before it commits, so
 * the reads that follow are not planned for empty tables (docs/reliability.md). The API's request
 * role does not own the tables and may not ANALYZE them itself: it goes through the definer
 * function `refresh_graph_statistics()`. `last_analyze` is set only by an explicit ANALYZE
 * (autovacuum sets `last_autoanalyze`), so it shows the import did it.
 */
describe('a large import refreshes the planner statistics', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const statistics = () =>
    t.dataSource.query<{ relname: string; analysed: boolean; tuples: number }[]>(
      `SELECT s.relname, s.last_analyze IS NOT NULL AS analysed, c.reltuples::int AS tuples
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
        WHERE s.relname IN ('nodes', 'links', 'key_result_check_ins') ORDER BY s.relname`,
    );

  it('a small import leaves them alone; one of 1,000 projects and their links refreshes them', async () => {
    await t.http().post('/api/portfolio/import').send(INTERCHANGE_EXAMPLE).expect(200);
    expect((await statistics()).every((s) => !s.analysed)).toBe(true);

    const doc: InterchangeDocument = structuredClone(INTERCHANGE_EXAMPLE);
    const template = doc.nodes.find((n) => n.kind === 'project')!;
    for (let i = 0; i < 1_000; i++) {
      doc.nodes.push({ ...template, key: `PRJ-B${i}`, title: `Bulk project ${i}` });
      doc.links.push({ from: `PRJ-B${i}`, to: 'KR-3.1', kind: 'contributes_to' });
    }
    const res = await t.http().post('/api/portfolio/import').send(doc).expect(200);
    expect(res.body.nodes.created).toBe(1_000);

    const after = await statistics();
    expect(after.map((s) => s.relname)).toEqual(['key_result_check_ins', 'links', 'nodes']);
    expect(after.every((s) => s.analysed)).toBe(true);
    expect(after.find((s) => s.relname === 'nodes')!.tuples).toBeGreaterThanOrEqual(1_000);
    expect(after.find((s) => s.relname === 'links')!.tuples).toBeGreaterThanOrEqual(1_000);
  });
});

import type { GraphView, TraceView } from '@throughline/domain';
import { DemoSeeder } from '../src/portfolio-io/demo/demo-seeder.service.js';
import { nodeOrder } from '../src/views/views.sql.js';
import { startTestApp, type TestApp } from './harness.js';

/** Trace and views on the demo organisation (docs/demo-portfolio.md); expected keys checked by hand against its links. */
describe('graph', () => {
  let t: TestApp;
  let ids: Map<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoSeeder).seed('2026-11-25');
    const rows: { id: string; key: string }[] = await t.dataSource.query('SELECT id, key FROM nodes');
    ids = new Map(rows.map((r) => [r.key, r.id]));
  });
  afterAll(() => t.close());

  const keysOf = (view: { nodes: { key: string }[] }) => view.nodes.map((n) => n.key).sort();
  const keyById = () => new Map([...ids].map(([key, id]) => [id, key]));
  const linkKeys = (view: { links: { from: string; to: string; kind: string }[] }) => {
    const byId = keyById();
    return view.links.map((l) => `${byId.get(l.from)} ${l.kind} ${byId.get(l.to)}`).sort();
  };
  const trace = async (key: string, query = '') =>
    (
      await t
        .http()
        .get(`/api/graph/trace/${ids.get(key)}?${query}`)
        .expect(200)
        .expect('Content-Type', /json/)
    ).body as TraceView;

  describe('GET /api/graph/trace/:id', () => {
    it('traces an objective down to its delivery (a cascading objective, its key results, their work and the asset they build)', async () => {
      const view = await trace('OBJ-8', 'direction=down');
      expect(view).toMatchObject({ rootId: ids.get('OBJ-8'), direction: 'down' });
      expect(keysOf(view)).toEqual(['AST-2', 'BAU-1', 'KR-8.1', 'KR-8.2', 'OBJ-8', 'PRJ-4', 'PRJ-5', 'PRJ-6', 'PRJ-7']);
    });

    it('returns only the chain links among the traced nodes, never depends_on', async () => {
      const view = await trace('OBJ-8', 'direction=down');
      const links = linkKeys(view);
      expect(links).toContain('KR-8.1 contributes_to OBJ-8');
      expect(links).toContain('PRJ-5 contributes_to KR-8.1');
      expect(links.some((l) => l.includes('depends_on'))).toBe(false);
      // PRJ-5 is part_of PRG-1, but PRG-1 serves OBJ-1 and OBJ-5, not OBJ-8: outside the trace.
      expect(links.some((l) => l.includes('PRG-1'))).toBe(false);
    });

    it('traces a project up through its programme and key results to its themes', async () => {
      const view = await trace('PRJ-5', 'direction=up');
      expect(keysOf(view)).toEqual(['KR-8.1', 'KR-8.2', 'OBJ-1', 'OBJ-5', 'OBJ-8', 'PRG-1', 'PRJ-5', 'THM-1', 'THM-3']);
    });

    it('traces up from an asset built by a programme', async () => {
      expect(keysOf(await trace('AST-5', 'direction=up'))).toEqual(['AST-5', 'KR-4.1', 'KR-4.2', 'OBJ-4', 'THM-3']);
    });

    it('traces both ways at once', async () => {
      expect(keysOf(await trace('KR-5.2', 'direction=both'))).toEqual(['BAU-3', 'KR-5.2', 'OBJ-5', 'PRJ-9', 'THM-3']);
    });

    it('follows approved links only, unless asked to include proposals', async () => {
      expect(keysOf(await trace('PRJ-30', 'direction=up'))).toEqual(['PRJ-30']);
      const withProposals = await trace('PRJ-30', 'direction=up&includeProposed=true');
      expect(keysOf(withProposals)).toEqual(['KR-2.2', 'OBJ-2', 'PRJ-30', 'THM-2']);
      expect(withProposals.links.find((l) => l.from === ids.get('PRJ-30'))).toMatchObject({
        state: 'proposed',
        weight: 20,
      });
    });

    it('defaults to down and answers 404 / 400 for unknown and malformed input', async () => {
      expect(keysOf(await trace('OBJ-10'))).toEqual(['AST-10', 'KR-10.1', 'OBJ-10']);
      await t.http().get('/api/graph/trace/00000000-0000-4000-8000-000000000000').expect(404);
      const bad = await t
        .http()
        .get(`/api/graph/trace/${ids.get('OBJ-1')}?direction=sideways&includeProposed=maybe`)
        .expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['direction', 'includeProposed']);
    });
  });

  describe('GET /api/graph', () => {
    it('shows strategy only by default, with the work below each node collapsed into counts', async () => {
      const view = (await t.http().get('/api/graph').expect(200)).body as GraphView;
      expect(view.scope).toBe('strategy');
      expect(view.nodes).toHaveLength(4 + 10 + 25);
      expect(new Set(view.nodes.map((n) => n.kind))).toEqual(new Set(['theme', 'objective', 'key_result']));
      const kr52 = view.nodes.find((n) => n.key === 'KR-5.2')!;
      expect(kr52.collapsed).toEqual({ project: 1, bau: 1 });
      expect(view.nodes.find((n) => n.key === 'THM-1')!.collapsed).toEqual({});
      expect(linkKeys(view)).toContain('KR-5.2 contributes_to OBJ-5');
    });

    it('shows an objective chain both ways, with the depends_on links among its nodes', async () => {
      const view = (
        await t
          .http()
          .get(`/api/graph?scope=chain&rootId=${ids.get('OBJ-8')}`)
          .expect(200)
      ).body as GraphView;
      expect(view).toMatchObject({ scope: 'chain', rootId: ids.get('OBJ-8'), truncated: false });
      expect(keysOf(view)).toEqual([
        'AST-2',
        'BAU-1',
        'KR-8.1',
        'KR-8.2',
        'OBJ-1',
        'OBJ-8',
        'PRJ-4',
        'PRJ-5',
        'PRJ-6',
        'PRJ-7',
        'THM-1',
      ]);
      expect(linkKeys(view)).toEqual(expect.arrayContaining(['PRJ-5 depends_on PRJ-4', 'PRJ-5 depends_on PRJ-6']));
    });

    it('shows a business unit’s work and everything it serves', async () => {
      const units: { id: string; key: string }[] = (await t.http().get('/api/business-units')).body;
      const fin = units.find((u) => u.key === 'FIN')!;
      const view = (await t.http().get(`/api/graph?scope=business_unit&businessUnitId=${fin.id}`).expect(200))
        .body as GraphView;
      // FIN's own nodes (PRJ-29, BAU-12..14, KR-7.1, KR-7.3) and what they serve: PRJ-29 is part of PRG-4,
      // which delivers the data platform AST-4; everything leads up to THM-4.
      expect(keysOf(view)).toEqual([
        'AST-4',
        'BAU-12',
        'BAU-13',
        'BAU-14',
        'KR-6.1',
        'KR-6.3',
        'KR-7.1',
        'KR-7.3',
        'OBJ-6',
        'OBJ-7',
        'PRG-4',
        'PRJ-29',
        'THM-4',
      ]);
    });

    it('cuts a view at its limit and says so', async () => {
      const view = (await t.http().get('/api/graph?scope=all&limit=20').expect(200)).body as GraphView;
      expect(view).toMatchObject({ scope: 'all', truncated: true });
      expect(view.nodes).toHaveLength(20);
      expect(view.nodes.slice(0, 4).map((n) => n.kind)).toEqual(['theme', 'theme', 'theme', 'theme']);
      const shown = new Set(view.nodes.map((n) => n.id));
      expect(view.links.every((l) => shown.has(l.from) && shown.has(l.to))).toBe(true);
      const whole = (await t.http().get('/api/graph?scope=all').expect(200)).body as GraphView;
      expect(whole).toMatchObject({ truncated: false });
      expect(whole.nodes).toHaveLength(98);
      expect(whole.links).toHaveLength(186);
    });

    it('reads the first nodes of an organisation along the layout order’s own index, not by sorting them all', async () => {
      // nodes_layout_order_idx (migration MapViewOrder) must index exactly nodeOrder(); if either changes alone,
      // PostgreSQL sorts every node of the organisation again (100 ms at 60,000 nodes).
      const [{ org_id: orgId }] = (await t.dataSource.query('SELECT org_id FROM nodes LIMIT 1')) as {
        org_id: string;
      }[];
      const runner = t.dataSource.createQueryRunner();
      try {
        await runner.query('SET enable_seqscan = off'); // a tiny table: make the planner show what it can use
        const plan = (
          (await runner.query(`EXPLAIN SELECT n.id FROM nodes n WHERE n.org_id = $1 ORDER BY ${nodeOrder()} LIMIT 3`, [
            orgId,
          ])) as { 'QUERY PLAN': string }[]
        )
          .map((r) => r['QUERY PLAN'])
          .join('\n');
        expect(plan).toContain('nodes_layout_order_idx');
        expect(plan).not.toMatch(/Sort/);
      } finally {
        await runner.release();
      }
    });

    it('picks the whole organisation when it fits, strategy otherwise (scope=auto)', async () => {
      const fits = (await t.http().get('/api/graph?scope=auto').expect(200)).body as GraphView;
      expect(fits).toMatchObject({ scope: 'all', truncated: false });
      expect(fits.nodes).toHaveLength(98);
      const tooBig = (await t.http().get('/api/graph?scope=auto&limit=97').expect(200)).body as GraphView;
      expect(tooBig.scope).toBe('strategy');
      expect(tooBig.nodes).toHaveLength(39);
    });

    it.each([
      ['scope=chain', 'rootId'],
      ['scope=business_unit', 'businessUnitId'],
      ['scope=everything', 'scope'],
      ['scope=all&limit=5001', 'limit'],
    ])('refuses %s naming %s', async (query, field) => {
      const res = await t.http().get(`/api/graph?${query}`).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    });

    it('answers 404 for a root outside the organisation', async () => {
      await t.http().get('/api/graph?scope=chain&rootId=00000000-0000-4000-8000-000000000000').expect(404);
      await t
        .http()
        .get('/api/graph?scope=business_unit&businessUnitId=00000000-0000-4000-8000-000000000000')
        .expect(404);
    });
  });
});

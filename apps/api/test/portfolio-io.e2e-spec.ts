import type { InterchangeDocument } from '@throughline/domain';
import { demoPortfolio } from '../src/portfolio-io/demo/demo-portfolio.js';
import { INTERCHANGE_EXAMPLE } from '../src/portfolio-io/interchange.example.js';
import { startTestApp, type TestApp } from './harness.js';

/** docs/domain.md's example, with a parent unit, tags, a rationale and a note so every field round-trips. */
const small = (): InterchangeDocument => {
  const doc: InterchangeDocument = structuredClone(INTERCHANGE_EXAMPLE);
  doc.businessUnits = [
    { key: 'GRP', name: 'Group', parent: null },
    { ...doc.businessUnits[0], parent: 'GRP' },
  ];
  doc.nodes[2].tags = ['regulated'];
  doc.links[1].rationale = 'Installs meters';
  doc.checkIns[0].note = 'On plan';
  return doc;
};

describe('portfolio import and export', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp()));
  afterEach(() => t.close());

  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM business_units)::int AS units, (SELECT count(*) FROM nodes)::int AS nodes,
                (SELECT count(*) FROM links)::int AS links, (SELECT count(*) FROM key_result_check_ins)::int AS check_ins,
                (SELECT count(*) FROM change_log)::int AS changes`,
      )
    )[0];

  it('imports a document, and a second import of it changes nothing', async () => {
    const first = await t.http().post('/api/portfolio/import').send(small()).expect(200);
    expect(first.body).toEqual({
      businessUnits: { created: 2, updated: 0, unchanged: 0 },
      nodes: { created: 3, updated: 0, unchanged: 0 },
      links: { created: 2, updated: 0, unchanged: 0 },
      checkIns: { created: 1, updated: 0, unchanged: 0 },
    });
    const after = await counts();
    expect(after).toEqual({ units: 2, nodes: 3, links: 2, check_ins: 1, changes: 8 });
    const second = await t.http().post('/api/portfolio/import').send(small()).expect(200);
    expect(second.body).toEqual({
      businessUnits: { created: 0, updated: 0, unchanged: 2 },
      nodes: { created: 0, updated: 0, unchanged: 3 },
      links: { created: 0, updated: 0, unchanged: 2 },
      checkIns: { created: 0, updated: 0, unchanged: 1 },
    });
    expect(await counts()).toEqual(after);
  });

  it('updates what changed by key, and logs the change', async () => {
    await t.http().post('/api/portfolio/import').send(small()).expect(200);
    const doc = small();
    doc.nodes[2].budget = 45000000;
    doc.links[1].weight = 60;
    const res = await t.http().post('/api/portfolio/import').send(doc).expect(200);
    expect(res.body.nodes).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(res.body.links).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const project = (await t.http().get('/api/nodes?q=PRJ-7')).body.items[0];
    expect(project).toMatchObject({ budget: 45000000, version: 2 });
    const history = (await t.http().get(`/api/nodes/${project.id}/history`)).body;
    expect(history.map((e: { action: string; entityType: string }) => `${e.action} ${e.entityType}`)).toEqual([
      'update link',
      'update node',
      'create link',
      'create node',
    ]);
    expect(history[1].before).toMatchObject({ budget: 42000000 });
    expect(history[1].after).toMatchObject({ budget: 45000000 });
  });

  it('exports → imports into an empty organisation → exports the same document', async () => {
    const today = '2026-11-25';
    await t.http().post('/api/portfolio/import').send(demoPortfolio(today)).expect(200);
    const exported = (await t.http().get('/api/portfolio/export').expect(200)).body;
    expect(exported.nodes).toHaveLength(demoPortfolio(today).nodes.length);
    const fresh = await startTestApp();
    try {
      await fresh.http().post('/api/portfolio/import').send(exported).expect(200);
      const again = (await fresh.http().get('/api/portfolio/export').expect(200)).body;
      expect(again).toEqual(exported);
      expect(JSON.stringify(again)).toBe(JSON.stringify(exported));
    } finally {
      await fresh.close();
    }
  });

  it('exports the canonical form of docs/domain.md', async () => {
    await t.http().post('/api/portfolio/import').send(small()).expect(200);
    const exported = (await t.http().get('/api/portfolio/export').expect(200)).body;
    expect(exported).toEqual({
      format: 'throughline/v1',
      businessUnits: [
        { key: 'GRP', name: 'Group', parent: null },
        { key: 'NET', name: 'Networks', parent: 'GRP' },
      ],
      nodes: [
        {
          key: 'OBJ-3',
          kind: 'objective',
          title: 'Make every home smart-ready',
          owner: 'Chief Customer Officer',
          status: 'active',
          health: 'amber',
          priority: 1,
          targetDate: '2028-03-31',
        },
        {
          key: 'KR-3.1',
          kind: 'key_result',
          title: 'Customers with a smart meter',
          owner: 'Head of Metering',
          status: 'active',
          health: 'unknown',
          unit: '%',
          baseline: 38,
          target: 80,
          current: 51,
          direction: 'increase',
          confidence: 0.6,
        },
        {
          key: 'PRJ-7',
          kind: 'project',
          title: 'Smart meter roll-out, wave 2',
          businessUnit: 'NET',
          owner: 'Programme Director',
          status: 'active',
          health: 'red',
          startDate: '2026-04-01',
          endDate: '2027-09-30',
          tags: ['regulated'],
          budget: 42000000,
        },
      ],
      links: [
        { from: 'KR-3.1', to: 'OBJ-3', kind: 'contributes_to', state: 'approved' },
        {
          from: 'PRJ-7',
          to: 'KR-3.1',
          kind: 'contributes_to',
          weight: 40,
          rationale: 'Installs meters',
          state: 'approved',
        },
      ],
      checkIns: [{ node: 'KR-3.1', at: '2026-10-31', value: 51, confidence: 0.6, note: 'On plan' }],
      // Issue 13's sections, always written (empty here); interchange-governance.e2e-spec.ts fills them.
      okrCycles: [],
      waivers: [],
      raid: [],
    });
  });

  it('imports exact repeats of a check-in reading, a link, a unit and a node once (never a 500)', async () => {
    const doc = small();
    // Two exports pasted together, in part: the same entries again, some with defaults written out.
    doc.checkIns.push({ ...doc.checkIns[0] }, { ...doc.checkIns[0] });
    doc.links.push({ ...doc.links[1] }, { from: 'KR-3.1', to: 'OBJ-3', kind: 'contributes_to', state: 'approved' });
    doc.businessUnits.push({ ...doc.businessUnits[0] });
    doc.nodes.push({ ...doc.nodes[2], tags: [...doc.nodes[2].tags!] });
    const res = await t.http().post('/api/portfolio/import').send(doc).expect(200);
    expect(res.body).toEqual({
      businessUnits: { created: 2, updated: 0, unchanged: 1 },
      nodes: { created: 3, updated: 0, unchanged: 1 },
      links: { created: 2, updated: 0, unchanged: 2 },
      checkIns: { created: 1, updated: 0, unchanged: 2 },
    });
    // Written once, logged once: as if each entry had appeared once.
    expect(await counts()).toEqual({ units: 2, nodes: 3, links: 2, check_ins: 1, changes: 8 });
    const again = await t.http().post('/api/portfolio/import').send(doc).expect(200);
    expect(again.body.checkIns).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await counts()).toEqual({ units: 2, nodes: 3, links: 2, check_ins: 1, changes: 8 });
  });

  describe('refuses a bad document with every error at its JSON path, and writes nothing', () => {
    it.each<[string, (doc: InterchangeDocument) => void, { path: string; message: string; alsoAt?: string }[]]>([
      [
        'a bad kind',
        (d) => ((d.nodes[2] as { kind: string }).kind = 'castle'),
        [{ path: '$.nodes[2].kind', message: expect.stringContaining('must be one of') }],
      ],
      [
        'an unknown link key',
        (d) => (d.links[1].to = 'KR-9'),
        [{ path: '$.links[1].to', message: 'no node with key "KR-9" in the document or the organisation' }],
      ],
      [
        'a key used twice with different fields, naming both places',
        (d) => d.nodes.push({ ...d.nodes[0], title: 'Another objective' }),
        [
          {
            path: '$.nodes[4].key',
            message:
              'node "OBJ-3" is also at $.nodes[0], with a different title; keep one (an entry may appear twice only if both are identical)',
            alsoAt: '$.nodes[0]',
          },
        ],
      ],
      [
        'a check-in reading repeated with another confidence, naming both places',
        (d) => d.checkIns.push({ ...d.checkIns[0], confidence: 0.9 }),
        [
          {
            path: '$.checkIns[1]',
            message:
              'the reading 51 of KR-3.1 on 2026-10-31 is also at $.checkIns[0], with a different confidence; keep one (an entry may appear twice only if both are identical)',
            alsoAt: '$.checkIns[0]',
          },
        ],
      ],
      [
        'a link repeated with another state, naming both places',
        (d) => d.links.push({ ...d.links[1], state: 'proposed' }),
        [
          {
            path: '$.links[2]',
            message:
              'the link PRJ-7 contributes_to KR-3.1 is also at $.links[1], with a different state; keep one (an entry may appear twice only if both are identical)',
            alsoAt: '$.links[1]',
          },
        ],
      ],
      [
        'a business unit repeated with another parent, naming both places',
        (d) => d.businessUnits.push({ ...d.businessUnits[1], parent: null }),
        [
          {
            path: '$.businessUnits[2].key',
            message:
              'business unit "NET" is also at $.businessUnits[1], with a different parent; keep one (an entry may appear twice only if both are identical)',
            alsoAt: '$.businessUnits[1]',
          },
        ],
      ],
    ])('%s', async (_name, mutate, errors) => {
      await t.http().post('/api/portfolio/import').send(small()).expect(200);
      const before = await counts();
      const doc = small();
      doc.nodes[2].title = 'Renamed in the bad document';
      doc.nodes.push({ key: 'BAU-NEW', kind: 'bau', title: 'Would be new' });
      mutate(doc);
      const res = await t.http().post('/api/portfolio/import').send(doc).expect(422);
      expect(res.body.code).toBe('IMPORT_INVALID');
      expect(res.body.details).toEqual(errors);
      expect(await counts()).toEqual(before);
      expect((await t.http().get('/api/nodes?q=PRJ-7')).body.items[0].title).toBe('Smart meter roll-out, wave 2');
    });

    it('a cycle through links already stored', async () => {
      await t.http().post('/api/portfolio/import').send(small()).expect(200);
      const doc: InterchangeDocument = {
        format: 'throughline/v1',
        businessUnits: [],
        nodes: [{ key: 'OBJ-4', kind: 'objective', title: 'Parent' }],
        links: [
          { from: 'OBJ-3', to: 'OBJ-4', kind: 'contributes_to' },
          { from: 'OBJ-4', to: 'OBJ-3', kind: 'contributes_to' },
        ],
        checkIns: [],
      };
      const res = await t.http().post('/api/portfolio/import').send(doc).expect(422);
      expect(res.body.details).toHaveLength(1);
      expect(res.body.details[0].message).toContain('closes a cycle');
      await t.http().get('/api/nodes?q=OBJ-4').expect(200, { items: [], nextCursor: null });
    });

    it('not JSON at all', async () => {
      const res = await t
        .http()
        .post('/api/portfolio/import')
        .set('Content-Type', 'application/json')
        .send('{"format": ')
        .expect(400);
      expect(res.body.code).toBe('MALFORMED_REQUEST');
    });
  });
});

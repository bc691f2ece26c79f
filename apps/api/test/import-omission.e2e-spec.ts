import { startTestApp, type TestApp } from './harness.js';

/**
 * Import semantics of docs/domain.md ("Interchange", "Import"): upsert by key; for something
 * stored, an omitted field keeps its value and an explicit null clears it; something new takes
 * the defaults; money with more than two decimals is refused (never rounded), as REST refuses it.
 */
describe('import: omitted keeps, null clears, new takes the defaults', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const doc = (parts: { businessUnits?: unknown[]; nodes?: unknown[]; links?: unknown[]; checkIns?: unknown[] }) => ({
    format: 'throughline/v1',
    businessUnits: [],
    nodes: [],
    links: [],
    checkIns: [],
    ...parts,
  });
  const importDoc = (body: object, status = 200) => t.http().post('/api/portfolio/import').send(body).expect(status);
  const node = async (key: string) => {
    const rows = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM nodes WHERE key = $1`, [key]);
    return (await t.http().get(`/api/nodes/${rows[0].id}`).expect(200)).body as Record<string, unknown>;
  };

  it('re-importing a partial node keeps owner, budget and tags; an explicit null clears', async () => {
    await importDoc(
      doc({
        nodes: [
          {
            key: 'PRJ-OM1',
            kind: 'project',
            title: 'Roll-out',
            owner: 'Programme Director',
            budget: 1200.5,
            tags: ['regulated'],
            stage: 'build',
            health: 'red',
          },
        ],
      }),
    );
    const partial = await importDoc(doc({ nodes: [{ key: 'PRJ-OM1', kind: 'project', title: 'Roll-out, wave 2' }] }));
    expect(partial.body.nodes).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await node('PRJ-OM1')).toMatchObject({
      title: 'Roll-out, wave 2',
      owner: 'Programme Director',
      budget: 1200.5,
      tags: ['regulated'],
      stage: 'build',
      health: 'red',
      status: 'active',
    });
    await importDoc(
      doc({
        nodes: [{ key: 'PRJ-OM1', kind: 'project', title: 'Roll-out, wave 2', owner: null, budget: null, tags: [] }],
      }),
    );
    expect(await node('PRJ-OM1')).toMatchObject({ owner: null, budget: null, tags: [], stage: 'build', health: 'red' });
    // The same partial entry again changes nothing.
    const again = await importDoc(doc({ nodes: [{ key: 'PRJ-OM1', kind: 'project', title: 'Roll-out, wave 2' }] }));
    expect(again.body.nodes).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('a new node takes the defaults for what it omits; a stored key result may omit its target', async () => {
    await importDoc(doc({ nodes: [{ key: 'KR-OM1', kind: 'key_result', title: 'Meters', target: 80, unit: '%' }] }));
    expect(await node('KR-OM1')).toMatchObject({
      description: '',
      status: 'active',
      health: 'unknown',
      tags: [],
      direction: 'increase',
      owner: null,
      baseline: null,
      target: 80,
      unit: '%',
    });
    await importDoc(doc({ nodes: [{ key: 'KR-OM1', kind: 'key_result', title: 'Meters', direction: 'decrease' }] }));
    expect(await node('KR-OM1')).toMatchObject({ target: 80, unit: '%', direction: 'decrease' });
    const cleared = await importDoc(
      doc({ nodes: [{ key: 'KR-OM1', kind: 'key_result', title: 'M', target: null }] }),
      422,
    );
    expect(cleared.body.details).toEqual([{ path: '$.nodes[0].target', message: 'a key result needs a target' }]);
    const nullDirection = await importDoc(
      doc({ nodes: [{ key: 'KR-OM2', kind: 'key_result', title: 'M', target: 1, direction: null }] }),
      422,
    );
    expect(nullDirection.body.details[0]).toEqual({
      path: '$.nodes[0].direction',
      message: 'must be one of increase, decrease',
    });
  });

  it('links, units and check-ins keep what a re-import omits', async () => {
    await importDoc(
      doc({
        businessUnits: [
          { key: 'GRP-OM', name: 'Group', parent: null },
          { key: 'NET-OM', name: 'Networks', parent: 'GRP-OM' },
        ],
        nodes: [
          { key: 'KR-OM3', kind: 'key_result', title: 'Meters', target: 80 },
          { key: 'PRJ-OM3', kind: 'project', title: 'Roll-out', businessUnit: 'NET-OM' },
        ],
        links: [
          {
            from: 'PRJ-OM3',
            to: 'KR-OM3',
            kind: 'contributes_to',
            weight: 40,
            rationale: 'Installs',
            state: 'proposed',
          },
        ],
        checkIns: [{ node: 'KR-OM3', at: '2026-10-31', value: 51, confidence: 0.6, note: 'On plan' }],
      }),
    );
    const res = await importDoc(
      doc({
        businessUnits: [{ key: 'NET-OM', name: 'Networks & Metering' }],
        links: [{ from: 'PRJ-OM3', to: 'KR-OM3', kind: 'contributes_to' }],
        checkIns: [{ node: 'KR-OM3', at: '2026-10-31', value: 51 }],
      }),
    );
    expect(res.body).toMatchObject({
      businessUnits: { updated: 1 },
      links: { created: 0, updated: 0, unchanged: 1 },
      checkIns: { created: 0, updated: 0, unchanged: 1 },
    });
    const [unit] = await t.dataSource.query<{ name: string; parent: string }[]>(
      `SELECT u.name, p.key AS parent FROM business_units u JOIN business_units p ON p.id = u.parent_id WHERE u.key = 'NET-OM'`,
    );
    expect(unit).toEqual({ name: 'Networks & Metering', parent: 'GRP-OM' });
    const [link] = await t.dataSource.query<Record<string, unknown>[]>(
      `SELECT weight::float AS weight, rationale, state FROM links`,
    );
    expect(link).toEqual({ weight: 40, rationale: 'Installs', state: 'proposed' });
    const [checkIn] = await t.dataSource.query<Record<string, unknown>[]>(
      `SELECT confidence::float AS confidence, note FROM key_result_check_ins`,
    );
    expect(checkIn).toEqual({ confidence: 0.6, note: 'On plan' });
    // Explicit nulls and values do change them; a new link omitting state follows the default.
    await importDoc(
      doc({
        businessUnits: [{ key: 'NET-OM', name: 'Networks & Metering', parent: null }],
        links: [
          { from: 'PRJ-OM3', to: 'KR-OM3', kind: 'contributes_to', weight: null, rationale: '' },
          { from: 'KR-OM1', to: 'KR-OM3', kind: 'depends_on' },
        ],
        checkIns: [{ node: 'KR-OM3', at: '2026-10-31', value: 51, confidence: null }],
      }),
      422, // KR → KR depends_on is outside the matrix: nothing is written
    );
    await importDoc(
      doc({
        businessUnits: [{ key: 'NET-OM', name: 'Networks & Metering', parent: null }],
        nodes: [{ key: 'BAU-OM3', kind: 'bau', title: 'Installs' }],
        links: [
          { from: 'PRJ-OM3', to: 'KR-OM3', kind: 'contributes_to', weight: null, rationale: '' },
          { from: 'BAU-OM3', to: 'KR-OM3', kind: 'contributes_to' },
        ],
        checkIns: [{ node: 'KR-OM3', at: '2026-10-31', value: 51, confidence: null }],
      }),
    );
    expect(
      await t.dataSource.query(
        `SELECT f.key, l.weight, l.rationale, l.state FROM links l JOIN nodes f ON f.id = l.from_id ORDER BY f.key`,
      ),
    ).toEqual([
      { key: 'BAU-OM3', weight: null, rationale: '', state: 'approved' },
      { key: 'PRJ-OM3', weight: null, rationale: '', state: 'proposed' },
    ]);
    expect(await t.dataSource.query(`SELECT parent_id FROM business_units WHERE key = 'NET-OM'`)).toEqual([
      { parent_id: null },
    ]);
    expect(await t.dataSource.query(`SELECT confidence, note FROM key_result_check_ins`)).toEqual([
      { confidence: null, note: 'On plan' },
    ]);
  });

  it('money with more than two decimals is refused by REST and import alike, never rounded', async () => {
    const rest = await t
      .http()
      .post('/api/nodes')
      .send({ kind: 'project', key: 'PRJ-OM5', title: 'Cents', budget: 1.005 })
      .expect(400);
    expect(rest.body.message).toBe('budget must be a number from 0 to 1000000000000000 with at most 2 decimals');
    const imported = await importDoc(
      doc({ nodes: [{ key: 'PRJ-OM6', kind: 'project', title: 'Cents', budget: 1.005 }] }),
      422,
    );
    expect(imported.body.details).toEqual([
      { path: '$.nodes[0].budget', message: 'must be a number from 0 to 1000000000000000 with at most 2 decimals' },
    ]);
    expect(await t.dataSource.query(`SELECT key FROM nodes WHERE key IN ('PRJ-OM5', 'PRJ-OM6')`)).toEqual([]);
  });
});

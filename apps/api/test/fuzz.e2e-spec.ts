import { ALL_KIND_FIELDS, EDITABLE_NODE_FIELDS } from '@throughline/domain';
import fc from 'fast-check';
import { portfolio } from './factories.js';
import { startTestApp, type TestApp } from './harness.js';

/**
 * No body a client can send gets a 500. For each write endpoint, fast-check throws random JSON
 * at it — wholly random values, and objects built from the endpoint's own field names with
 * random values (which get past the first checks and into the services) — and asserts only
 * that every answer is a 2xx or a 4xx with the error body.
 */
const RUNS = 200;

const NODE_FIELDS = ['kind', ...EDITABLE_NODE_FIELDS, ...ALL_KIND_FIELDS];

/** Values that are often almost right: the domain's own words, dates, ids, edge numbers. */
const plausible = (ids: () => string[]) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'theme',
        'objective',
        'key_result',
        'project',
        'bau',
        'asset',
        'programme',
        'contributes_to',
        'part_of',
        'delivers',
        'depends_on',
        'active',
        'done',
        'red',
        'green',
        'increase',
        'run',
        'approved',
        'proposed',
        'throughline/v1',
        '2026-02-30',
        '2026-10-31',
        '2027-01-01',
        'OBJ-1',
        'PRJ-FUZZ',
        'KR-FUZZ',
        'FUZZ',
        '',
        ' ',
        '\u0000',
        'x'.repeat(400),
        '00000000-0000-4000-8000-000000000000',
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        0,
        -1,
        1,
        2,
        3,
        0.5,
        100,
        101,
        1e20,
        -1e20,
        1.234567891,
        Number.MAX_SAFE_INTEGER,
        2 ** 31,
      ),
    },
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.nat().map((i) => ids()[i % ids().length]) },
    { weight: 1, arbitrary: fc.array(fc.string(), { maxLength: 3 }) },
    { weight: 2, arbitrary: fc.jsonValue() },
  );

/** Random JSON, or an object of the endpoint's own fields (so it passes the whitelist and reaches the service). */
const bodyOf = (fields: string[], ids: () => string[]) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue() },
    { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...fields), plausible(ids), { maxKeys: 8 }) },
  );

const documentOf = (ids: () => string[]) => {
  const entry = (fields: string[]) =>
    fc.dictionary(fc.constantFrom(...fields), plausible(ids), { maxKeys: fields.length });
  return fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue() },
    {
      weight: 4,
      arbitrary: fc.record({
        format: fc.constantFrom('throughline/v1', 'throughline/v1', 'v0'),
        businessUnits: fc.array(entry(['key', 'name', 'parent']), { maxLength: 3 }),
        nodes: fc.array(entry(NODE_FIELDS), { maxLength: 5 }),
        links: fc.array(entry(['from', 'to', 'kind', 'weight', 'state', 'rationale']), { maxLength: 5 }),
        checkIns: fc.array(entry(['node', 'at', 'value', 'confidence', 'note']), { maxLength: 3 }),
      }),
    },
  );
};

describe('no request body gets a 500', () => {
  let t: TestApp;
  const target: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const p = portfolio(t);
    target.unit = (await p.unit('FUZZ')).id;
    target.otherUnit = (await p.unit('FUZZ-2')).id;
    target.objective = (await p.node('objective', 'OBJ-1')).id;
    target.node = (await p.node('project', 'PRJ-FUZZ')).id;
    target.keyResult = (await p.node('key_result', 'KR-FUZZ')).id;
    target.link = (await p.link({ id: target.node }, { id: target.keyResult })).id;
  });
  afterAll(() => t.close());

  const ids = () => Object.values(target);
  const endpoints: [string, () => [method: 'post' | 'patch', path: string], fc.Arbitrary<unknown>][] = [
    ['POST /api/business-units', () => ['post', '/api/business-units'], bodyOf(['key', 'name', 'parentId'], ids)],
    [
      'PATCH /api/business-units/:id',
      () => ['patch', `/api/business-units/${target.unit}`],
      bodyOf(['key', 'name', 'parentId', 'version'], ids),
    ],
    ['POST /api/nodes', () => ['post', '/api/nodes'], bodyOf(NODE_FIELDS, ids)],
    [
      'PATCH /api/nodes/:id',
      () => ['patch', `/api/nodes/${target.node}`],
      bodyOf([...NODE_FIELDS.filter((f) => f !== 'kind'), 'version'], ids),
    ],
    [
      'PATCH /api/nodes/:id (key result)',
      () => ['patch', `/api/nodes/${target.keyResult}`],
      bodyOf([...NODE_FIELDS.filter((f) => f !== 'kind'), 'version'], ids),
    ],
    [
      'POST /api/links',
      () => ['post', '/api/links'],
      bodyOf(['fromId', 'toId', 'kind', 'weight', 'rationale', 'state'], ids),
    ],
    [
      'PATCH /api/links/:id',
      () => ['patch', `/api/links/${target.link}`],
      bodyOf(['weight', 'rationale', 'version'], ids),
    ],
    [
      'POST /api/nodes/:id/check-ins',
      () => ['post', `/api/nodes/${target.keyResult}/check-ins`],
      bodyOf(['value', 'at', 'confidence', 'note'], ids),
    ],
    ['POST /api/portfolio/import', () => ['post', '/api/portfolio/import'], documentOf(ids)],
  ];

  it.each(endpoints)(
    `%s answers random JSON with 2xx or 4xx (${RUNS} runs)`,
    async (_name, route, body) => {
      const [method, path] = route();
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const client = t.http();
          const res = await client[method](path).set('Content-Type', 'application/json').send(JSON.stringify(payload));
          if (res.status >= 500)
            throw new Error(`${res.status} for ${JSON.stringify(payload)}: ${JSON.stringify(res.body)}`);
          if (res.status >= 400)
            expect(res.body).toEqual(
              expect.objectContaining({
                statusCode: res.status,
                code: expect.any(String),
                message: expect.any(String),
              }),
            );
        }),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});

/** Found by the fuzz above: PostgreSQL text cannot hold \u0000, in a body or in a query string. */
describe('the NUL character', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('is refused in a body with a 400, and nothing is written', async () => {
    const res = await t.http().post('/api/business-units').send({ key: 'NUL', name: 'a\u0000b' }).expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: 'Text may not contain the NUL character (\\u0000).',
    });
    expect((await t.http().get('/api/business-units')).body).toEqual([]);
  });

  it('is refused in an import with a 400, and nothing of the document is written', async () => {
    const doc = {
      format: 'throughline/v1',
      nodes: [
        { key: 'OBJ-1', kind: 'objective', title: 'Fine' },
        { key: 'OBJ-2', kind: 'objective', title: 'Not \u0000 fine' },
      ],
    };
    await t.http().post('/api/portfolio/import').send(doc).expect(400);
    expect((await t.http().get('/api/nodes')).body.items).toEqual([]);
  });

  it('is refused in a query string with a 400', async () => {
    await t.http().get('/api/nodes?q=%00').expect(400);
  });
});

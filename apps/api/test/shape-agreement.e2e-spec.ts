import {
  ALL_KIND_FIELDS,
  COMMON_NODE_FIELDS,
  KIND_FIELDS,
  NODE_FIELD_RULES,
  NODE_KINDS,
  type FieldRule,
  type NodeKind,
} from '@throughline/domain';
import fc from 'fast-check';
import { startTestApp, type TestApp } from './harness.js';

/**
 * REST create and import agree on every node payload (issue 9): both accept or both refuse, and
 * what they store is the same. Payloads are a valid node of a kind with one or two fields set
 * to boundary values drawn from NODE_FIELD_RULES itself (each limit, one past it, a wrong type,
 * null, left out), fields of other kinds, an unknown or missing business unit and dates out of order.
 */
const RUNS = 500;

/** Boundary values of a rule: [value, whether the rule alone accepts it]. */
function boundaries(rule: FieldRule): unknown[] {
  const common = [null, undefined, true, {}];
  switch (rule.type) {
    case 'text':
      return [
        ...common,
        'x'.repeat(rule.minLength),
        'x'.repeat(rule.maxLength),
        'x'.repeat(rule.maxLength + 1),
        ...(rule.minLength > 0 ? ['x'.repeat(rule.minLength - 1)] : []),
        7,
      ];
    case 'number': {
      const step = 10 ** -rule.decimals;
      return [
        ...common,
        rule.min,
        rule.max,
        rule.min - 1,
        rule.max + 1,
        Number((rule.min + 1 + step).toFixed(rule.decimals)), // the last decimal allowed
        Number((rule.min + 1 + step / 2).toFixed(rule.decimals + 1)), // one decimal too many
        ...(rule.decimals === 2 ? [1.005] : []),
        '5',
      ];
    }
    case 'integer':
      return [...common, rule.min, rule.max, rule.min - 1, rule.max + 1, rule.min + 0.5, String(rule.min)];
    case 'enum':
      return [...common, ...rule.values, 'nope', 1];
    case 'date':
      return [...common, '2028-02-29', '2027-02-29', '2026-1-01', 20260101];
    case 'tags':
      return [
        ...common,
        [],
        Array.from({ length: rule.maxItems }, (_, i) => `t${i}`),
        Array.from({ length: rule.maxItems + 1 }, (_, i) => `t${i}`),
        ['x'.repeat(rule.maxLength)],
        ['x'.repeat(rule.maxLength + 1)],
        [''],
        [3],
        'a,b',
      ];
    case 'key':
    case 'uuid':
    case 'list':
      return common;
  }
}

type Change = { field: string; value: unknown };

const COMMON = COMMON_NODE_FIELDS.filter((f) => f !== 'key' && f !== 'kind');

const boundary = (fields: readonly (keyof typeof NODE_FIELD_RULES)[]): fc.Arbitrary<Change> =>
  fc
    .constantFrom(...fields)
    .chain((field) =>
      fc.constantFrom(...boundaries(NODE_FIELD_RULES[field])).map((value) => ({ field, value }) as Change),
    );

/** Changes to a node of `kind`: mostly its own and the common fields, sometimes another kind's or a reference. */
const changeFor = (kind: NodeKind): fc.Arbitrary<Change> =>
  fc.oneof(
    { weight: 8, arbitrary: boundary(COMMON) },
    { weight: 8, arbitrary: boundary(KIND_FIELDS[kind]) },
    { weight: 2, arbitrary: boundary(ALL_KIND_FIELDS.filter((f) => !KIND_FIELDS[kind].includes(f))) },
    { weight: 1, arbitrary: fc.constantFrom<Change>({ field: 'kind', value: 'castle' }, { field: 'extra', value: 1 }) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<Change>(...['known', 'unknown', null].map((value) => ({ field: 'unit', value }))),
    },
    { weight: 1, arbitrary: fc.constant<Change>({ field: 'dates', value: ['2027-01-01', '2026-12-31'] }) },
  );

const payloads = fc
  .constantFrom(...NODE_KINDS)
  .chain((kind) => fc.tuple(fc.constant(kind), fc.array(changeFor(kind), { minLength: 1, maxLength: 2 })));

/** A valid node of the kind, then the changes (a change to a field of another kind stays: both must refuse it). */
function payload(kind: NodeKind, changes: Change[]): { fields: Record<string, unknown>; unit: unknown } {
  const fields: Record<string, unknown> = { kind, title: 'Node' };
  if (kind === 'key_result') fields.target = 80;
  let unit: unknown = undefined;
  for (const { field, value } of changes) {
    if (field === 'unit') unit = value;
    else if (field === 'dates') [fields.startDate, fields.endDate] = value as string[];
    else if (value === undefined) delete fields[field];
    else fields[field] = value;
  }
  return { fields, unit };
}

const IGNORED = new Set(['id', 'key', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'businessUnitId']);
const stored = (node: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(node).filter(([field]) => !IGNORED.has(field)));

describe('REST create and import agree on every node payload', () => {
  let t: TestApp;
  let unitId: string;
  beforeAll(async () => {
    t = await startTestApp();
    unitId = (await t.http().post('/api/business-units').send({ key: 'NET', name: 'Networks' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  it(`accepts or refuses alike and stores the same values (${RUNS} payloads)`, async () => {
    let run = 0;
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(payloads, async ([kind, changes]) => {
        run++;
        const { fields, unit } = payload(kind, changes);
        const restBody = {
          ...fields,
          key: `R-${run}`,
          ...(unit === undefined
            ? {}
            : {
                businessUnitId:
                  unit === 'known' ? unitId : unit === null ? null : '00000000-0000-4000-8000-000000000000',
              }),
        };
        const entry = {
          ...fields,
          key: `I-${run}`,
          ...(unit === undefined ? {} : { businessUnit: unit === 'known' ? 'NET' : unit === null ? null : 'NOPE' }),
        };
        const rest = await t.http().post('/api/nodes').send(restBody);
        const imported = await t
          .http()
          .post('/api/portfolio/import')
          .send({ format: 'throughline/v1', businessUnits: [], nodes: [entry], links: [], checkIns: [] });
        const restOk = rest.status === 201;
        const importOk = imported.status === 200;
        if (!restOk) expect([400, 422]).toContain(rest.status); // a field's format 400, a rule across fields 422
        if (!importOk) expect([importOk, imported.status, imported.body]).toEqual([false, 422, expect.anything()]);
        expect({ kind, changes, rest: restOk ? 'accepted' : rest.body.message }).toEqual({
          kind,
          changes,
          rest: importOk ? 'accepted' : expect.any(String),
        });
        expect({ kind, changes, import: importOk ? 'accepted' : imported.body.message }).toEqual({
          kind,
          changes,
          import: restOk ? 'accepted' : expect.any(String),
        });
        if (!restOk) return void refused++;
        accepted++;
        const [{ id }] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM nodes WHERE key = $1`, [entry.key]);
        const viaImport = (await t.http().get(`/api/nodes/${id}`).expect(200)).body as Record<string, unknown>;
        expect(stored(viaImport)).toEqual(stored(rest.body as Record<string, unknown>));
        expect(viaImport.businessUnitId).toEqual((rest.body as Record<string, unknown>).businessUnitId);
      }),
      { numRuns: RUNS },
    );
    // Both sides of the boundary are exercised: at least a fifth of the payloads each way.
    console.log(`shape agreement: ${accepted} accepted, ${refused} refused of ${run}`);
    expect(accepted).toBeGreaterThanOrEqual(run / 5);
    expect(refused).toBeGreaterThanOrEqual(run / 5);
    expect(run).toBeGreaterThanOrEqual(RUNS);
  }, 240_000);
});

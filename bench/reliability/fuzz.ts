import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createRandom } from '../lib/random.js';
import { generatePortfolio } from '../lib/synthetic/portfolio-builder.js';
import { ApiProcess } from './lib/api-process.js';
import { databaseName } from './lib/cluster.js';
import { getJson, outcome, send, sendJson } from './lib/http.js';
import { countBy, formatCounts } from './lib/stats.js';
import { fail, type Item } from './lib/suite.js';
import { spareSession } from '../lib/credentials.js';

/**
 * Routes that may end or replace the session they are sent with: sent with a spare session, so a
 * fuzzed log-out does not sign the rest of the fuzz out (and signing in again would soon meet the
 * failed-log-in limit the fuzz's own wrong passwords run up).
 */
const SESSION_ENDING = /^\/api\/(auth\/(log-out|switch-organisation|password|totp)|members|organisation$)/;

/**
 * Every operation of the served OpenAPI document, called with values drawn by fast-check from
 * the document's own schemas: valid ones (enums, ids that exist, dates, numbers in range),
 * boundary ones (empty, at and past the length and number limits, impossible dates, the nil
 * uuid) and invalid ones (wrong types, null, arrays for objects, malformed JSON, NUL, astral
 * characters, unknown fields). The organisation is a small generated one in a database of its
 * own, so the heavy reads stay quick and the destructive calls touch nothing else.
 * A 5xx, a reset or a request unanswered after 10 s is a failure; all are written to
 * bench/out/reliability/fuzz-failures.json to be replayed.
 */

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  example?: unknown;
  $ref?: string;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface FuzzRequest {
  operation: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Ids {
  nodes: string[];
  links: string[];
  units: string[];
}

const CONCURRENCY = 4;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const STRANGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '../../etc/passwd',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '😀'.repeat(50),
  '\u202e\u0301\ufeff',
  '\ud800',
  'x'.repeat(10_000),
  'NaN',
  'null',
  '-1',
  '1e309',
  '[]',
  '{}',
];
const STRANGE_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  -(2 ** 31),
  2 ** 31,
  1.0000000000000002,
  1e-300,
];
const STRANGE_DATES = [
  '2026-02-29',
  '2024-02-29',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '2026-1-1',
  '2026-04-01T00:00:00Z',
];
const MALFORMED_JSON = [
  '{',
  '{"a":1,}',
  '[1,2',
  'nul',
  '"unterminated',
  '{"a":1}{"b":2}',
  '\u0000',
  '',
  '{}'.repeat(50),
];

function resolve(schema: Schema | undefined, doc: OpenApi): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!], doc);
  return schema;
}

const isDate = (s: Schema) => typeof s.example === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.example);

function idsFor(path: string, ids: Ids): string[] {
  if (path.startsWith('/api/business-units')) return ids.units;
  if (path.startsWith('/api/links')) return ids.links;
  return ids.nodes;
}

/** A value for `schema`: valid 45%, at or past a boundary 30%, of the wrong kind 25%. */
function value(schema: Schema, doc: OpenApi, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  return fc.oneof(
    { weight: 45, arbitrary: validValue(s, doc, ids, depth) },
    { weight: 30, arbitrary: boundaryValue(s) },
    { weight: 25, arbitrary: invalidValue() },
  );
}

function validValue(s: Schema, doc: OpenApi, ids: string[], depth: number): fc.Arbitrary<unknown> {
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.format === 'uuid') return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
  if (isDate(s)) {
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  switch (s.type ?? '') {
    case 'number':
    case 'integer': {
      const min = s.minimum ?? -1e9;
      const max = s.maximum ?? 1e9;
      return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(s.items ? validValue(resolve(s.items, doc), doc, ids, depth + 1) : fc.string(), { maxLength: 4 });
    case 'object':
      if (depth > 3 || !s.properties) return fc.constant({});
      return objectOf(s, doc, ids, depth + 1, false);
    default:
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
      if (typeof s.example === 'string' && /^[A-Z]+-[\w.]+$/.test(s.example)) {
        return fc.stringMatching(/^[A-Z]{2,4}-[0-9]{1,4}$/);
      }
      return fc.oneof(
        fc.string({ minLength: s.minLength ?? 1, maxLength: Math.min(s.maxLength ?? 60, 60) }),
        ...(typeof s.example === 'string' ? [fc.constant(s.example)] : []),
      );
  }
}

function boundaryValue(s: Schema): fc.Arbitrary<unknown> {
  if (s.format === 'uuid') {
    return fc.constantFrom(
      NIL_UUID,
      NIL_UUID.toUpperCase(),
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      NIL_UUID.replace(/-/g, ''),
    );
  }
  if (isDate(s)) return fc.constantFrom(...STRANGE_DATES);
  switch (s.type ?? '') {
    case 'number':
    case 'integer': {
      const edges = [s.minimum, s.maximum].filter((n): n is number => n !== undefined);
      return fc.constantFrom(...edges.flatMap((n) => [n, n - 1, n + 1, n + 0.5]), ...STRANGE_NUMBERS);
    }
    case 'array':
      return fc.constantFrom([], new Array(1000).fill('x'), [null], [[]]);
    case 'boolean':
      return fc.constantFrom('true', 'false', 0, 1, 'yes');
    default: {
      const lengths = [s.minLength, s.maxLength].filter((n): n is number => n !== undefined);
      return fc.constantFrom(...lengths.flatMap((n) => ['a'.repeat(n), 'a'.repeat(n + 1)]), ...STRANGE_STRINGS);
    }
  }
}

function invalidValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.boolean(),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

function objectOf(s: Schema, doc: OpenApi, ids: string[], depth: number, fuzzValues: boolean): fc.Arbitrary<unknown> {
  const properties = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    record[name] = fuzzValues ? value(property, doc, ids, depth) : validValue(resolve(property, doc), doc, ids, depth);
  }
  const optional = Object.keys(properties).filter((name) => !required.has(name));
  return fc.record(record, { requiredKeys: [...required].filter((name) => name in record) }).chain((object) =>
    fc.subarray(optional).map((keep) => {
      const out: Record<string, unknown> = {};
      for (const [name, v] of Object.entries(object as Record<string, unknown>)) {
        if (required.has(name) || keep.includes(name)) out[name] = v;
      }
      return out;
    }),
  );
}

/** Replaces one spot of a JSON value (chosen by `path`, a list of numbers) with `replacement`. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const [step, ...rest] = path;
  if (Array.isArray(value)) {
    if (!value.length) return replacement;
    const copy = [...value];
    const i = step % copy.length;
    // Now and then a repeated element (the import's duplicate check-ins, links, units).
    if (rest.length === 0 && step % 5 === 0) copy.push(copy[i]);
    else copy[i] = mutate(copy[i], rest, replacement);
    return copy;
  }
  const keys = Object.keys(value);
  if (!keys.length) return replacement;
  const key = keys[step % keys.length];
  const copy = { ...(value as Record<string, unknown>) };
  if (rest.length === 0 && step % 7 === 0) delete copy[key];
  else copy[key] = mutate(copy[key], rest, replacement);
  return copy;
}

function bodyOf(operation: Operation, doc: OpenApi, ids: string[]): fc.Arbitrary<string | undefined> {
  const schema = resolve(operation.requestBody?.content?.['application/json']?.schema, doc);
  const hasSchema = !!schema.properties;
  const example = operation.requestBody?.content?.['application/json']?.schema?.example ?? schema.example;
  const seeds: fc.Arbitrary<unknown>[] = [];
  if (hasSchema) seeds.push(objectOf(schema, doc, ids, 0, true), objectOf(schema, doc, ids, 0, false));
  if (example !== undefined) seeds.push(fc.constant(example));
  if (!seeds.length) seeds.push(fc.constant({}));
  const anyValue = fc.oneof(boundaryValue({}), invalidValue(), fc.constantFrom(...ids.slice(0, 20), NIL_UUID));
  return fc.oneof(
    { weight: 6, arbitrary: fc.oneof(...seeds).map((v) => JSON.stringify(v)) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.oneof(...seeds), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), anyValue)
        .map(([v, path, replacement]) => JSON.stringify(mutate(v, path, replacement))),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.constantFrom(...MALFORMED_JSON),
        invalidValue().map((v) => JSON.stringify(v) ?? 'null'),
      ),
    },
  );
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes as the invalid UTF-8 bytes it would be. */
function encodePathValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .split(/([\ud800-\udfff])/u)
      .map((part) => (/^[\ud800-\udfff]$/u.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
      .join('');
  }
}

function requestsOf(
  path: string,
  method: string,
  operation: Operation,
  doc: OpenApi,
  ids: Ids,
): fc.Arbitrary<FuzzRequest> {
  const pool = idsFor(path, ids);
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const headerParams = parameters.filter((p) => p.in === 'header');
  const pathValue = fc.oneof(
    { weight: 5, arbitrary: pool.length ? fc.constantFrom(...pool) : fc.uuid() },
    { weight: 2, arbitrary: fc.uuid() },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        NIL_UUID,
        'not-a-uuid',
        '0',
        '-1',
        '..',
        'x'.repeat(300),
        ...STRANGE_STRINGS.slice(1, 11),
      ),
    },
  );
  const queryValue = (p: Parameter) =>
    value(p.schema ?? {}, doc, pool).map((v) =>
      Array.isArray(v) ? v.join(',') : typeof v === 'string' ? v : JSON.stringify(v),
    );
  const query = fc.tuple(
    ...queryParams.map((p) => fc.option(queryValue(p), { freq: 2, nil: undefined }).map((v) => [p.name, v] as const)),
  );
  const headers = fc.tuple(
    ...headerParams.map((p) =>
      fc
        .option(
          fc.oneof(
            fc.nat({ max: 5 }).map((n) => `"${n}"`),
            fc.constantFrom('*', 'W/"1"', '"x"', '', '1'),
          ),
          {
            nil: undefined,
          },
        )
        .map((v) => [p.name, v] as const),
    ),
  );
  const hasBody = !!operation.requestBody;
  return fc
    .record({
      pathValues: fc.tuple(...pathParams.map(() => pathValue)),
      query,
      headers,
      body: hasBody ? bodyOf(operation, doc, pool) : fc.constant(undefined),
      contentType: fc.constantFrom(
        'application/json',
        'application/json',
        'application/json',
        'text/plain',
        'application/json; charset=latin1',
      ),
    })
    .map(({ pathValues, query: q, headers: h, body, contentType }) => {
      let url = path;
      pathParams.forEach((p, i) => (url = url.replace(`{${p.name}}`, encodePathValue(pathValues[i]))));
      const search = new URLSearchParams();
      for (const [name, v] of q) if (v !== undefined) search.append(name, v);
      const headerMap: Record<string, string> = {};
      for (const [name, v] of h) if (v !== undefined) headerMap[name] = v;
      if (body !== undefined) headerMap['Content-Type'] = contentType;
      return {
        operation: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path: search.size ? `${url}?${search}` : url,
        headers: headerMap,
        body,
      };
    });
}

export const fuzzItem: Item = {
  id: 'fuzz',
  title: 'Fuzz every route of the OpenAPI document',
  target:
    'every operation of /api/docs-json called with valid, boundary and invalid values drawn from its schemas ' +
    '(≥ 5,000 requests, seed logged): zero 5xx, no reset, nothing unanswered after 10 s',
  budgetMs: 240_000,
  async run(suite) {
    const url = await suite.cluster.createDatabase(databaseName('fuzz'));
    const api = await ApiProcess.start(url, join(suite.outDir, 'api-fuzz.log'));
    try {
      const document = generatePortfolio({ nodes: 300, seed: suite.seed, anchor: '2026-11-01' });
      const imported = await sendJson(`${api.url}/api/portfolio/import`, 'POST', document, 120_000);
      if (imported.status !== 200) return fail(`could not import the fuzz organisation: ${outcome(imported)}`);
      const doc = await getJson<OpenApi>(`${api.url}/api/docs-json`);
      const nodes = (await getJson<{ items: { id: string }[] }>(`${api.url}/api/nodes?limit=200`)).items.map(
        (n) => n.id,
      );
      const links = (await getJson<{ id: string }[]>(`${api.url}/api/links?nodeId=${nodes[0]}`)).map((l) => l.id);
      for (const id of nodes.slice(1, 40)) {
        if (links.length >= 60) break;
        links.push(...(await getJson<{ id: string }[]>(`${api.url}/api/links?nodeId=${id}`)).map((l) => l.id));
      }
      const units = (await getJson<{ id: string }[]>(`${api.url}/api/business-units`)).map((u) => u.id);
      const ids: Ids = { nodes, links, units };
      const spare = await spareSession(api.url);

      const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods)
          .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map(([method, operation]) => ({ path, method, operation })),
      );
      const perOperation = Math.ceil(suite.fuzzRequests / operations.length);
      const requests = operations.flatMap(({ path, method, operation }, i) =>
        fc.sample(requestsOf(path, method, operation, doc, ids), { seed: suite.seed + i, numRuns: perOperation }),
      );
      createRandom(suite.seed).shuffle(requests);
      suite.progress(
        `fuzz: ${requests.length} requests over ${operations.length} operations, seed ${suite.seed} ` +
          `(replay: npm run test:reliability -- --only fuzz --seed ${suite.seed})`,
      );

      const failures: (FuzzRequest & { status: number; error?: string; answer: string })[] = [];
      const statuses = new Map<string, number>();
      let next = 0;
      const worker = async () => {
        while (next < requests.length) {
          const request = requests[next++];
          const answer = await send(`${api.url}${request.path}`, {
            method: request.method,
            headers: SESSION_ENDING.test(request.path)
              ? { ...request.headers, Authorization: `Bearer ${spare}` }
              : request.headers,
            body: request.body,
            // A connection per request: a failure belongs to the request that met it, not to a
            // kept-alive socket that an earlier request left behind.
            agent: false,
            timeoutMs: 10_000,
          });
          const klass = answer.status ? `${String(answer.status)[0]}xx` : (answer.error ?? 'no answer');
          statuses.set(klass, (statuses.get(klass) ?? 0) + 1);
          if (answer.status >= 500 || answer.status === 0) {
            failures.push({
              ...request,
              body: request.body && request.body.length > 2000 ? `${request.body.slice(0, 2000)}…` : request.body,
              status: answer.status,
              error: answer.error,
              answer: answer.body.toString('utf8').slice(0, 500),
            });
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const failuresFile = join(suite.outDir, 'fuzz-failures.json');
      writeFileSync(failuresFile, `${JSON.stringify({ seed: suite.seed, failures }, null, 2)}\n`);
      const alive = api.alive;
      const problems: string[] = [];
      if (failures.length) {
        problems.push(
          `${failures.length} failed (${formatCounts(countBy(failures, (f) => `${f.operation} ${f.status || f.error}`))}); see ${failuresFile}`,
        );
      }
      if (!alive) problems.push(`the fuzzed API process ended (${api.ending})`);
      return {
        pass: problems.length === 0 && requests.length >= suite.fuzzRequests,
        summary:
          `${requests.length.toLocaleString('en-GB')} requests over ${operations.length} operations, seed ${suite.seed}: ` +
          `${formatCounts(statuses)}` +
          (problems.length ? `: ${problems.join('; ')}` : ''),
        details: [
          `replay: npm run test:reliability -- --only fuzz --seed ${suite.seed}`,
          ...failures
            .slice(0, 5)
            .map((f) => `${f.method} ${f.path.slice(0, 120)} → ${f.status || f.error} ${f.answer.slice(0, 120)}`),
        ],
      };
    } finally {
      await api.stop();
    }
  },
};

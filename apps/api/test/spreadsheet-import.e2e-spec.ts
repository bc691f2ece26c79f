import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from './harness.js';
import type { TestMember } from './principals.js';
import { zipOf } from './spreadsheet-files.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Diff {
  created: number;
  updated: number;
  unchanged: number;
  creates: string[];
  updates: { key: string; changes: { field: string; before: unknown; after: unknown }[] }[];
}

describe('spreadsheet import, dry runs and exports', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()), 60_000);
  afterAll(() => t?.close());

  /** A fresh organisation per test: its nodes are exactly what the test wrote. */
  const org = () => t.newOrganisation();
  const nodes = async (member: TestMember) =>
    (
      await t.dataSource.query(
        `SELECT key, title, description, status, budget, start_date, end_date, tags, delivery_confidence, owner
           FROM nodes WHERE org_id = $1 ORDER BY key`,
        [member.orgId],
      )
    ).map((r: Record<string, unknown>) => ({ ...r, budget: r.budget === null ? null : Number(r.budget) })) as Record<
      string,
      unknown
    >[];
  const csv = (member: TestMember, query: string, body: string | Buffer, type = 'text/csv') =>
    member.http().post(`/api/portfolio/spreadsheet?${query}`).set('Content-Type', type).send(body);

  const base = {
    format: 'throughline/v1',
    businessUnits: [{ key: 'NET', name: 'Network', parent: null }],
    nodes: [
      { key: 'PRJ-1', kind: 'project', title: 'Fibre rollout', budget: 1000, businessUnit: 'NET' },
      { key: 'OBJ-1', kind: 'objective', title: 'Grow' },
    ],
    links: [],
    checkIns: [],
  };

  it('dry-runs the JSON import: the diff per section, field by field, and nothing written', async () => {
    const a = await org();
    await a.http().post('/api/portfolio/import').send(base).expect(200);
    const before = await nodes(a);
    const next = {
      ...base,
      nodes: [
        { key: 'PRJ-1', kind: 'project', title: 'Fibre rollout', budget: 2500, stage: 'build' },
        { key: 'OBJ-1', kind: 'objective', title: 'Grow' },
        { key: 'PRJ-2', kind: 'project', title: 'New one' },
      ],
      links: [{ from: 'PRJ-2', to: 'OBJ-1', kind: 'contributes_to' }],
    };
    const res = await a.http().post('/api/portfolio/import?dryRun=true').send(next).expect(200);
    const diff = res.body as Record<string, Diff>;
    expect(diff.nodes).toMatchObject({ created: 1, updated: 1, unchanged: 1, creates: ['PRJ-2'] });
    expect(diff.nodes.updates).toEqual([
      {
        key: 'PRJ-1',
        changes: [
          { field: 'budget', before: 1000, after: 2500 },
          { field: 'stage', before: null, after: 'build' },
        ],
      },
    ]);
    expect(diff.businessUnits).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(diff.links).toMatchObject({ created: 1, creates: ['PRJ-2|OBJ-1|contributes_to'] });
    expect(await nodes(a)).toEqual(before);
    // The dry run's counts are the import's.
    const applied = await a.http().post('/api/portfolio/import').send(next).expect(200);
    expect(applied.body.nodes).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(applied.body.links).toEqual({ created: 1, updated: 0, unchanged: 0 });
    // An invalid document is refused by the dry run as by the import; a typo in dryRun is not an import.
    await a
      .http()
      .post('/api/portfolio/import?dryRun=true')
      .send({ ...base, nodes: [{ key: 'X' }] })
      .expect(422);
    await a.http().post('/api/portfolio/import?dryRun=yes').send(next).expect(400);
  });

  it('imports a CSV with a BOM, ; separators, quoted fields with line breaks and quotes, and Excel dates', async () => {
    const a = await org();
    await a.http().post('/api/portfolio/import').send(base).expect(200);
    const file =
      '\uFEFFKey;Name;Notes;Budget;Start;End;Status;Unit;Tags\r\n' +
      'PRJ-1;Fibre rollout;"Phase 1; then\r\nphase 2";2500;31/03/2027;2027-12-31;On hold;NET;a, b\r\n' +
      'PRJ-2;"The ""quoted"" project";;1,234.50;46477;;active;;\r\n' +
      ';;;;;;;;\r\n' +
      'PRJ-3;Third;"multi\nline\nnote";;2027-03-31T00:00:00;;;NET;\r\n';
    const mapping = {
      Key: 'key',
      Name: 'title',
      Notes: 'description',
      Budget: 'budget',
      Start: 'startDate',
      End: 'endDate',
      Status: 'status',
      Unit: 'businessUnit',
      Tags: 'tags',
    };
    const q = `kind=projects&mapping=${encodeURIComponent(JSON.stringify(mapping))}`;
    const dry = await csv(a, `${q}&dryRun=true`, file).expect(200);
    expect(dry.body).toMatchObject({ format: 'csv', rows: 3, mappingSource: 'request' });
    expect(dry.body.columns).toEqual(['Key', 'Name', 'Notes', 'Budget', 'Start', 'End', 'Status', 'Unit', 'Tags']);
    expect(dry.body.diff.nodes).toMatchObject({ created: 2, updated: 1, creates: ['PRJ-2', 'PRJ-3'] });
    expect(dry.body.diff.nodes.updates[0].changes).toContainEqual({ field: 'budget', before: 1000, after: 2500 });
    expect((await nodes(a)).map((n) => n.key)).toEqual(['OBJ-1', 'PRJ-1']);

    const applied = await csv(a, q, file).expect(200);
    expect(applied.body.summary.nodes).toEqual({ created: 2, updated: 1, unchanged: 0 });
    const [, p1, p2, p3] = await nodes(a);
    expect(p1).toMatchObject({
      description: 'Phase 1; then\r\nphase 2',
      budget: 2500,
      start_date: '2027-03-31',
      end_date: '2027-12-31',
      status: 'on_hold',
      tags: ['a', 'b'],
    });
    expect(p2).toMatchObject({ title: 'The "quoted" project', budget: 1234.5, start_date: '2027-03-31' });
    expect(p3).toMatchObject({ description: 'multi\nline\nnote', start_date: '2027-03-31' });
  });

  it('refuses a file with one bad row, naming its line and column, and writes nothing of it', async () => {
    const a = await org();
    const file =
      'key,title,budget,startDate\n' +
      'PRJ-1,One,100,2027-01-01\n' +
      'PRJ-2,"Two, with\na line break",200,2027-01-01\n' +
      'PRJ-3,Three,lots,2027-01-01\n' +
      'PRJ-4,Four,400,2027-01-01\n';
    const res = await csv(a, 'kind=projects', file).expect(422);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.details).toEqual([
      { line: 5, column: 'budget', field: 'budget', message: '"lots" is not a number' },
    ]);
    expect(res.body.message).toMatch(/^Line 5, column "budget"/);
    // The shared field rules: a title too long, an unknown status, a date that is no date.
    const rules = await csv(
      a,
      'kind=projects',
      `key,title,status,endDate\nPRJ-1,${'x'.repeat(301)},active,\nPRJ-2,Ok,sleeping,31/02/2027\n`,
    ).expect(422);
    expect(rules.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, column: 'title', field: 'title' }),
        expect.objectContaining({ line: 3, column: 'endDate', field: 'endDate' }),
      ]),
    );
    await csv(a, 'kind=projects', 'key,title,status\nPRJ-9,Nine,sleeping\n')
      .expect(422)
      .expect((r) => expect(r.body.details[0]).toMatchObject({ line: 2, column: 'status' }));
    expect(await nodes(a)).toEqual([]);
  });

  it('imports links and key results from their own sheets', async () => {
    const a = await org();
    await a.http().post('/api/portfolio/import').send(base).expect(200);
    await csv(a, 'kind=key_results', 'key,title,target,baseline,unit\nKR-1,Homes connected,"10,000",0,homes\n').expect(
      200,
    );
    const links = 'From;To;Kind;Weight;Why\nPRJ-1;KR-1;contributes_to;60;"Fibre; homes"\nKR-1;OBJ-1;contributes_to;;\n';
    const mapping = encodeURIComponent(
      JSON.stringify({ From: 'from', To: 'to', Kind: 'kind', Weight: 'weight', Why: 'rationale' }),
    );
    const dry = await csv(a, `kind=links&dryRun=true&mapping=${mapping}`, links).expect(200);
    expect(dry.body.diff.links).toMatchObject({
      created: 2,
      creates: ['PRJ-1|KR-1|contributes_to', 'KR-1|OBJ-1|contributes_to'],
    });
    await csv(a, `kind=links&mapping=${mapping}`, links).expect(200);
    const stored = await t.dataSource.query(
      `SELECT f.key AS "from", l.weight, l.rationale FROM links l JOIN nodes f ON f.id = l.from_id
        WHERE l.org_id = $1 ORDER BY f.key DESC`,
      [a.orgId],
    );
    expect(stored).toEqual([
      { from: 'PRJ-1', weight: 60, rationale: 'Fibre; homes' },
      { from: 'KR-1', weight: null, rationale: '' },
    ]);
    // A link the matrix forbids is refused at its line, naming the column of the field at fault.
    const bad = await csv(
      a,
      `kind=links&mapping=${mapping}`,
      'From;To;Kind;Weight;Why\nOBJ-1;PRJ-1;contributes_to;;\n',
    ).expect(422);
    expect(bad.body.details[0]).toMatchObject({ line: 2 });
  });

  it('imports an XLSX file (dates as Excel dates) parsed off the request thread', async () => {
    const a = await org();
    await a.http().post('/api/portfolio/import').send(base).expect(200);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Objectives');
    sheet.addRow(['Key', 'Title', 'Priority', 'Target date']);
    sheet.addRow(['OBJ-1', 'Grow faster', 2, new Date(Date.UTC(2027, 2, 31))]);
    sheet.addRow(['OBJ-2', { richText: [{ text: 'Rich ' }, { text: 'text' }] }, 3, 46477]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = await csv(a, 'kind=objectives&dryRun=true', bytes, XLSX).expect(200);
    expect(dry.body).toMatchObject({ format: 'xlsx', rows: 2, mappingSource: 'guessed' });
    expect(dry.body.mapping).toEqual({ Key: 'key', Title: 'title', Priority: 'priority', 'Target date': 'targetDate' });
    expect(dry.body.diff.nodes.updates[0]).toMatchObject({ key: 'OBJ-1' });
    await csv(a, 'kind=objectives', bytes, XLSX).expect(200);
    const rows = await t.dataSource.query(
      `SELECT key, title, priority, target_date FROM nodes WHERE org_id = $1 AND kind = 'objective' ORDER BY key`,
      [a.orgId],
    );
    expect(rows).toEqual([
      { key: 'OBJ-1', title: 'Grow faster', priority: 2, target_date: '2027-03-31' },
      { key: 'OBJ-2', title: 'Rich text', priority: 3, target_date: '2027-03-31' },
    ]);
  });

  it('refuses zip bombs with 413/422 and keeps answering', async () => {
    const a = await org();
    const zeros = Buffer.alloc(150 * 1024 * 1024);
    const bomb = zipOf('xl/worksheets/sheet1.xml', zeros);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await csv(a, 'kind=projects', bomb, XLSX).expect(413);
    expect(res.body.message).toMatch(/expand to 150 MB/);
    // One that lies about its size passes the directory check and is stopped by the worker.
    const liar = zipOf('xl/worksheets/sheet1.xml', zeros, 1000);
    const lied = await csv(a, 'kind=projects', liar, XLSX);
    expect([413, 422]).toContain(lied.status);
    await t.anonymous().get('/api/health').expect(200);
    expect(await nodes(a)).toEqual([]);
  }, 60_000);

  it('remembers the column mapping per organisation', async () => {
    const a = await org();
    const other = await org();
    const mapping = { Ref: 'key', Label: 'title', Money: 'annualCost' };
    await a
      .http()
      .get('/api/portfolio/spreadsheet/mappings/bau')
      .expect(200)
      .expect((r) => expect(r.body.mapping).toBeNull());
    await a.http().put('/api/portfolio/spreadsheet/mappings/bau').send({ mapping }).expect(200);
    const got = await a.http().get('/api/portfolio/spreadsheet/mappings/bau').expect(200);
    expect(got.body.mapping).toEqual(mapping);
    expect(got.body.fields).toContainEqual(expect.objectContaining({ field: 'annualCost' }));
    await other
      .http()
      .get('/api/portfolio/spreadsheet/mappings/bau')
      .expect(200)
      .expect((r) => expect(r.body.mapping).toBeNull());
    await a
      .http()
      .put('/api/portfolio/spreadsheet/mappings/bau')
      .send({ mapping: { Ref: 'budget' } })
      .expect(422);
    await a.http().put('/api/portfolio/spreadsheet/mappings/bau').send({ mapping, extra: 1 }).expect(400);

    const res = await csv(a, 'kind=bau', 'Ref,Label,Money\nBAU-1,Service desk,12000\n').expect(200);
    expect(res.body).toMatchObject({ mappingSource: 'remembered', summary: { nodes: { created: 1 } } });
    // An import with a mapping of its own remembers it for next time.
    const own = { Id: 'key', Name: 'title' };
    await csv(a, `kind=bau&mapping=${encodeURIComponent(JSON.stringify(own))}`, 'Id,Name\nBAU-2,Two\n').expect(200);
    const after = await a.http().get('/api/portfolio/spreadsheet/mappings/bau').expect(200);
    expect(after.body.mapping).toEqual(own);
    const contributor = await t.as('contributor', { orgId: a.orgId });
    await csv(contributor, 'kind=bau', 'Id,Name\nBAU-3,Three\n').expect(403);
  });

  it('exports a node kind as CSV and XLSX and the findings as CSV, formulas escaped', async () => {
    const a = await org();
    await a
      .http()
      .post('/api/portfolio/import')
      .send({
        ...base,
        nodes: [
          { key: 'PRJ-1', kind: 'project', title: '=HYPERLINK("http://evil","x")', budget: 10 },
          { key: 'PRJ-2', kind: 'project', title: '+1 then', description: '@SUM(A1)', owner: '-Ann' },
          { key: 'OBJ-1', kind: 'objective', title: 'Grow' },
        ],
      })
      .expect(200);
    const res = await a.http().get('/api/portfolio/export.csv?kind=project').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^key,title,description,businessUnit,owner,status,health,startDate,endDate,tags,budget/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(lines[2]).toContain("'+1 then,'@SUM(A1),,'-Ann");
    expect(lines).toHaveLength(3);
    const xlsx = await a
      .http()
      .get('/api/portfolio/export.xlsx?kind=project')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    const sheet = book.worksheets[0];
    expect(sheet.getCell('B2').value).toBe('\'=HYPERLINK("http://evil","x")');
    expect(sheet.getCell('K2').value).toBe(10);
    await a.http().get('/api/portfolio/export.csv?kind=nonsense').expect(400);
    const findings = await a.http().get('/api/audit/findings.csv').expect(200);
    expect(findings.text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('id,rule,severity,nodes,message,path');
    expect(findings.text).toContain('PRJ-1');
  });
});

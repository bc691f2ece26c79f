import { INTERCHANGE_FORMAT } from '../interchange.js';
import { validateInterchange } from '../interchange-validation.js';
import { csvField, escapeFormulaCell, parseSpreadsheetDate, parseSpreadsheetNumber, toCsv } from './cells.js';
import { diffInterchange } from './interchange-diff.js';
import { sheetProblems, sheetToDocument } from './sheet-document.js';
import { guessMapping, mappingProblems } from './sheet-kinds.js';

describe('spreadsheet cells', () => {
  it('reads the dates Excel writes', () => {
    expect(parseSpreadsheetDate('2027-03-31')).toBe('2027-03-31');
    expect(parseSpreadsheetDate('31/03/2027')).toBe('2027-03-31');
    expect(parseSpreadsheetDate('1.4.2027')).toBe('2027-04-01');
    expect(parseSpreadsheetDate('46477')).toBe('2027-03-31');
    expect(parseSpreadsheetDate(46477)).toBe('2027-03-31');
    expect(parseSpreadsheetDate('2027-03-31T00:00:00.000Z')).toBe('2027-03-31');
    expect(parseSpreadsheetDate('31/02/2027')).toBeUndefined();
    expect(parseSpreadsheetDate('03/31/2027')).toBeUndefined();
    expect(parseSpreadsheetDate('soon')).toBeUndefined();
  });

  it('reads numbers with thousands commas and a currency sign, and nothing else', () => {
    expect(parseSpreadsheetNumber('1,234.50')).toBe(1234.5);
    expect(parseSpreadsheetNumber('£12,000')).toBe(12000);
    expect(parseSpreadsheetNumber('-3')).toBe(-3);
    expect(parseSpreadsheetNumber('12%')).toBeUndefined();
    expect(parseSpreadsheetNumber('1,2')).toBeUndefined();
  });

  it('escapes formula-like text and quotes CSV fields', () => {
    expect(escapeFormulaCell('=1+1')).toBe("'=1+1");
    expect(escapeFormulaCell('+44 20')).toBe("'+44 20");
    expect(escapeFormulaCell('-x')).toBe("'-x");
    expect(escapeFormulaCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeFormulaCell('plain')).toBe('plain');
    expect(csvField(-5)).toBe('-5');
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(toCsv(['a'], [['=x']])).toBe("\uFEFFa\r\n'=x\r\n");
  });
});

describe('sheets as interchange documents', () => {
  it('guesses a mapping from headers and refuses an unknown field or a field mapped twice', () => {
    expect(guessMapping('projects', ['Key', 'Name', 'Business unit', 'Start date', 'Other'])).toEqual({
      Key: 'key',
      Name: 'title',
      'Business unit': 'businessUnit',
      'Start date': 'startDate',
    });
    expect(mappingProblems('projects', { A: 'annualCost' })).toHaveLength(1);
    expect(mappingProblems('projects', { A: 'title', B: 'title' })).toHaveLength(1);
  });

  it('converts cells by their field rule and tells the validator’s problems by line and column', () => {
    const mapping = { Ref: 'key', Name: 'title', Status: 'status', Cost: 'budget' };
    const { document, lines, problems } = sheetToDocument(
      'projects',
      [
        { line: 2, cells: { Ref: 'P-1', Name: 'One', Status: 'On hold', Cost: '1,000' } },
        { line: 4, cells: { Ref: 'P-2', Name: '', Status: 'active', Cost: 'much' } },
      ],
      mapping,
    );
    expect(document.nodes[0]).toEqual({ kind: 'project', key: 'P-1', title: 'One', status: 'on_hold', budget: 1000 });
    expect(problems).toEqual([{ line: 4, column: 'Cost', field: 'budget', message: '"much" is not a number' }]);
    const result = validateInterchange(document);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(sheetProblems(result.errors, lines, mapping)).toContainEqual(
      expect.objectContaining({ line: 4, column: 'Name', field: 'title' }),
    );
  });

  it('diffs a document against what is stored, under the import’s omitted-and-null rules', () => {
    const diff = diffInterchange(
      {
        format: INTERCHANGE_FORMAT,
        businessUnits: [],
        nodes: [
          { key: 'P-1', kind: 'project', title: 'One', budget: 5, owner: null },
          { key: 'P-2', kind: 'project', title: 'Two' },
          { key: 'P-3', kind: 'project', title: 'Three', tags: [] },
        ],
        links: [],
        checkIns: [],
      },
      {
        units: new Map(),
        nodes: new Map([
          ['P-1', { title: 'One', budget: 4, owner: 'Ann', stage: 'build' }],
          ['P-3', { title: 'Three', tags: null }],
        ]),
        links: new Map(),
        checkIns: new Map(),
      },
    );
    expect(diff.nodes).toMatchObject({ created: 1, updated: 1, unchanged: 1, creates: ['P-2'] });
    expect(diff.nodes.updates[0].changes).toEqual([
      { field: 'owner', before: 'Ann', after: null },
      { field: 'budget', before: 4, after: 5 },
    ]);
  });
});

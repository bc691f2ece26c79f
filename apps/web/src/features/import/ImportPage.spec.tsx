import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SheetImportResult } from '../../api/import.queries';
import { renderApp, sessionOf } from '../../app/testing';
import { apiError, mockApi } from '../../test/mockApi';

const FIELDS = ['key', 'title', 'description', 'budget', 'startDate'].map((field) => ({
  field,
  required: field === 'key' || field === 'title',
  rule: 'must be…',
}));

const DRY: SheetImportResult = {
  kind: 'projects',
  format: 'csv',
  dryRun: true,
  columns: ['Key', 'Name', 'Budget'],
  mapping: { Key: 'key', Name: 'title', Budget: 'budget' },
  mappingSource: 'request',
  rows: 2,
  diff: {
    businessUnits: { created: 0, updated: 0, unchanged: 0, creates: [], updates: [], truncated: false },
    nodes: {
      created: 1,
      updated: 1,
      unchanged: 0,
      creates: ['PRJ-2'],
      updates: [{ key: 'PRJ-1', changes: [{ field: 'budget', before: 1000, after: 2500 }] }],
      truncated: false,
    },
    links: { created: 0, updated: 0, unchanged: 0, creates: [], updates: [], truncated: false },
    checkIns: { created: 0, updated: 0, unchanged: 0, creates: [], updates: [], truncated: false },
  },
};

const csvFile = () =>
  new File(['Key,Name,Budget\nPRJ-1,Fibre,2500\nPRJ-2,New,10\n'], 'projects.csv', { type: 'text/csv' });

describe('Import page', () => {
  it('maps the columns (remembered mapping preselected), shows the dry run, then imports', async () => {
    const api = mockApi({
      'GET /auth/session': sessionOf('pmo'),
      'GET /portfolio/spreadsheet/mappings/projects': {
        kind: 'projects',
        mapping: { Key: 'key', Name: 'title' },
        fields: FIELDS,
      },
      'POST /portfolio/spreadsheet': (r: { query: URLSearchParams }) =>
        r.query.get('dryRun') === 'true'
          ? DRY
          : {
              ...DRY,
              dryRun: false,
              diff: undefined,
              summary: {
                nodes: { created: 1, updated: 1, unchanged: 0 },
                links: { created: 0, updated: 0, unchanged: 0 },
                businessUnits: { created: 0, updated: 0, unchanged: 0 },
                checkIns: { created: 0, updated: 0, unchanged: 0 },
              },
            },
    });
    renderApp('/import');
    await userEvent.upload(await screen.findByLabelText('File'), csvFile());
    const key = await screen.findByLabelText('Field for Key');
    await waitFor(() => expect(key).toHaveValue('key'));
    expect(screen.getByLabelText('Field for Name')).toHaveValue('title');
    expect(screen.getByLabelText('Field for Budget')).toHaveValue('');
    await userEvent.selectOptions(screen.getByLabelText('Field for Budget'), 'budget');
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));

    const counts = await screen.findByTestId('diff-counts');
    expect(within(counts).getByRole('row', { name: /Nodes/ })).toHaveTextContent('Nodes110');
    expect(screen.getByTestId('diff-create')).toHaveTextContent('PRJ-2');
    expect(screen.getByTestId('diff-update')).toHaveTextContent('PRJ-1changeBudget10002500');
    const dry = api.calls.find((c) => c.path === '/portfolio/spreadsheet')!;
    expect(dry.query.get('dryRun')).toBe('true');
    expect(JSON.parse(dry.query.get('mapping')!)).toEqual({ Key: 'key', Name: 'title', Budget: 'budget' });
    expect(dry.headers['Content-Type']).toBe('text/csv');

    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByTestId('import-done')).toHaveTextContent('Imported 2 rows: 1 created, 1 changed');
    expect(
      api.calls
        .filter((c) => c.path === '/portfolio/spreadsheet')
        .at(-1)!
        .query.get('dryRun'),
    ).toBe('false');
  });

  it('lists a refused file’s problems by line and column', async () => {
    mockApi({
      'GET /auth/session': sessionOf('admin'),
      'GET /portfolio/spreadsheet/mappings/projects': { kind: 'projects', mapping: null, fields: FIELDS },
      'POST /portfolio/spreadsheet': apiError(
        422,
        'IMPORT_INVALID',
        'Line 3, column "Budget": "lots" is not a number.',
        [{ line: 3, column: 'Budget', field: 'budget', message: '"lots" is not a number' }],
      ),
    });
    renderApp('/import');
    await userEvent.upload(await screen.findByLabelText('File'), csvFile());
    await userEvent.click(await screen.findByRole('button', { name: 'Check (dry run)' }));
    const row = await screen.findByTestId('problem-row');
    expect(row).toHaveTextContent('3Budget"lots" is not a number');
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
  });

  it('shows the governance sections a dry run has (OKR cycles, waivers, RAID items) beside the others', async () => {
    const section = (created: number, updated: number, unchanged: number, creates: string[] = []) => ({
      created,
      updated,
      unchanged,
      creates,
      updates: [],
      truncated: false,
    });
    mockApi({
      'GET /auth/session': sessionOf('pmo'),
      'GET /portfolio/spreadsheet/mappings/projects': { kind: 'projects', mapping: null, fields: FIELDS },
      'POST /portfolio/spreadsheet': {
        ...DRY,
        diff: {
          ...DRY.diff!,
          okrCycles: section(1, 1, 1, ['2027 Q2']),
          waivers: section(2, 1, 0),
          raid: {
            ...section(1, 1, 2, ['issue: Cable shortage']),
            updates: [
              { key: 'action: Order the meters', changes: [{ field: 'status', before: 'open', after: 'closed' }] },
            ],
          },
        },
      },
    });
    renderApp('/import');
    await userEvent.upload(await screen.findByLabelText('File'), csvFile());
    await userEvent.click(await screen.findByRole('button', { name: 'Check (dry run)' }));

    const counts = await screen.findByTestId('diff-counts');
    expect(
      within(counts)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['To createTo changeUnchanged', 'OKR cycles111', 'Nodes110', 'Waivers210', 'RAID items112']);
    const raid = screen.getByRole('table', { name: 'RAID items' });
    expect(within(raid).getByTestId('diff-create')).toHaveTextContent('issue: Cable shortagecreate');
    expect(within(raid).getByTestId('diff-update')).toHaveTextContent('action: Order the meterschangeStatusopenclosed');
    expect(screen.getByRole('table', { name: 'OKR cycles' })).toHaveTextContent('2027 Q2');
  });

  it('is a PMO’s or admin’s page: not offered to a contributor', async () => {
    mockApi({ 'GET /auth/session': sessionOf('contributor') });
    renderApp('/import');
    expect(await screen.findByText('Not available to your role')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Import' })).not.toBeInTheDocument();
  });
});

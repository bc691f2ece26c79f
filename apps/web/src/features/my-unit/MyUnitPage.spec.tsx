import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, sessionOf } from '../../app/testing';
import { mockApi, type MockRequest } from '../../test/mockApi';

const UNITS = [
  { id: 'unit-gen', key: 'GEN', name: 'Renewables', parentId: null, version: 1 },
  { id: 'unit-net', key: 'NET', name: 'Networks', parentId: null, version: 1 },
];
const node = (id: string, key: string, kind: string, title: string, extra: object = {}) => ({
  id,
  key,
  kind,
  title,
  status: 'active',
  health: 'green',
  owner: null,
  businessUnitId: 'unit-gen',
  version: 3,
  ...extra,
});
const BAU = node('b1', 'BAU-1', 'bau', 'Wind farm upkeep', { annualCost: 250_000 });
const PRJ = node('p1', 'PRJ-1', 'project', 'Solar pilot', { budget: 1_000_000 });
const OBJ = node('o1', 'OBJ-1', 'objective', 'Cleaner energy', { businessUnitId: null });
const KR = node('k1', 'KR-1.1', 'key_result', 'Renewable share', { businessUnitId: null });

function api(extra: Record<string, unknown> = {}) {
  return mockApi({
    'GET /health': { status: 'ok', database: 'connected' },
    'GET /auth/session': sessionOf('contributor'),
    'GET /notifications': { items: [], unread: 0 },
    'GET /business-units': UNITS,
    'GET /nodes': (r: MockRequest) =>
      r.query.get('businessUnit') === 'unit-gen'
        ? { items: [BAU, PRJ], nextCursor: null }
        : { items: [OBJ, KR], nextCursor: null },
    'GET /links': (r: MockRequest) =>
      r.query.get('nodeId') === 'b1'
        ? [{ id: 'l1', fromId: 'b1', toId: 'k1', kind: 'contributes_to', state: 'approved' }]
        : r.query.get('nodeId') === 'p1'
          ? [{ id: 'l2', fromId: 'p1', toId: 'o1', kind: 'contributes_to', state: 'proposed' }]
          : [],
    ...extra,
  });
}

describe('MyUnitPage', () => {
  it('is the contributor’s home: its units’ work with money and the state of each link to strategy', async () => {
    api();
    const app = renderApp('/');
    const bau = await screen.findByTestId('work-BAU-1');
    expect(app.location()).toBe('/my-unit');
    expect(bau).toHaveTextContent('£250,000');
    expect(await within(bau).findByText(/KR-1.1/)).toHaveTextContent('approved');
    const project = screen.getByTestId('work-PRJ-1');
    expect(await within(project).findByText(/OBJ-1/)).toHaveTextContent('waiting for approval');
    expect(screen.getByRole('heading', { name: 'My unit' })).toBeInTheDocument();
  });

  it('changes an item’s health in place, naming the version it saw', async () => {
    const calls = api({ 'PATCH /nodes/b1': { ...BAU, health: 'red', version: 4 } });
    renderApp('/my-unit');
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Health of BAU-1' }), 'red');
    expect(await screen.findByText('BAU-1: health red')).toBeInTheDocument();
    expect(calls.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ health: 'red', version: 3 });
  });

  it('proposes a link only with an interpretation note, and sends the note and the weight', async () => {
    const calls = api({ 'POST /links': (r: MockRequest) => ({ id: 'l9', ...(r.body as object), state: 'proposed' }) });
    renderApp('/my-unit');
    await userEvent.click(await screen.findByRole('button', { name: 'Propose a link from BAU-1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Propose a link from BAU-1' });
    await userEvent.selectOptions(within(dialog).getByLabelText('Serves'), 'o1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Propose' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('interpretation note');
    expect(calls.calls.some((c) => c.method === 'POST' && c.path === '/links')).toBe(false);
    await userEvent.type(
      within(dialog).getByLabelText('Interpretation note (required)'),
      ' Upkeep keeps the farms running ',
    );
    await userEvent.type(within(dialog).getByLabelText('Weight (optional)'), '30');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Propose' }));
    expect(await screen.findByText(/Link proposed/)).toBeInTheDocument();
    expect(calls.calls.find((c) => c.method === 'POST' && c.path === '/links')?.body).toEqual({
      fromId: 'b1',
      toId: 'o1',
      kind: 'contributes_to',
      rationale: 'Upkeep keeps the farms running',
      weight: 30,
      state: 'proposed',
    });
  });

  it('declares a dependency on another unit’s work, offering only other units’ work', async () => {
    const AST = node('a7', 'AST-7', 'asset', 'Customer master data', { businessUnitId: 'unit-net' });
    const calls = api({
      'GET /nodes': (r: MockRequest) =>
        r.query.get('q')
          ? { items: [AST, PRJ, OBJ], nextCursor: null }
          : r.query.get('businessUnit') === 'unit-gen'
            ? { items: [BAU, PRJ], nextCursor: null }
            : { items: [OBJ, KR], nextCursor: null },
      'POST /links': (r: MockRequest) => ({ id: 'l8', ...(r.body as object), state: 'proposed' }),
    });
    renderApp('/my-unit');
    await userEvent.click(await screen.findByRole('button', { name: 'Propose a link from BAU-1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Propose a link from BAU-1' });
    await userEvent.click(within(dialog).getByRole('radio', { name: /Depends on another unit/ }));
    await userEvent.type(within(dialog).getByRole('searchbox', { name: /Depends on/ }), 'st');
    const hits = await within(dialog).findByRole('list', { name: 'Matching work' });
    // PRJ-1 is the same unit's and OBJ-1 is strategy: only AST-7 is offered.
    expect(
      within(hits)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['AST-7 Customer master data']);
    await userEvent.click(within(hits).getByRole('button'));
    await userEvent.type(within(dialog).getByLabelText(/What it needs/), 'Verified addresses');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Propose' }));
    expect(await screen.findByText(/Dependency declared/)).toBeInTheDocument();
    expect(calls.calls.find((c) => c.method === 'POST' && c.path === '/links')?.body).toEqual({
      fromId: 'b1',
      toId: 'a7',
      kind: 'depends_on',
      rationale: 'Verified addresses',
      weight: null,
      state: 'proposed',
    });
  });

  it('registers a BAU activity in the contributor’s unit with the shared node fields', async () => {
    const calls = api({
      'POST /nodes': (r: MockRequest) => ({ ...BAU, id: 'b2', key: 'BAU-2', ...(r.body as object) }),
    });
    renderApp('/my-unit');
    await userEvent.click(await screen.findByRole('button', { name: 'Add BAU activity' }));
    const dialog = await screen.findByRole('dialog', { name: 'New BAU activity' });
    await userEvent.type(within(dialog).getByLabelText('Title'), 'Turbine inspections');
    await userEvent.type(within(dialog).getByLabelText('Annual cost'), '120000');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create BAU activity' }));
    expect(await screen.findByText('BAU-2 created')).toBeInTheDocument();
    expect(calls.calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      kind: 'bau',
      title: 'Turbine inspections',
      annualCost: 120000,
      businessUnitId: 'unit-gen',
    });
  });
});

import { QueryClientProvider } from '@tanstack/react-query';
import type { BusinessUnitRecord, NodeRecord } from '@throughline/domain';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role, Session } from '../../../api/auth.queries';
import { createQueryClient } from '../../../app/queryClient';
import { sessionOf } from '../../../app/testing';
import { mockApi } from '../../../test/mockApi';
import { ToastProvider } from '../../../ui/Toasts';
import { NodePanel } from './NodePanel';
import { readOnlyReason } from './readOnly';

const units = [
  { id: 'unit-gen', key: 'GEN', name: 'Renewables' },
  { id: 'unit-net', key: 'NET', name: 'Networks' },
] as BusinessUnitRecord[];

const base = {
  id: 'n1',
  description: 'Why it matters',
  owner: 'Chief Customer Officer',
  status: 'active',
  health: 'amber',
  startDate: null,
  endDate: null,
  tags: ['smart'],
  version: 4,
  createdAt: '2026-10-01T09:00:00Z',
  updatedAt: '2026-10-01T09:00:00Z',
  createdBy: 'PMO lead',
  updatedBy: 'PMO lead',
};
const objective = {
  ...base,
  key: 'OBJ-1',
  kind: 'objective',
  title: 'Decarbonise',
  businessUnitId: null,
} as NodeRecord;
const project = (unitId: string) =>
  ({ ...base, key: 'PRJ-7', kind: 'project', title: 'Grid upgrade', businessUnitId: unitId }) as NodeRecord;
const keyResult = {
  ...base,
  key: 'KR-2',
  kind: 'key_result',
  title: 'Halve emissions',
  businessUnitId: null,
  owner: 'Ada contributor',
  baseline: 100,
  target: 50,
  current: 80,
  unit: 'kt',
} as unknown as NodeRecord;

function renderPanel(record: NodeRecord, role: Role, overrides: Partial<Session> = {}) {
  mockApi({
    'GET /auth/session': sessionOf(role, overrides),
    'GET /nodes/n1': record,
    'GET /nodes/n1/check-ins': [{ id: 'c1', at: '2026-11-01', value: 80, confidence: 0.6, note: 'on track' }],
    'GET /links': [],
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ToastProvider>
        <NodePanel
          nodeId="n1"
          units={units}
          nodesById={new Map()}
          onClose={jest.fn()}
          onTrace={jest.fn()}
          onDelete={jest.fn()}
          onShowNode={jest.fn()}
          onLink={jest.fn()}
        />
      </ToastProvider>
    </QueryClientProvider>,
  );
}

function expectReadOnly() {
  const panel = screen.getByTestId('node-panel');
  expect(within(panel).queryByRole('textbox')).toBeNull();
  expect(within(panel).queryByRole('combobox')).toBeNull();
  for (const name of ['Save', 'Revert', 'Delete']) expect(within(panel).queryByRole('button', { name })).toBeNull();
}

describe('NodePanel for a member who may not change the node', () => {
  it('shows a contributor an objective as text, no Save/Revert/Delete, and says who may change it', async () => {
    renderPanel(objective, 'contributor');
    expect(await screen.findByTestId('read-only-reason')).toHaveTextContent(
      'Only a PMO lead or an admin can change an objective.',
    );
    expectReadOnly();
    // The fields are all there, as text.
    const title = screen.getByText('Title').closest('.field')!;
    expect(title).toHaveTextContent('Decarbonise');
    expect(screen.getByText('Owner').closest('.field')).toHaveTextContent('Chief Customer Officer');
    expect(screen.getByText('Business unit').closest('.field')).toHaveTextContent('—');
    expect(screen.getByText('Version 4 · PMO lead')).toBeInTheDocument();
    // Tracing and the history stay.
    expect(screen.getByRole('button', { name: 'Trace' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'history' })).toBeInTheDocument();
  });

  it('gives a contributor the form for its own unit’s work', async () => {
    renderPanel(project('unit-gen'), 'contributor');
    expect(await screen.findByLabelText('Title')).toHaveValue('Grid upgrade');
    expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(screen.queryByTestId('read-only-reason')).toBeNull();
  });

  it('shows a contributor another unit’s work read-only, naming that unit', async () => {
    renderPanel(project('unit-net'), 'contributor');
    expect(await screen.findByTestId('read-only-reason')).toHaveTextContent(
      'Only Networks’ contributors, a PMO lead or an admin can change this project.',
    );
    expectReadOnly();
    expect(screen.getByText('Business unit').closest('.field')).toHaveTextContent('NET — Networks');
  });

  it('shows dates and money as the organisation writes them, not as the API sends them', async () => {
    renderPanel({ ...project('unit-net'), startDate: '2026-01-05', budget: 2_500_000 } as NodeRecord, 'executive');
    await screen.findByTestId('read-only-reason');
    expect(screen.getByText('Start').closest('.field')).toHaveTextContent('5 Jan 2026');
    expect(screen.getByText('Budget').closest('.field')).toHaveTextContent('£2,500,000');
  });

  it('shows an executive even its own unit’s work read-only', async () => {
    renderPanel(project('unit-gen'), 'executive', { unitIds: ['unit-gen'] });
    expect(await screen.findByTestId('read-only-reason')).toBeInTheDocument();
    expectReadOnly();
  });

  it('lets the owner of a key result check in, though its fields are read-only', async () => {
    renderPanel(keyResult, 'contributor');
    expect(await screen.findByTestId('read-only-reason')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'check ins' }));
    expect(await screen.findByText('on track')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add check-in' })).toBeInTheDocument();
  });

  it('shows another contributor the check-ins but no form, and says who may check in', async () => {
    renderPanel(keyResult, 'contributor', {
      user: { id: 'u2', name: 'Bo Builder', email: 'bo@acme.test', totpEnabled: false },
    });
    await screen.findByTestId('read-only-reason');
    await userEvent.click(screen.getByRole('tab', { name: 'check ins' }));
    expect(await screen.findByText('on track')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add check-in' })).toBeNull();
    expect(screen.getByTestId('check-in-reason')).toHaveTextContent(
      'Only a PMO lead, an admin or this key result’s owner (Ada contributor) can check in.',
    );
  });

  it('gives a PMO lead the objective’s form', async () => {
    renderPanel(objective, 'pmo');
    expect(await screen.findByLabelText('Title')).toHaveValue('Decarbonise');
    expect(screen.getByRole('button', { name: 'Delete' })).toBeInTheDocument();
  });
});

describe(readOnlyReason.name, () => {
  it('names who may change each kind', () => {
    expect(readOnlyReason({ kind: 'theme' }, units)).toBe('Only a PMO lead or an admin can change a theme.');
    expect(readOnlyReason({ kind: 'key_result' }, units)).toBe('Only a PMO lead or an admin can change a key result.');
    expect(readOnlyReason({ kind: 'bau', businessUnitId: 'unit-gen' }, units)).toBe(
      'Only Renewables’ contributors, a PMO lead or an admin can change this BAU activity.',
    );
    expect(readOnlyReason({ kind: 'asset', businessUnitId: null }, units)).toBe(
      'Only a PMO lead or an admin can change a value asset without a business unit.',
    );
  });
});

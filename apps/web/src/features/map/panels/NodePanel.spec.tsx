import { QueryClientProvider } from '@tanstack/react-query';
import type { NodeRecord } from '@throughline/domain';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createQueryClient } from '../../../app/queryClient';
import { sessionOf } from '../../../app/testing';
import { apiError, mockApi, type MockRequest } from '../../../test/mockApi';
import { ToastProvider } from '../../../ui/Toasts';
import { NodePanel } from './NodePanel';

const mine: NodeRecord = {
  id: 'n1',
  key: 'OBJ-3',
  kind: 'objective',
  title: 'Make every home smart-ready',
  description: '',
  businessUnitId: null,
  owner: 'Chief Customer Officer',
  status: 'active',
  health: 'amber',
  startDate: null,
  endDate: null,
  tags: [],
  version: 1,
  createdAt: '2026-10-01T09:00:00Z',
  updatedAt: '2026-10-01T09:00:00Z',
  createdBy: 'PMO lead',
  updatedBy: 'PMO lead',
  priority: 1,
  targetDate: '2028-03-31',
};
// Saved by someone else meanwhile: a new title and health.
const theirs: NodeRecord = {
  ...mine,
  version: 2,
  title: 'Smart-ready homes',
  health: 'red',
  updatedBy: 'Alex Chen',
  updatedAt: '2026-10-02T10:30:00Z',
};

function renderPanel(patch: (r: MockRequest) => unknown) {
  const api = mockApi({ 'GET /auth/session': sessionOf('pmo'), 'GET /nodes/n1': mine, 'PATCH /nodes/n1': patch });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <ToastProvider>
        <NodePanel
          nodeId="n1"
          units={[]}
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
  return api;
}

async function editOwnerAndSave() {
  const owner = await screen.findByLabelText('Owner');
  await userEvent.clear(owner);
  await userEvent.type(owner, 'Head of Metering');
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  return screen.findByRole('dialog', { name: 'Someone else saved this node' });
}

describe(NodePanel.name, () => {
  it('sends only the changed fields with the version the edit started from', async () => {
    const api = renderPanel((r) => ({ ...mine, ...(r.body as object), version: 2 }));
    const owner = await screen.findByLabelText('Owner');
    await userEvent.clear(owner);
    await userEvent.type(owner, 'Head of Metering');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('OBJ-3 saved')).toBeInTheDocument();
    expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ owner: 'Head of Metering', version: 1 });
  });

  it('on a newer version, says who changed it and sets my fields beside theirs', async () => {
    renderPanel(() => apiError(409, 'VERSION_CONFLICT', 'OBJ-3 was changed by someone else', { current: theirs }));
    const dialog = await editOwnerAndSave();
    expect(within(dialog).getByTestId('conflict-who')).toHaveTextContent('Alex Chen changed OBJ-3');
    expect(within(dialog).getByTestId('conflict-who')).toHaveTextContent('version 2; you started from version 1');
    const row = within(dialog).getByRole('row', { name: /Owner/ });
    expect(row).toHaveTextContent('Head of Metering');
    expect(row).toHaveTextContent('Chief Customer Officer');
    expect(dialog).toHaveTextContent('They also changed Title, Health; overwriting keeps those.');
    // Nothing was lost: my edit is still in the form behind the dialog.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByLabelText('Owner')).toHaveValue('Head of Metering');
  });

  it('overwrites with mine: only my fields, on top of their version', async () => {
    let first = true;
    const api = renderPanel((r) => {
      if (first) {
        first = false;
        return apiError(409, 'VERSION_CONFLICT', 'changed', { current: theirs });
      }
      return { ...theirs, ...(r.body as object), version: 3 };
    });
    const dialog = await editOwnerAndSave();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Overwrite with mine' }));
    expect(await screen.findByText('OBJ-3 saved')).toBeInTheDocument();
    const patches = api.calls.filter((c) => c.method === 'PATCH').map((c) => c.body);
    expect(patches).toEqual([
      { owner: 'Head of Metering', version: 1 },
      { owner: 'Head of Metering', version: 2 },
    ]);
    expect(screen.getByLabelText('Title')).toHaveValue('Smart-ready homes');
  });

  it('reloads theirs: their values in the form, nothing sent', async () => {
    const api = renderPanel(() => apiError(409, 'VERSION_CONFLICT', 'changed', { current: theirs }));
    const dialog = await editOwnerAndSave();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reload theirs' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText('Owner')).toHaveValue('Chief Customer Officer');
    expect(screen.getByLabelText('Title')).toHaveValue('Smart-ready homes');
    expect(screen.getByText('Version 2 · Alex Chen')).toBeInTheDocument();
    expect(api.calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
  });
});

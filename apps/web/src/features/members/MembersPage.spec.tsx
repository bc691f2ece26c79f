import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, sessionOf } from '../../app/testing';
import { mockApi, type MockRequest } from '../../test/mockApi';

const UNITS = [
  { id: 'unit-gen', key: 'GEN', name: 'Renewables', parentId: null, version: 1 },
  { id: 'unit-net', key: 'NET', name: 'Networks', parentId: null, version: 1 },
];
const MEMBERS = [
  { userId: 'user-admin', name: 'Ada admin', email: 'admin@acme.test', role: 'admin', unitIds: [] },
  { userId: 'user-bo', name: 'Bo Brown', email: 'bo@acme.test', role: 'executive', unitIds: [] },
];

function api(extra: Record<string, unknown> = {}) {
  return mockApi({
    'GET /health': { status: 'ok', database: 'connected' },
    'GET /auth/session': sessionOf('admin'),
    'GET /business-units': UNITS,
    'GET /members': MEMBERS,
    'GET /members/invites': [],
    ...extra,
  });
}

describe('MembersPage', () => {
  it('invites a contributor with its units and shows the one-time link to copy', async () => {
    const calls = api({
      'POST /members/invites': (request: MockRequest) => ({
        id: 'inv-1',
        ...(request.body as object),
        expiresAt: '2026-12-07T12:00:00Z',
        link: '/invite/tok-123',
      }),
    });
    renderApp('/members');
    const form = await screen.findByRole('region', { name: 'Invite a member' });
    await userEvent.type(within(form).getByLabelText('Email'), 'cara@acme.test');
    expect(within(form).getByRole('combobox', { name: 'Role' })).toHaveValue('contributor');
    // A contributor without units could change nothing: the invite waits for them.
    expect(within(form).getByRole('button', { name: 'Invite' })).toBeDisabled();
    await userEvent.click(within(form).getByText('No units'));
    await userEvent.click(within(form).getByRole('checkbox', { name: /GEN/ }));
    await userEvent.click(within(form).getByRole('button', { name: 'Invite' }));

    const created = await screen.findByTestId('invite-created');
    expect(created).toHaveTextContent('cara@acme.test as Contributor');
    expect(within(created).getByTestId('one-time-link')).toHaveValue('http://localhost/invite/tok-123');
    expect(calls.calls.find((c) => c.method === 'POST')?.body).toEqual({
      email: 'cara@acme.test',
      role: 'contributor',
      unitIds: ['unit-gen'],
    });
  });

  it('invites a pmo without units', async () => {
    const calls = api({
      'POST /members/invites': {
        id: 'i',
        email: 'p@acme.test',
        role: 'pmo',
        unitIds: [],
        expiresAt: '2026-12-07T12:00:00Z',
        link: 'http://x/invite/t',
      },
    });
    renderApp('/members');
    const form = await screen.findByRole('region', { name: 'Invite a member' });
    await userEvent.type(within(form).getByLabelText('Email'), 'p@acme.test');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Role' }), 'pmo');
    expect(within(form).queryByText('No units')).not.toBeInTheDocument();
    await userEvent.click(within(form).getByRole('button', { name: 'Invite' }));
    await screen.findByTestId('invite-created');
    expect(calls.calls.find((c) => c.method === 'POST')?.body).toEqual({ email: 'p@acme.test', role: 'pmo' });
  });

  it('changes a member’s role, issues a reset link, and removes a member after confirming', async () => {
    const calls = api({
      'PATCH /members/user-bo': (request: MockRequest) => ({ ...MEMBERS[1], ...(request.body as object) }),
      'POST /members/user-bo/password-reset': { link: '/reset-password/r-9', expiresAt: '2026-12-01T12:00:00Z' },
      'DELETE /members/user-bo': undefined,
    });
    renderApp('/members');
    // Your own role and membership are another admin's to change (no locking yourself out).
    expect(await screen.findByRole('combobox', { name: 'Role of Ada admin' })).toBeDisabled();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role of Bo Brown' }), 'pmo');
    await waitFor(() =>
      expect(calls.calls.find((c) => c.method === 'PATCH')).toMatchObject({
        path: '/members/user-bo',
        body: { role: 'pmo' },
      }),
    );

    const row = screen.getAllByTestId('member-row').find((r) => r.dataset.email === 'bo@acme.test')!;
    await userEvent.click(within(row).getByRole('button', { name: 'Reset link' }));
    const dialog = await screen.findByRole('dialog', { name: 'Password reset link for Bo Brown' });
    expect(within(dialog).getByTestId('one-time-link')).toHaveValue('http://localhost/reset-password/r-9');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));

    await userEvent.click(within(row).getByRole('button', { name: 'Remove' }));
    const confirm = await screen.findByRole('dialog', { name: 'Remove Bo Brown?' });
    expect(calls.calls.some((c) => c.method === 'DELETE')).toBe(false);
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await waitFor(() =>
      expect(calls.calls.some((c) => c.method === 'DELETE' && c.path === '/members/user-bo')).toBe(true),
    );
  });
});

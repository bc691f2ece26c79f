import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, sessionOf } from '../../app/testing';
import { apiError, mockApi, type MockRequest } from '../../test/mockApi';

const ORG = { id: 'org-acme', name: 'Acme', slug: 'acme', currency: 'GBP', locale: 'en-GB', requireTotp: false };
const UNITS = [{ id: 'unit-gen', key: 'GEN', name: 'Renewables', parentId: null, ownerId: 'user-bo', version: 3 }];
const MEMBERS = [
  { userId: 'user-admin', name: 'Ada admin', email: 'admin@acme.test', role: 'admin', unitIds: [] },
  { userId: 'user-bo', name: 'Bo Brown', email: 'bo@acme.test', role: 'pmo', unitIds: [] },
];

function api(extra: Record<string, unknown> = {}) {
  let session = sessionOf('admin', {
    user: { id: 'user-admin', name: 'Ada admin', email: 'admin@acme.test', totpEnabled: true },
  });
  const mock = mockApi({
    'GET /health': { status: 'ok', database: 'connected' },
    'GET /auth/session': () => session,
    'GET /organisation': ORG,
    'GET /business-units': UNITS,
    'GET /members': MEMBERS,
    'GET /audit/rules': { settings: { staleCheckInDays: 30, danglingProposalDays: 14 }, rules: [] },
    'PATCH /organisation': (request: MockRequest) => {
      const changed = { ...ORG, ...(request.body as object) };
      session = { ...session, organisation: { ...session.organisation, ...(request.body as object) } };
      return changed;
    },
    ...extra,
  });
  return mock;
}

describe('SettingsPage', () => {
  it('saves name, currency, locale and the second-factor rule; amounts then follow the new currency', async () => {
    const calls = api();
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'Organisation' });
    expect(within(card).getByTestId('format-preview')).toHaveTextContent('£1,250,000 · 30 Nov 2026');
    await userEvent.selectOptions(within(card).getByRole('combobox', { name: 'Currency' }), 'EUR');
    await userEvent.selectOptions(within(card).getByRole('combobox', { name: 'Locale' }), 'de-DE');
    expect(within(card).getByTestId('format-preview')).toHaveTextContent('1.250.000 € · 30. Nov. 2026');
    await userEvent.click(within(card).getByRole('checkbox', { name: /Require a second factor/ }));
    await userEvent.click(within(card).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(calls.calls.find((c) => c.method === 'PATCH')?.body).toEqual({
        name: 'Acme',
        currency: 'EUR',
        locale: 'de-DE',
        requireTotp: true,
      }),
    );
    // The session is asked again, so every amount on every screen uses the new currency.
    await waitFor(() => expect(calls.calls.filter((c) => c.path === '/auth/session').length).toBe(2));
  });

  it('lets an admin require a second factor only once it has its own', async () => {
    api({ 'GET /auth/session': sessionOf('admin') });
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'Organisation' });
    expect(within(card).getByRole('checkbox', { name: /Require a second factor/ })).toBeDisabled();
    expect(within(card).getByText(/Turn on your own second factor first/)).toBeInTheDocument();
  });

  it('lists business units with their owners and adds one with an owner', async () => {
    const calls = api({
      'POST /business-units': (request: MockRequest) => ({ id: 'unit-net', version: 1, ...(request.body as object) }),
    });
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'Business units' });
    const table = within(card).getByTestId('units-table');
    expect(await within(table).findByRole('cell', { name: 'Bo Brown' })).toBeInTheDocument();
    const rows = within(table).getAllByRole('row');
    const adding = rows[rows.length - 1];
    await userEvent.type(within(adding).getByLabelText('Key'), 'NET');
    await userEvent.type(within(adding).getByLabelText('Name'), 'Networks');
    await userEvent.selectOptions(within(adding).getByRole('combobox', { name: 'Owner' }), 'user-admin');
    await userEvent.click(within(adding).getByRole('button', { name: 'Add unit' }));
    await waitFor(() =>
      expect(calls.calls.find((c) => c.method === 'POST')?.body).toEqual({
        key: 'NET',
        name: 'Networks',
        parentId: null,
        ownerId: 'user-admin',
      }),
    );
  });

  it('leaves the owner out while the API’s units have none', async () => {
    const calls = api({
      'GET /business-units': [{ id: 'unit-gen', key: 'GEN', name: 'Renewables', parentId: null, version: 3 }],
      'POST /business-units': (request: MockRequest) => ({ id: 'unit-net', version: 1, ...(request.body as object) }),
    });
    renderApp('/settings');
    const table = within(await screen.findByRole('region', { name: 'Business units' })).getByTestId('units-table');
    await within(table).findByText('GEN');
    expect(within(table).queryByRole('columnheader', { name: 'Owner' })).not.toBeInTheDocument();
    const rows = within(table).getAllByRole('row');
    await userEvent.type(within(rows[rows.length - 1]).getByLabelText('Key'), 'NET');
    await userEvent.type(within(rows[rows.length - 1]).getByLabelText('Name'), 'Networks');
    await userEvent.click(within(rows[rows.length - 1]).getByRole('button', { name: 'Add unit' }));
    await waitFor(() =>
      expect(calls.calls.find((c) => c.method === 'POST')?.body).toEqual({
        key: 'NET',
        name: 'Networks',
        parentId: null,
      }),
    );
  });

  it('says why a unit in use cannot be deleted', async () => {
    api({ 'DELETE /business-units/unit-gen': apiError(409, 'IN_USE', 'GEN still has 12 nodes.') });
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'Business units' });
    await userEvent.click(await within(card).findByRole('button', { name: 'Delete' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete unit' }));
    expect(await screen.findByText('GEN still has 12 nodes.')).toBeInTheDocument();
  });

  it('deletes the organisation only once its name is typed', async () => {
    const calls = api({ 'DELETE /organisation': undefined });
    renderApp('/settings');
    await userEvent.click(await screen.findByRole('button', { name: 'Delete organisation…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Acme?' });
    const go = within(dialog).getByRole('button', { name: 'Delete for good' });
    expect(go).toBeDisabled();
    await userEvent.type(within(dialog).getByRole('textbox'), 'Acm');
    expect(go).toBeDisabled();
    await userEvent.type(within(dialog).getByRole('textbox'), 'e');
    await userEvent.click(go);
    await waitFor(() => expect(calls.calls.find((c) => c.method === 'DELETE')?.body).toEqual({ confirmName: 'Acme' }));
  });

  it('saves the audit thresholds', async () => {
    const calls = api({ 'PATCH /audit/settings': { staleCheckInDays: 45, danglingProposalDays: 14 } });
    renderApp('/settings');
    const card = await screen.findByRole('region', { name: 'Audit thresholds' });
    const stale = await within(card).findByLabelText(/stale after/);
    expect(stale).toHaveValue(30);
    await userEvent.clear(stale);
    await userEvent.type(stale, '45');
    await userEvent.click(within(card).getByRole('button', { name: 'Save thresholds' }));
    await waitFor(() =>
      expect(calls.calls.find((c) => c.path === '/audit/settings')?.body).toEqual({
        staleCheckInDays: 45,
        danglingProposalDays: 14,
      }),
    );
  });
});

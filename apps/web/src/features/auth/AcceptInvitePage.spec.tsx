import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, sessionOf } from '../../app/testing';
import { apiError, mockApi, type MockRequest } from '../../test/mockApi';

describe('AcceptInvitePage', () => {
  it('shows who invites whom, and accepting signs the new member in', async () => {
    let signedIn = false;
    const api = mockApi({
      'GET /health': { status: 'ok', database: 'connected' },
      'GET /auth/session': () => (signedIn ? sessionOf('contributor') : apiError(401, 'UNAUTHENTICATED', 'no')),
      'GET /invites/tok-1': { organisationName: 'Acme', email: 'cara@acme.test', role: 'contributor' },
      'POST /invites/tok-1/accept': () => {
        signedIn = true;
        return sessionOf('contributor');
      },
      'GET /nodes': { items: [{ id: 'n' }], total: 1 },
      'GET /graph': { scope: 'all', nodes: [], links: [], truncated: false },
      'GET /business-units': [],
      'GET /audit': { generatedAt: '2026-11-01T00:00:00Z', summary: { error: 0, warning: 0, info: 0 }, findings: [] },
      'GET /coverage': { rollups: [] },
    });
    const app = renderApp('/invite/tok-1');
    expect(await screen.findByRole('heading', { name: 'Join Acme' })).toBeInTheDocument();
    expect(screen.getByText(/invited as/)).toHaveTextContent('invited as Contributor with the email cara@acme.test');
    await userEvent.type(screen.getByLabelText('Your name'), 'Cara Jones');
    await userEvent.type(screen.getByLabelText('Choose a password'), 'a-long-passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Join Acme' }));
    expect(await screen.findByTestId('header-user')).toHaveTextContent('Contributor');
    expect(app.location()).toBe('/');
    expect(api.calls.find((c) => c.path === '/invites/tok-1/accept')?.body).toEqual({
      name: 'Cara Jones',
      password: 'a-long-passphrase',
    });
  });

  it('asks someone who has an account only for its password', async () => {
    const api = mockApi({
      'GET /auth/session': apiError(401, 'UNAUTHENTICATED', 'no'),
      'GET /invites/tok-2': {
        organisationName: 'Beta',
        email: 'cara@acme.test',
        role: 'executive',
        accountExists: true,
      },
      'POST /invites/tok-2/accept': apiError(401, 'INVALID_CREDENTIALS', 'Wrong password.'),
    });
    renderApp('/invite/tok-2');
    expect(await screen.findByText(/You have a Throughline account already/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Your password'), 'my-old-password');
    await userEvent.click(screen.getByRole('button', { name: 'Join Beta' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That password is not right.');
    expect(api.calls.find((c) => c.path === '/invites/tok-2/accept')?.body).toEqual({ password: 'my-old-password' });
  });

  it('asks an account with a second factor for its code as well', async () => {
    const api = mockApi({
      'GET /auth/session': apiError(401, 'UNAUTHENTICATED', 'no'),
      'GET /invites/tok-3': { organisationName: 'Beta', email: 'cara@acme.test', role: 'pmo', accountExists: true },
      'POST /invites/tok-3/accept': (request: MockRequest) =>
        (request.body as { totpCode?: string }).totpCode === '123456'
          ? sessionOf('pmo')
          : apiError(401, 'TOTP_REQUIRED', 'A code is needed.'),
      'GET /nodes': { items: [{ id: 'n' }], total: 1 },
      'GET /graph': { scope: 'all', nodes: [], links: [], truncated: false },
      'GET /business-units': [],
      'GET /audit': { generatedAt: '2026-11-01T00:00:00Z', summary: { error: 0, warning: 0, info: 0 }, findings: [] },
      'GET /coverage': { rollups: [] },
    });
    renderApp('/invite/tok-3');
    await userEvent.type(await screen.findByLabelText('Your password'), 'my-old-password');
    await userEvent.click(screen.getByRole('button', { name: 'Join Beta' }));
    await userEvent.type(await screen.findByLabelText('Authenticator code'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Join Beta' }));
    expect(await screen.findByTestId('header-user')).toHaveTextContent('PMO lead');
    expect(api.calls.filter((c) => c.path === '/invites/tok-3/accept').map((c) => c.body)).toEqual([
      { password: 'my-old-password' },
      { password: 'my-old-password', totpCode: '123456' },
    ]);
  });

  it('says plainly when the link is used up or wrong', async () => {
    mockApi({
      'GET /auth/session': apiError(401, 'UNAUTHENTICATED', 'no'),
      'GET /invites/old': apiError(404, 'NOT_FOUND', 'No such invite.'),
    });
    renderApp('/invite/old');
    expect(await screen.findByRole('heading', { name: 'This invitation cannot be used' })).toBeInTheDocument();
  });
});

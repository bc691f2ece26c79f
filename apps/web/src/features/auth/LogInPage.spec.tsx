import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, sessionOf } from '../../app/testing';
import { apiError, mockApi, type MockRequest } from '../../test/mockApi';

const MAP = {
  'GET /health': { status: 'ok', database: 'connected' },
  'GET /nodes': { items: [{ id: 'n1' }], total: 1 },
  'GET /graph': { scope: 'all', nodes: [], links: [], truncated: false },
  'GET /business-units': [],
  'GET /audit': { generatedAt: '2026-11-01T00:00:00Z', summary: { error: 0, warning: 0, info: 0 }, findings: [] },
  'GET /coverage': { rollups: [] },
};
const SIGNED_OUT = apiError(401, 'UNAUTHENTICATED', 'Log in first.');
const DEMO = [
  { email: 'admin@northwind.example', password: 'demo-admin-pass', role: 'admin', name: 'Alex Admin' },
  {
    email: 'contributor@northwind.example',
    password: 'demo-contrib-pass',
    role: 'contributor',
    name: 'Cara Contributor',
  },
];

describe('LogInPage', () => {
  it('fills the form from a demo account and goes to the page that was wanted', async () => {
    let signedIn = false;
    const api = mockApi({
      ...MAP,
      'GET /auth/session': () => (signedIn ? sessionOf('admin') : SIGNED_OUT),
      'GET /auth/demo-accounts': DEMO,
      'GET /organisation': {
        id: 'org-acme',
        name: 'Acme',
        slug: 'acme',
        currency: 'GBP',
        locale: 'en-GB',
        requireTotp: false,
      },
      'POST /auth/log-in': () => {
        signedIn = true;
        return sessionOf('admin');
      },
    });
    const app = renderApp('/log-in?next=%2Faccount');
    await userEvent.click(await screen.findByRole('button', { name: /Contributor.*Cara Contributor/ }));
    expect(screen.getByLabelText('Email')).toHaveValue('contributor@northwind.example');
    expect(screen.getByLabelText('Password')).toHaveValue('demo-contrib-pass');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('heading', { name: 'Your account' })).toBeInTheDocument();
    expect(app.location()).toBe('/account');
    expect(api.calls.find((c) => c.path === '/auth/log-in')?.body).toEqual({
      email: 'contributor@northwind.example',
      password: 'demo-contrib-pass',
    });
  });

  it('shows no demo accounts when the API has none (404: demo off)', async () => {
    mockApi({ ...MAP, 'GET /auth/session': SIGNED_OUT });
    renderApp('/log-in');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.queryByTestId('demo-accounts')).not.toBeInTheDocument();
  });

  it('says when the email and password do not match', async () => {
    mockApi({
      ...MAP,
      'GET /auth/session': SIGNED_OUT,
      'POST /auth/log-in': apiError(401, 'INVALID_CREDENTIALS', 'Wrong email or password.'),
    });
    renderApp('/log-in');
    await userEvent.type(await screen.findByLabelText('Email'), 'a@b.test');
    await userEvent.type(screen.getByLabelText('Password'), 'not-the-password');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That email and password do not match an account.');
    expect(screen.getByRole('heading', { name: 'Log in' })).toBeInTheDocument();
  });

  it('asks for the authenticator code when the account has a second factor, then sends it', async () => {
    const attempts: unknown[] = [];
    mockApi({
      ...MAP,
      'GET /auth/session': SIGNED_OUT,
      'POST /auth/log-in': (request: MockRequest) => {
        attempts.push(request.body);
        const { totpCode } = request.body as { totpCode?: string };
        return totpCode === '123456' ? sessionOf('pmo') : apiError(401, 'TOTP_REQUIRED', 'A code is needed.');
      },
    });
    const app = renderApp('/log-in');
    await userEvent.type(await screen.findByLabelText('Email'), 'pmo@acme.test');
    await userEvent.type(screen.getByLabelText('Password'), 'correct-horse-battery');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    const code = await screen.findByLabelText('Authenticator code');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument(); // asking is not an error
    await userEvent.type(code, '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code is wrong or has expired');
    await userEvent.clear(code);
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByTestId('header-user')).toHaveTextContent('Ada pmo');
    expect(app.location()).toBe('/');
    expect(attempts).toEqual([
      { email: 'pmo@acme.test', password: 'correct-horse-battery' },
      { email: 'pmo@acme.test', password: 'correct-horse-battery', totpCode: '654321' },
      { email: 'pmo@acme.test', password: 'correct-horse-battery', totpCode: '123456' },
    ]);
  });

  it('signs up a new organisation and opens it on the welcome', async () => {
    const api = mockApi({
      ...MAP,
      'GET /nodes': { items: [], total: 0 },
      'GET /auth/session': SIGNED_OUT,
      'POST /auth/sign-up': sessionOf('admin', {
        organisation: {
          id: 'org-new',
          name: 'Newco',
          slug: 'newco',
          currency: 'GBP',
          locale: 'en-GB',
          requireTotp: false,
        },
      }),
    });
    renderApp('/sign-up');
    await userEvent.type(await screen.findByLabelText('Organisation name'), 'Newco');
    await userEvent.type(screen.getByLabelText('Your name'), 'Ada Admin');
    await userEvent.type(screen.getByLabelText('Email'), 'ada@newco.test');
    await userEvent.type(screen.getByLabelText('Password'), 'a-long-passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Create organisation' }));
    expect(await screen.findByRole('heading', { name: 'Welcome to Newco' })).toBeInTheDocument();
    expect(api.calls.find((c) => c.path === '/auth/sign-up')?.body).toEqual({
      organisationName: 'Newco',
      name: 'Ada Admin',
      email: 'ada@newco.test',
      password: 'a-long-passphrase',
    });
    expect(screen.getByRole('button', { name: 'Open the empty map' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Choose a file…' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Use the demo as a template' })).toBeInTheDocument();
  });
});

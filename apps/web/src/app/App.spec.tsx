import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, mockApi, reply } from '../test/mockApi';
import { renderApp, sessionOf } from './testing';

const EMPTY_MAP = {
  'GET /health': { status: 'ok', database: 'connected' },
  'GET /nodes': { items: [{ id: 'n1' }], total: 1 },
  'GET /graph': { scope: 'all', nodes: [], links: [], truncated: false },
  'GET /business-units': [],
  'GET /audit': { generatedAt: '2026-11-01T00:00:00Z', summary: { error: 0, warning: 0, info: 0 }, findings: [] },
  'GET /coverage': { rollups: [] },
};

describe('App', () => {
  it('shows the map, the database state and who is signed in, in which organisation', async () => {
    const api = mockApi({ ...EMPTY_MAP, 'GET /auth/session': sessionOf('pmo') });
    renderApp('/');
    expect(await screen.findByTestId('map-canvas')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Throughline' })).toBeInTheDocument();
    expect(await screen.findByText('database connected')).toBeInTheDocument();
    const user = screen.getByTestId('header-user');
    expect(user).toHaveTextContent('Ada pmo');
    expect(user).toHaveTextContent('PMO lead');
    expect(screen.getByTestId('organisation-name')).toHaveTextContent('Acme');
    expect(screen.queryByLabelText('Your name')).not.toBeInTheDocument(); // the old "You are" field is gone
    // Every request carries the cookie (same origin) and the CSRF proof, and no self-declared actor.
    expect(api.calls.length).toBeGreaterThan(2);
    for (const [, init] of api.fetch.mock.calls) {
      expect(init?.credentials).toBe('same-origin');
      expect((init?.headers as Record<string, string>)['X-Requested-With']).toBe('throughline');
      expect(init?.headers).not.toHaveProperty('X-Actor');
    }
  });

  it('opens the map on its view’s own nodes without waiting for the welcome check', async () => {
    const node = { id: 'o1', key: 'OBJ-1', kind: 'objective', title: 'Grow', owner: null, businessUnitId: null };
    mockApi({
      ...EMPTY_MAP,
      'GET /auth/session': sessionOf('pmo'),
      'GET /graph': {
        scope: 'all',
        truncated: false,
        links: [],
        nodes: [{ ...node, status: 'active', health: 'green', version: 1 }],
      },
      // The welcome check never answers: the map must not need it when its view already has a node.
      'GET /nodes': () => new Promise(() => undefined),
    });
    renderApp('/');
    expect(await screen.findByTestId('map-canvas')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Welcome/ })).not.toBeInTheDocument();
  });

  it('says so when the database is unreachable', async () => {
    mockApi({
      ...EMPTY_MAP,
      'GET /auth/session': sessionOf('pmo'),
      'GET /health': reply(503, { status: 'degraded', database: 'unreachable' }),
    });
    renderApp('/');
    expect(await screen.findByText('database unreachable')).toBeInTheDocument();
  });

  it('sends someone not signed in to the log-in page, keeping the page they wanted', async () => {
    mockApi({ ...EMPTY_MAP, 'GET /auth/session': apiError(401, 'UNAUTHENTICATED', 'Log in first.') });
    const app = renderApp('/members?x=1');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(app.location()).toBe(`/log-in?next=${encodeURIComponent('/members?x=1')}`);
  });

  it('takes the addresses people type for logging in (/login) to the log-in page, and on to the app once in', async () => {
    mockApi({ ...EMPTY_MAP, 'GET /auth/session': apiError(401, 'UNAUTHENTICATED', 'Log in first.') });
    const app = renderApp('/login?next=%2Fraid');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(app.location()).toBe('/log-in?next=%2Fraid'); // not "No such page" once logged in
  });

  it('shows the log-in page when a request finds the session over', async () => {
    mockApi({
      ...EMPTY_MAP,
      'GET /auth/session': sessionOf('admin'),
      'GET /organisation': apiError(401, 'UNAUTHENTICATED', 'Your session has ended.'),
    });
    const app = renderApp('/settings');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(app.location()).toBe(`/log-in?next=${encodeURIComponent('/settings')}`);
  });

  it('offers admins the members, settings and change log; nobody else', async () => {
    const ADMIN_SCREENS = ['Members', 'Settings', 'Change log'];
    const linksOf = async () =>
      within(await screen.findByRole('navigation', { name: 'Main' }))
        .getAllByRole('link')
        .map((a) => a.textContent);
    mockApi({ ...EMPTY_MAP, 'GET /auth/session': sessionOf('admin') });
    const admin = renderApp('/map');
    expect(await linksOf()).toEqual(expect.arrayContaining(['Map', ...ADMIN_SCREENS]));
    admin.unmount();

    for (const role of ['pmo', 'executive', 'contributor'] as const) {
      mockApi({ ...EMPTY_MAP, 'GET /auth/session': sessionOf(role) });
      const view = renderApp('/map');
      const links = await linksOf();
      expect(links).toContain('Map');
      expect(links.filter((name) => ADMIN_SCREENS.includes(name!))).toEqual([]);
      view.unmount();
    }
  });

  it('tells a non-admin who opens an admin page that it is not for their role', async () => {
    const api = mockApi({ ...EMPTY_MAP, 'GET /auth/session': sessionOf('contributor') });
    renderApp('/members');
    expect(await screen.findByRole('heading', { name: 'Not available to your role' })).toBeInTheDocument();
    expect(api.calls.some((c) => c.path === '/members')).toBe(false);
  });

  it('switches organisation and reloads what is on screen from the other one', async () => {
    const two = [
      { id: 'org-acme', name: 'Acme', role: 'admin' as const },
      { id: 'org-beta', name: 'Beta', role: 'executive' as const },
    ];
    let current = sessionOf('admin', { organisations: two });
    const api = mockApi({
      ...EMPTY_MAP,
      'GET /auth/session': () => current,
      // Acme has a map; Beta is empty.
      'GET /nodes': () => ({ items: current.organisation.id === 'org-acme' ? [{ id: 'n1' }] : [], total: 0 }),
      'POST /auth/switch-organisation': () => {
        current = sessionOf('executive', {
          organisations: two,
          organisation: {
            id: 'org-beta',
            name: 'Beta',
            slug: 'beta',
            currency: 'EUR',
            locale: 'de-DE',
            requireTotp: false,
          },
        });
        return current;
      },
    });
    renderApp('/');
    expect(await screen.findByTestId('map-canvas')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Organisation' }), 'org-beta');
    await waitFor(() => expect(screen.getByTestId('header-user')).toHaveTextContent('Executive'));
    expect(api.calls.find((c) => c.path === '/auth/switch-organisation')?.body).toEqual({ organisationId: 'org-beta' });
    // Beta's own state: its empty map opens on the welcome, and an executive has no admin screens.
    expect(await screen.findByRole('heading', { name: 'Welcome to Beta' })).toBeInTheDocument();
    expect(screen.queryByTestId('map-canvas')).not.toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByText('Members')).not.toBeInTheDocument();
  });

  it('logs out: the API is told and the log-in page shows', async () => {
    const api = mockApi({ ...EMPTY_MAP, 'GET /auth/session': sessionOf('pmo'), 'POST /auth/log-out': undefined });
    const app = renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/auth/log-out')).toBe(true);
    expect(app.location()).toBe('/log-in');
  });
});

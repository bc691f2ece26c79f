import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp, sessionOf } from '../../app/testing';
import { mockApi, type MockRequest } from '../../test/mockApi';

const RESULT = {
  businessUnits: { created: 7, updated: 0 },
  nodes: { created: 98, updated: 0 },
  links: { created: 186, updated: 0 },
  checkIns: { created: 68, updated: 0 },
};

function emptyOrganisation(role: 'admin' | 'executive', extra: Record<string, unknown> = {}) {
  let imported = false;
  const api = mockApi({
    'GET /health': { status: 'ok', database: 'connected' },
    'GET /auth/session': sessionOf(role),
    'GET /nodes': () => ({ items: imported ? [{ id: 'n1' }] : [], total: imported ? 1 : 0 }),
    'GET /graph': { scope: 'all', nodes: [], links: [], truncated: false },
    'GET /business-units': [],
    'GET /audit': { generatedAt: '2026-11-01T00:00:00Z', summary: { error: 0, warning: 0, info: 0 }, findings: [] },
    'GET /coverage': { rollups: [] },
    'POST /portfolio/import': (request: MockRequest) => {
      imported = true;
      api.imported = request.body;
      return RESULT;
    },
    ...extra,
  }) as ReturnType<typeof mockApi> & { imported?: unknown };
  return api;
}

describe('Onboarding', () => {
  it('starts a new organisation from the demo template, then shows the map', async () => {
    const api = emptyOrganisation('admin');
    renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Use the demo as a template' }));
    expect(await screen.findByText('Imported 98 nodes, 186 links and 7 business units')).toBeInTheDocument();
    const sent = api.imported as { format: string; nodes: { key: string }[] };
    expect(sent.format).toBe('throughline/v1');
    expect(sent.nodes).toHaveLength(98);
    expect(await screen.findByTestId('map-canvas')).toBeInTheDocument();
    expect(screen.queryByTestId('onboarding')).not.toBeInTheDocument();
  });

  it('imports a chosen document, and says what was wrong with one that is not JSON', async () => {
    const api = emptyOrganisation('admin');
    renderApp('/');
    const input = await screen.findByTestId<HTMLInputElement>('import-file');
    await userEvent.upload(input, new File(['{not json'], 'broken.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('broken.json is not a JSON file.');
    await userEvent.upload(input, new File(['{"format":"throughline/v1"}'], 'mine.json', { type: 'application/json' }));
    await waitFor(() => expect(api.imported).toEqual({ format: 'throughline/v1' }));
    expect(await screen.findByTestId('map-canvas')).toBeInTheDocument();
  });

  it('opens the empty map to draw the first theme', async () => {
    emptyOrganisation('admin');
    renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Open the empty map' }));
    expect(await screen.findByTestId('map-canvas')).toBeInTheDocument();
  });

  it('tells an executive who builds the map, offering nothing it could not do', async () => {
    const api = emptyOrganisation('executive');
    renderApp('/map'); // (an executive's home at / is the dashboard)
    expect(await screen.findByText(/PMO lead or admin draws it first/)).toBeInTheDocument();
    expect(screen.queryByRole('button')).toHaveTextContent('Log out'); // the header's only button
    expect(screen.queryByText('Use the demo as a template')).not.toBeInTheDocument();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });
});

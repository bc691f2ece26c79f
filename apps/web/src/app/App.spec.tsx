import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { mockApi, reply } from '../test/mockApi';
import { App } from './App';
import { createQueryClient } from './queryClient';

function renderWithHealth(health: unknown) {
  const api = mockApi({
    'GET /health': health,
    'GET /graph': { scope: 'all', nodes: [], links: [], truncated: false },
    'GET /business-units': [],
    'GET /audit': { generatedAt: '2026-11-01T00:00:00Z', summary: { error: 0, warning: 0, info: 0 }, findings: [] },
    'GET /coverage': { rollups: [] },
  });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>,
  );
  return api;
}

describe('App', () => {
  it('shows the product name, the map and that the database is connected', async () => {
    const api = renderWithHealth({ status: 'ok', database: 'connected' });
    expect(screen.getByRole('heading', { name: 'Throughline' })).toBeInTheDocument();
    expect(screen.getByTestId('map-canvas')).toBeInTheDocument();
    expect(await screen.findByText('database connected')).toBeInTheDocument();
    expect(api.calls.some((c) => c.path === '/health')).toBe(true);
  });

  it('says so when the database is unreachable', async () => {
    renderWithHealth(reply(503, { status: 'degraded', database: 'unreachable' }));
    expect(await screen.findByText('database unreachable')).toBeInTheDocument();
  });
});

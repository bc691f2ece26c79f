import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { App } from './App';
import { createQueryClient } from './queryClient';

function renderWithHealth(body: unknown, status = 200) {
  // jsdom has no fetch; a response with just what the http client reads.
  const response = { ok: status < 400, status, statusText: '', text: async () => JSON.stringify(body) };
  globalThis.fetch = jest.fn().mockResolvedValue(response);
  render(
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>,
  );
}

describe('App', () => {
  it('shows the product name and that the database is connected', async () => {
    renderWithHealth({ status: 'ok', database: 'connected' });
    expect(screen.getByRole('heading', { name: 'Throughline' })).toBeInTheDocument();
    expect(await screen.findByText('database connected')).toBeInTheDocument();
    expect(globalThis.fetch).toHaveBeenCalledWith('/api/health', expect.anything());
  });

  it('says so when the database is unreachable', async () => {
    renderWithHealth({ status: 'degraded', database: 'unreachable' }, 503);
    expect(await screen.findByText('database unreachable')).toBeInTheDocument();
  });
});

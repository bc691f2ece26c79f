import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import type { Role, Session } from '../api/auth.queries';
import { ToastProvider } from '../ui/Toasts';
import { AppRoutes, loadAllPages } from './App';
import { createQueryClient } from './queryClient';

// The pages are chunks of their own (App.tsx): loaded before a file's tests, so no test waits on a first import.
beforeAll(() => loadAllPages(), 60_000);

/** A session as `GET /api/auth/session` answers it, for a member of `role` in Acme. */
export function sessionOf(role: Role, overrides: Partial<Session> = {}): Session {
  return {
    token: 'jwt',
    user: { id: `user-${role}`, name: `Ada ${role}`, email: `${role}@acme.test`, totpEnabled: false },
    organisation: { id: 'org-acme', name: 'Acme', slug: 'acme', currency: 'GBP', locale: 'en-GB', requireTotp: false },
    role,
    unitIds: role === 'contributor' ? ['unit-gen'] : [],
    organisations: [{ id: 'org-acme', name: 'Acme', role }],
    ...overrides,
  };
}

/** Where the router is, shown for tests to read (`location`). */
function LocationProbe() {
  const location = useLocation();
  return (
    <output data-testid="location" hidden>
      {`${location.pathname}${location.search}`}
    </output>
  );
}

/** The whole app's routes at `path`, over whatever `mockApi` answers. */
export function renderApp(path: string) {
  const client = createQueryClient();
  const view = render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
          <LocationProbe />
        </MemoryRouter>
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { ...view, client, location: () => view.getByTestId('location').textContent };
}

import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, loadMapPage } from './app/App';
import { createQueryClient } from './app/queryClient';
import { sessionQuery } from './api/auth.queries';
import { dashboardQuery } from './api/dashboard.queries';
import { adoptEarly } from './api/earlyRequests';
import { prefetchMap } from './features/map/prefetchMap';
import { applyKindColours } from './ui/kindColours';

const queryClient = createQueryClient();
// The map's view is asked for at once only where the map is the page (not on log-in, members…).
// Its code is evaluated meanwhile too (boot.js has been fetching it), not once the session has arrived.
if (['/', '/map'].includes(window.location.pathname)) {
  prefetchMap(queryClient);
  void loadMapPage().catch(() => undefined); // a failure is shown by the page itself, which asks again
}
// The session, and the dashboard's figures where it is the page, as `boot.js` already asked for them from <head>
// (vite.config.ts): the queries adopt those answers rather than asking once this script has run.
const session = sessionQuery();
void queryClient.prefetchQuery({
  ...session,
  queryFn: (context) => adoptEarly('/auth/session', () => session.queryFn!(context)),
});
if (window.location.pathname === '/dashboard') {
  const dashboard = dashboardQuery();
  void queryClient.prefetchQuery({
    ...dashboard,
    queryFn: (context) => adoptEarly('/dashboard', () => dashboard.queryFn!(context)),
  });
}
applyKindColours();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { dashboardQuery } from './api/dashboard.queries';
import { prefetchMap } from './features/map/prefetchMap';
import { applyKindColours } from './ui/kindColours';

const queryClient = createQueryClient();
// The map's view is asked for at once only where the map is the page (not on log-in, members…).
if (['/', '/map'].includes(window.location.pathname)) prefetchMap(queryClient);
// The dashboard's figures too, where it is the page: its request overlaps the session's.
if (window.location.pathname === '/dashboard') void queryClient.prefetchQuery(dashboardQuery());
applyKindColours();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './app/queryClient';
import { prefetchMap } from './features/map/prefetchMap';
import { applyKindColours } from './ui/kindColours';

const queryClient = createQueryClient();
// The map's view is asked for at once only where the map is the page (not on log-in, members…).
if (['/', '/map'].includes(window.location.pathname)) prefetchMap(queryClient);
applyKindColours();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createQueryClient } from '../app/queryClient';
import { ToastContext, type ShowToast } from '../ui/toast';

/** What hooks and components expect above them (a query client, toasts), for `renderHook`'s `wrapper`. */
export function providers() {
  const client = createQueryClient();
  const toast = jest.fn<void, Parameters<ShowToast>>();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <ToastContext.Provider value={toast}>{children}</ToastContext.Provider>
    </QueryClientProvider>
  );
  return { client, toast, wrapper };
}

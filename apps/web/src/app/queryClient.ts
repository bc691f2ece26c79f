import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { sessionKeys } from '../api/auth.queries';
import { ApiError } from '../api/http';

export function createQueryClient() {
  // A request answered "not signed in" means the session is over (expired, logged out elsewhere,
  // membership removed): the session becomes null, and the app shows the log-in page.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.isUnauthenticated) client.setQueryData(sessionKeys.session, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        // A 4xx will not get better by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

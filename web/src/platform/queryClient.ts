import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isProblemError } from './api/problem';
import { sessionKey } from './auth/session';

function isUnauthorized(error: unknown): boolean {
  return isProblemError(error) && error.status === 401;
}

/**
 * One client per app. A 401 from any call re-checks the session, so an expired session sends
 * the user back to the login screen instead of leaving broken screens behind.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthorized(error) && query.queryKey[0] !== sessionKey[0]) {
          void client.invalidateQueries({ queryKey: sessionKey });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isUnauthorized(error)) void client.invalidateQueries({ queryKey: sessionKey });
      },
    }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        staleTime: 15_000,
        retry: (failureCount, error) => {
          if (isProblemError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
    },
  });
  return client;
}

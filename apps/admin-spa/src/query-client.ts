import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from './api/problem';

/**
 * Server state for every screen. A refusal (4xx) is an answer, not a hiccup: it is shown at once; a network
 * error or a 5xx is tried twice more. Reads stay fresh for a few seconds; live screens invalidate on changes.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiProblem && error.status < 500 && error.status > 0),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { ApiError } from './api'
import { recoveryKeys } from './features/recovery/recovery.queries'

/** When main says the data is unavailable (damage found mid-session), show the recovery screen. */
const onError = (error: unknown) => {
  if (error instanceof ApiError && error.code === 'DATA_UNAVAILABLE') {
    void queryClient.invalidateQueries({ queryKey: recoveryKeys.status })
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // Data lives on this laptop: a refetch costs microseconds, so stay fresh but avoid loops.
      staleTime: 5_000,
      retry: false,
      refetchOnWindowFocus: false
    },
    mutations: { retry: false }
  }
})

export const keys = {
  preferences: ['preferences'] as const,
  appInfo: ['app-info'] as const,
  clients: (query?: unknown) => (query === undefined ? (['clients'] as const) : (['clients', query] as const)),
  /** Every client's own query (the detail screens). */
  anyClient: ['client'] as const,
  client: (id: string) => ['client', id] as const,
  engagements: (query?: unknown) => (query === undefined ? (['engagements'] as const) : (['engagements', query] as const)),
  /** Every engagement's own query (the detail screens). */
  anyEngagement: ['engagement'] as const,
  engagement: (id: string) => ['engagement', id] as const
}

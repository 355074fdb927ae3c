import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ClientInput, ClientListQuery } from '../../../shared/schemas/client.schema'
import { api, call } from '../../api'
import { keys } from '../../query'

export const useClients = (query: ClientListQuery) =>
  useQuery({
    queryKey: keys.clients(query),
    queryFn: () => call(api.clients.list(query)),
    placeholderData: keepPreviousData
  })

export const useClient = (id: string) => useQuery({ queryKey: keys.client(id), queryFn: () => call(api.clients.get({ id })) })

/** After any client change the lists and the detail are refetched from the database. */
function useInvalidateClients() {
  const qc = useQueryClient()
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: keys.clients() }),
      qc.invalidateQueries({ queryKey: keys.anyClient }),
      qc.invalidateQueries({ queryKey: keys.engagements() })
    ])
}

export function useCreateClient() {
  const invalidate = useInvalidateClients()
  return useMutation({
    mutationFn: (input: ClientInput) => call(api.clients.create(input)),
    onSuccess: invalidate
  })
}

export function useUpdateClient() {
  const invalidate = useInvalidateClients()
  return useMutation({
    mutationFn: (args: { id: string; patch: Partial<ClientInput> }) => call(api.clients.update(args)),
    onSuccess: invalidate
  })
}

export function useArchiveClient() {
  const invalidate = useInvalidateClients()
  return useMutation({
    mutationFn: (args: { id: string; archived: boolean }) => call(api.clients.setArchived(args)),
    onSuccess: invalidate
  })
}

export function useDeleteClient() {
  const invalidate = useInvalidateClients()
  return useMutation({
    mutationFn: (id: string) => call(api.clients.delete({ id })),
    onSuccess: invalidate
  })
}

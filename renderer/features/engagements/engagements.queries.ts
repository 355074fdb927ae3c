import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { EngagementInput, EngagementListQuery } from '../../../shared/schemas/engagement.schema'
import { api, call } from '../../api'
import { keys } from '../../query'

export const useEngagements = (query: EngagementListQuery) =>
  useQuery({
    queryKey: keys.engagements(query),
    queryFn: () => call(api.engagements.list(query)),
    placeholderData: keepPreviousData
  })

export const useEngagement = (id: string) => useQuery({ queryKey: keys.engagement(id), queryFn: () => call(api.engagements.get({ id })) })

function useInvalidateEngagements() {
  const qc = useQueryClient()
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: keys.engagements() }),
      qc.invalidateQueries({ queryKey: keys.anyEngagement }),
      qc.invalidateQueries({ queryKey: keys.clients() })
    ])
}

export function useCreateEngagement() {
  const invalidate = useInvalidateEngagements()
  return useMutation({
    mutationFn: (input: EngagementInput) => call(api.engagements.create(input)),
    onSuccess: invalidate
  })
}

export function useUpdateEngagement() {
  const invalidate = useInvalidateEngagements()
  return useMutation({
    mutationFn: (args: { id: string; patch: Partial<Omit<EngagementInput, 'clientId'>> }) => call(api.engagements.update(args)),
    onSuccess: invalidate
  })
}

export function useArchiveEngagement() {
  const invalidate = useInvalidateEngagements()
  return useMutation({
    mutationFn: (args: { id: string; archived: boolean }) => call(api.engagements.setArchived(args)),
    onSuccess: invalidate
  })
}

export function useDeleteEngagement() {
  const invalidate = useInvalidateEngagements()
  return useMutation({
    mutationFn: (id: string) => call(api.engagements.delete({ id })),
    onSuccess: invalidate
  })
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { PricingTerms } from '../../../shared/schemas/pricing.schema'
import type { PlanEdits, StoredPlan } from '../../../shared/schemas/plan.schema'
import { api, call } from '../../api'

export const planKey = (engagementId: string) => ['plan', engagementId] as const

export const usePlan = (engagementId: string) =>
  useQuery({
    queryKey: planKey(engagementId),
    queryFn: () => call(api.plans.get({ engagementId })),
    enabled: Boolean(engagementId),
    staleTime: Number.POSITIVE_INFINITY
  })

function useStore(engagementId: string) {
  const qc = useQueryClient()
  return (plan: StoredPlan) => qc.setQueryData(planKey(engagementId), plan)
}

export function useCreatePlan(engagementId: string) {
  const store = useStore(engagementId)
  return useMutation({
    mutationFn: (assessmentId: string) => call(api.plans.create({ engagementId, assessmentId })),
    onSuccess: store
  })
}

export function useSaveEdits(engagementId: string) {
  const store = useStore(engagementId)
  return useMutation({
    mutationFn: (args: { planId: string; edits: PlanEdits }) => call(api.plans.saveEdits(args)),
    onSuccess: store
  })
}

export function useSaveSettings(engagementId: string) {
  const store = useStore(engagementId)
  return useMutation({
    mutationFn: (args: { planId: string; settings?: { capacityDaysPerWeek: number }; pricing?: PricingTerms }) => call(api.plans.saveSettings(args)),
    onSuccess: store
  })
}

export function useRegenerate(engagementId: string) {
  const store = useStore(engagementId)
  return useMutation({
    mutationFn: (args: { planId: string; assessmentId: string; reset: boolean }) => call(api.plans.regenerate(args)),
    onSuccess: store
  })
}

/**
 * The `plan --json` document, exactly DOMAIN.md's CLI shape and key order, nothing else:
 * `{ phases: [{ id, name, tasks: [{ id, title, owner, effortDays, startWeek, endWeek, cost,
 * optional }] }], hires: [{ role, startWeek }], totals: { effortDays, cost, currency } }`.
 *
 * Which plan items are listed: every item with a span of weeks — catalogue tasks (DOMAIN's
 * ids), the plan's own consultant activities, custom items and one `hire_<role>` item per
 * hire (recruiting and onboarding, no consultant effort, so Team build-out is not empty).
 * Milestones are points in time, not work, and stay out. `totals` sum the listed tasks that
 * are not optional, which are the plan's totals.
 */
import type { PhaseId, RoleId } from '../catalogue'
import type { Plan, PlanOwner } from './plan.model'

export interface PlanJsonTask {
  id: string
  title: string
  owner: PlanOwner
  effortDays: number
  startWeek: number
  endWeek: number
  cost: number
  optional: boolean
}

export interface PlanJson {
  phases: { id: PhaseId; name: string; tasks: PlanJsonTask[] }[]
  hires: { role: RoleId; startWeek: number }[]
  totals: { effortDays: number; cost: number; currency: string }
}

export const PLAN_JSON_KEYS = ['phases', 'hires', 'totals'] as const
export const PLAN_JSON_PHASE_KEYS = ['id', 'name', 'tasks'] as const
export const PLAN_JSON_TASK_KEYS = ['id', 'title', 'owner', 'effortDays', 'startWeek', 'endWeek', 'cost', 'optional'] as const
export const PLAN_JSON_HIRE_KEYS = ['role', 'startWeek'] as const
export const PLAN_JSON_TOTALS_KEYS = ['effortDays', 'cost', 'currency'] as const

export function toPlanJson(plan: Plan): PlanJson {
  return {
    phases: plan.phases.map((phase) => ({
      id: phase.id,
      name: phase.name,
      tasks: phase.items
        .filter((item) => item.kind !== 'milestone')
        .map((item) => ({
          id: item.id,
          title: item.title,
          owner: item.owner,
          effortDays: item.effortDays,
          startWeek: item.startWeek,
          endWeek: item.endWeek,
          cost: item.cost,
          optional: item.optional
        }))
    })),
    hires: plan.hires.map((h) => ({ role: h.role, startWeek: h.startWeek })),
    totals: { effortDays: plan.totals.effortDays, cost: plan.totals.cost, currency: plan.totals.currency }
  }
}

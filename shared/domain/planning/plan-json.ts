/**
 * The `plan --json` document, exactly DOMAIN.md's CLI shape and key order, nothing else:
 * `{ phases: [{ id, name, tasks: [{ id, title, owner, effortDays, startWeek, endWeek, cost,
 * optional }] }], hires: [{ role, recruitStartWeek, startWeek }], milestone: { kind, week },
 * otherRoute: { firstHire, milestoneWeek, firstHireStartWeek }, tiers: [{ id, phases,
 * effortDays, cost }], weeks, totals: { effortDays, cost, currency } }`.
 *
 * Which plan items are listed: every item with a span of weeks (catalogue tasks with
 * DOMAIN's ids, the kick-off, the handover, the dedicated AI team, custom items and one
 * `hire_<role>` recruiting item per hire). Milestones are points in time, not work: the
 * headline one is `milestone`. Phases with no items are left out. `totals` sum the tasks
 * that are not optional, which are the plan's totals.
 */
import type { PhaseId, RoleId } from '../catalogue'
import type { MilestoneKind, Plan, PlanOwner, TierId } from './plan.model'

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
  hires: { role: RoleId; recruitStartWeek: number; startWeek: number }[]
  milestone: { kind: MilestoneKind; week: number }
  otherRoute: { firstHire: RoleId; milestoneWeek: number; firstHireStartWeek: number }
  tiers: { id: TierId; phases: PhaseId[]; effortDays: number; cost: number }[]
  weeks: number
  totals: { effortDays: number; cost: number; currency: string }
}

export const PLAN_JSON_KEYS = ['phases', 'hires', 'milestone', 'otherRoute', 'tiers', 'weeks', 'totals'] as const
export const PLAN_JSON_PHASE_KEYS = ['id', 'name', 'tasks'] as const
export const PLAN_JSON_TASK_KEYS = ['id', 'title', 'owner', 'effortDays', 'startWeek', 'endWeek', 'cost', 'optional'] as const
export const PLAN_JSON_HIRE_KEYS = ['role', 'recruitStartWeek', 'startWeek'] as const
export const PLAN_JSON_MILESTONE_KEYS = ['kind', 'week'] as const
export const PLAN_JSON_OTHER_ROUTE_KEYS = ['firstHire', 'milestoneWeek', 'firstHireStartWeek'] as const
export const PLAN_JSON_TIER_KEYS = ['id', 'phases', 'effortDays', 'cost'] as const
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
    hires: plan.hires.map((h) => ({ role: h.role, recruitStartWeek: h.recruitStartWeek, startWeek: h.startWeek })),
    milestone: { kind: plan.milestone.kind, week: plan.milestone.week },
    otherRoute: {
      firstHire: plan.otherRoute.firstHire,
      milestoneWeek: plan.otherRoute.milestoneWeek,
      firstHireStartWeek: plan.otherRoute.firstHireStartWeek
    },
    tiers: plan.tiers.map((t) => ({ id: t.id, phases: [...t.phases], effortDays: t.effortDays, cost: t.cost })),
    weeks: plan.weeks,
    totals: { effortDays: plan.totals.effortDays, cost: plan.totals.cost, currency: plan.totals.currency }
  }
}

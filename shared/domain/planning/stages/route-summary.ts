/**
 * Stage 7, the routes side by side (DOMAIN.md, Plan: "The other route"): the plan's own
 * route summarised, and the same milestone worked out for the main alternative first hire
 * with the same model and the recommended rule's formula (only the hire changes).
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import { monthsToWeeks } from '../weeks'
import type { HeadlineMilestone, OtherRoute, RouteSummary } from '../plan.model'
import { PLATFORM_TASK_IDS, type Route } from '../route'
import type { ScheduledPlan } from './schedule'

/** The months of stabilising the essays' authors saw after an ML-first start. */
export const STABILISATION_MONTHS = 3
export const STABILISATION_WEEKS = Math.round(monthsToWeeks(STABILISATION_MONTHS))

export function summariseRoute(route: Route, scheduled: ScheduledPlan, milestone: HeadlineMilestone, weeks: number): RouteSummary {
  const owned = route.platformOwner
    ? PLATFORM_TASK_IDS.filter((id) => {
        const item = scheduled.items.get(id)
        return item !== undefined && item.draft.owner === route.platformOwner && item.draft.pending === null && !item.draft.leftOut
      })
    : []
  const first = scheduled.hires.get(route.firstHire)!
  return {
    firstHire: route.firstHire,
    firstHireStartWeek: first.startWeek,
    milestoneWeek: milestone.week,
    weeks,
    platformOwner: owned.length > 0 ? route.platformOwner : null,
    ownedPlatformTasks: owned,
    hireStarts: Object.fromEntries([...scheduled.hires.values()].map((h) => [h.role, h.startWeek])),
    stabilisationWeeks: route.firstHire === 'ml_engineer' && route.platformOwner === 'ml_engineer' && owned.length > 0 ? STABILISATION_WEEKS : 0
  }
}

export function otherRouteSummary(other: RouteSummary, recommendedMilestoneWeek: number): OtherRoute {
  return { ...other, sameWeek: other.milestoneWeek === recommendedMilestoneWeek }
}

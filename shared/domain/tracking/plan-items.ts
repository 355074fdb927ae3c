/**
 * What tracking takes from a plan: its committed items (optional ones are not tracked) with
 * calendar dates, and the frozen baseline made at signing.
 *
 * Pure: no Node, DOM or Electron imports.
 */
import type { BaselinePlan } from '../../schemas/tracking.schema'
import type { Plan, PlanItem } from '../planning/plan.model'
import { weekEndDate, weekStartDate } from '../planning/weeks'

export interface TrackableItem {
  itemId: string
  kind: PlanItem['kind']
  title: string
  phase: PlanItem['phase']
  /** Order within the plan (phase by phase, then the plan's own order). */
  position: number
  owner: string
  effortDays: number
  cost: number
  plannedStart: string
  plannedEnd: string
  startWeek: number
  endWeek: number
}

/** A milestone is a point: reached by the end of its week. */
function datesOf(item: PlanItem, startDate: string): { start: string; end: string } {
  if (item.kind === 'milestone') {
    const at = weekEndDate(startDate, item.endWeek)
    return { start: at, end: at }
  }
  return { start: weekStartDate(startDate, item.startWeek), end: weekEndDate(startDate, item.endWeek) }
}

export function trackableItems(plan: Pick<Plan, 'phases' | 'engagement'>): TrackableItem[] {
  const out: TrackableItem[] = []
  for (const phase of plan.phases) {
    for (const item of phase.items) {
      if (item.optional) continue
      const { start, end } = datesOf(item, plan.engagement.startDate)
      out.push({
        itemId: item.id,
        kind: item.kind,
        title: item.title,
        phase: item.phase,
        position: out.length,
        owner: item.owner,
        effortDays: item.effortDays,
        cost: item.cost,
        plannedStart: start,
        plannedEnd: end,
        startWeek: item.startWeek,
        endWeek: item.endWeek
      })
    }
  }
  return out
}

/** The plan as signed: committed items with dates, effort and cost, and the totals. */
export function baselineFrom(plan: Plan): BaselinePlan {
  return {
    startDate: plan.engagement.startDate,
    dayRate: plan.engagement.dayRate,
    currency: plan.engagement.currency,
    weeks: plan.weeks,
    items: trackableItems(plan).map((i) => ({
      id: i.itemId,
      title: i.title,
      kind: i.kind,
      phase: i.phase,
      startWeek: i.startWeek,
      endWeek: i.endWeek,
      startDate: i.plannedStart,
      endDate: i.plannedEnd,
      effortDays: i.effortDays,
      cost: i.cost
    })),
    totals: { ...plan.totals }
  }
}

/** The last day of the plan's last week (null for an empty plan). */
export const planEndDate = (plan: Pick<Plan, 'weeks' | 'engagement'>): string | null =>
  plan.weeks > 0 ? weekEndDate(plan.engagement.startDate, plan.weeks) : null

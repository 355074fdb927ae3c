/**
 * The comparison the client sees (DOMAIN.md, Plan: "The other route"): the plan's headline
 * milestone on the recommended route and on the other route, both read from the one computed
 * plan (plan.route and plan.otherRoute), beside what the essays' authors observed for routes
 * like them.
 *
 * The authors' figures (infrastructure first: a first AI feature 2–3 months after the hire;
 * ML engineer first: 6–9 months, then about 3 of stabilising) describe a dozen or so
 * companies of 50–500 people, not a promise; the authors sell consulting and hiring
 * services. They concern first AI features, so they are set beside a route only when the
 * milestone is one.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import type { RoleId } from '../catalogue'
import type { MilestoneKind, Plan, RouteSummary } from './plan.model'
import { milestonePhrase, milestoneTitle } from './stages/items'
import { monthsToWeeks, weeksToMonths } from './weeks'

export type RouteId = 'recommended' | 'other'

export interface ObservedFigure {
  /** Months from the first hire's start to a first AI feature, as observed. */
  minMonths: number
  maxMonths: number
  /** Months of stabilising seen afterwards. */
  stabilisationMonths: number
  minWeeks: number
  maxWeeks: number
}

const figure = (minMonths: number, maxMonths: number, stabilisationMonths: number): ObservedFigure => ({
  minMonths,
  maxMonths,
  stabilisationMonths,
  minWeeks: monthsToWeeks(minMonths),
  maxWeeks: monthsToWeeks(maxMonths)
})

/** What the essays' authors observed, by who was hired first. */
export const OBSERVED_FIGURES = {
  infra_first: figure(2, 3, 0),
  ml_first: figure(6, 9, 3)
} as const

export const OBSERVED_NOTE =
  'The ranges are what the authors of the essays behind this method saw at a dozen or so companies of 50 to 500 people. They describe those companies, not a promise for this one, and the authors sell consulting and hiring services.'

const ROUTE_LABELS: Readonly<Record<RoleId, string>> = {
  infra_engineer: 'Infrastructure engineer first',
  mlops_engineer: 'MLOps engineer first',
  ml_engineer: 'ML engineer first',
  ml_scientist: 'ML scientist first',
  data_engineer: 'Data engineer first',
  fullstack_ai_engineer: 'Full-stack AI engineer first',
  ml_lead: 'ML lead first'
}

export interface RouteView extends RouteSummary {
  id: RouteId
  label: string
  recommended: boolean
  weeksAfterFirstHireStart: number
  monthsFromStart: number
  monthsAfterFirstHireStart: number
  /** What the authors saw for a route like this one (null when their figures do not apply). */
  observed: ObservedFigure | null
}

export interface RouteComparison {
  milestone: { kind: MilestoneKind; title: string; phrase: string; next: boolean }
  /** The recommended route first. */
  routes: [RouteView, RouteView]
  /** Both routes reach the milestone in the same week: argue in words, not with two equal bars. */
  sameWeek: boolean
  note: string
}

/**
 * The authors' figures describe who built the platform on the way to a first AI feature: an
 * infrastructure engineer hired first and building it, or an ML engineer hired first and
 * building it themselves. They are set beside a route only when it is that situation (so
 * never beside a route where the consultant builds the platform, or where it already exists).
 */
function observedFor(kind: MilestoneKind, route: RouteSummary): ObservedFigure | null {
  if (kind !== 'first_ai_feature' || route.platformOwner !== route.firstHire) return null
  if (route.firstHire === 'infra_engineer') return OBSERVED_FIGURES.infra_first
  if (route.firstHire === 'ml_engineer') return OBSERVED_FIGURES.ml_first
  return null
}

function view(id: RouteId, summary: RouteSummary, kind: MilestoneKind): RouteView {
  const after = summary.milestoneWeek - summary.firstHireStartWeek
  return {
    ...summary,
    id,
    label: ROUTE_LABELS[summary.firstHire],
    recommended: id === 'recommended',
    weeksAfterFirstHireStart: after,
    monthsFromStart: weeksToMonths(summary.milestoneWeek),
    monthsAfterFirstHireStart: weeksToMonths(after),
    observed: observedFor(kind, summary)
  }
}

/** The two routes to the plan's milestone, from the plan itself. */
export function compareRoutes(plan: Pick<Plan, 'milestone' | 'route' | 'otherRoute'>): RouteComparison {
  const kind = plan.milestone.kind
  return {
    milestone: { kind, title: milestoneTitle(plan.milestone), phrase: milestonePhrase(plan.milestone), next: plan.milestone.next },
    routes: [view('recommended', plan.route, kind), view('other', plan.otherRoute, kind)],
    sameWeek: plan.otherRoute.sameWeek,
    note: OBSERVED_NOTE
  }
}

export const routeLabel = (role: RoleId): string => ROUTE_LABELS[role]

/**
 * The plan generator (DOMAIN.md, Plan): an assessment in, a phased, scheduled and priced plan
 * out, with its headline milestone, the other route and the option tiers. It runs in stages,
 * each a pure function with its own tests:
 *
 *   draft items (stages/draft.ts) → apply the consultant's edits (stages/edits.ts) →
 *   schedule (stages/schedule.ts) → the milestone (stages/milestone.ts) →
 *   the items, phases and load (stages/items.ts) → the other route, worked out with the same
 *   stages (stages/route-summary.ts) → tiers and totals (stages/tiers.ts).
 *
 * Pure and deterministic: no Node, DOM or Electron imports, no clock.
 */
import { RULE_BY_ID, matchingRules, type AssessmentResult, type RuleId } from '../assessment/engine'
import type { AssessmentContext, Maturity } from '../assessment/dimensions'
import type { FlagId, RoleId, TaskId } from '../catalogue'
import type { Plan } from './plan.model'
import { libraryLookup, type PartialPlanLibrary, type PlanLibraryLookup } from './plan-library'
import { otherRouteOf, pendingTasks, recommendedRoute, type Route } from './route'
import { draftItems, type Draft } from './stages/draft'
import { applyEdits, MAX_DAYS_PER_WEEK, type PlanEditsInput } from './stages/edits'
import { scheduleDrafts, type ScheduledPlan } from './stages/schedule'
import { headlineMilestone } from './stages/milestone'
import { assembleItems, type AssembledItems } from './stages/items'
import { otherRouteSummary, summariseRoute } from './stages/route-summary'
import { planTiers, planTotals } from './stages/tiers'
import { isIsoDate } from './weeks'
import type { HeadlineMilestone } from './plan.model'

export type { CustomItemInput, ItemOverride } from './stages/edits'
export { hireItemId, pairingShare, roundHalfDay } from './stages/draft'
export { FEATURE_BUILD_WEEKS, MODEL_IMPROVEMENT_WEEKS, MILESTONE_KIND_BY_RULE } from './stages/milestone'
export { FEASIBILITY_WEEKS } from './stages/schedule'
export { milestoneTitle } from './stages/items'

export interface PlanEngagementInput {
  /** ISO date `YYYY-MM-DD`: the first day of week 1. */
  startDate: string
  /** Per consultant day, in `currency`. */
  dayRate: number
  /** ISO 4217 code. */
  currency: string
}

export interface PlanOptions extends PlanEditsInput {
  /** The consultant's days a week for block work (default 3); the interim lead, hiring support and pairing come on top. */
  capacityDaysPerWeek?: number
  /** Weeks from opening any role to the first day, instead of each role's time to hire. */
  recruitingLeadWeeks?: number
  /** Weeks to build a first AI feature once platform and builder are ready, instead of the approach's default. */
  featureBuildWeeks?: number
}

export interface GeneratePlanInput {
  assessment: Pick<AssessmentResult, 'firstHire' | 'hiringSteps' | 'flags' | 'tasks'> & { rule?: RuleId }
  context: AssessmentContext
  /** The maturity the assessment was made from (the rule is worked out from it when not given). */
  maturity: Maturity
  engagement: PlanEngagementInput
  library?: PartialPlanLibrary
  options?: PlanOptions
}

export const DEFAULT_CAPACITY_DAYS_PER_WEEK = 3
export const MIN_CAPACITY_DAYS_PER_WEEK = 0.5
export const MAX_CAPACITY_DAYS_PER_WEEK = MAX_DAYS_PER_WEEK

function checkWeeks(value: number | undefined, name: string, min: number, max: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
    throw new RangeError(`options.${name} must be a whole number from ${min} to ${max}`)
  }
}

/** What every stage shares, worked out once from the input. */
export interface PlanSetup {
  rule: RuleId
  route: Route
  tasks: readonly TaskId[]
  flags: readonly FlagId[]
  context: AssessmentContext
  library: PlanLibraryLookup
  engagement: PlanEngagementInput
  capacity: number
  options: PlanOptions
}

export function planSetup(input: GeneratePlanInput): PlanSetup {
  const { assessment, context, engagement } = input
  const options = input.options ?? {}
  if (!isIsoDate(engagement.startDate)) throw new RangeError('engagement.startDate must be a date written YYYY-MM-DD')
  if (!Number.isFinite(engagement.dayRate) || engagement.dayRate <= 0) throw new RangeError('engagement.dayRate must be a positive number')
  if (!/^[A-Z]{3}$/.test(engagement.currency)) throw new RangeError('engagement.currency must be a three-letter currency code')
  const capacity = options.capacityDaysPerWeek ?? DEFAULT_CAPACITY_DAYS_PER_WEEK
  if (!Number.isFinite(capacity) || capacity < MIN_CAPACITY_DAYS_PER_WEEK || capacity > MAX_CAPACITY_DAYS_PER_WEEK) {
    throw new RangeError(`options.capacityDaysPerWeek must be from ${MIN_CAPACITY_DAYS_PER_WEEK} to ${MAX_CAPACITY_DAYS_PER_WEEK}`)
  }
  checkWeeks(options.recruitingLeadWeeks, 'recruitingLeadWeeks', 1, 104)
  checkWeeks(options.featureBuildWeeks, 'featureBuildWeeks', 1, 104)

  const sequence = assessment.hiringSteps.map((s) => s.role)
  if (sequence[0] !== assessment.firstHire) throw new RangeError('the hiring sequence must start with the first hire')
  if (new Set(sequence).size !== sequence.length) throw new RangeError('the hiring sequence lists a role twice')
  const rule = assessment.rule ?? matchingRules(input.maturity, context)[0] ?? 'R6'
  if (RULE_BY_ID[rule].firstHire !== assessment.firstHire) {
    throw new RangeError(`rule ${rule} chooses ${RULE_BY_ID[rule].firstHire} first, not ${assessment.firstHire}`)
  }
  const flags = [...assessment.flags]
  const tasks = [...assessment.tasks]
  return {
    rule,
    route: recommendedRoute({ rule, firstHire: assessment.firstHire, sequence, flags, tasks }),
    tasks,
    flags,
    context,
    library: libraryLookup(input.library),
    engagement,
    capacity,
    options
  }
}

/** One route through the stages, up to its milestone and items. */
export interface RoutePlan {
  route: Route
  drafts: Draft[]
  scheduled: ScheduledPlan
  milestone: HeadlineMilestone
  assembled: AssembledItems
}

export function planRoute(setup: PlanSetup, route: Route, extra: { lenient?: boolean; firstRecruitWeek?: number } = {}): RoutePlan {
  const pending = pendingTasks(setup.route, setup.flags, setup.tasks)
  const drafted = draftItems({ route, tasks: setup.tasks, flags: setup.flags, pendingTasks: pending, library: setup.library })
  const drafts = applyEdits(drafted, setup.options, { library: setup.library, ...(extra.lenient ? { lenient: true } : {}) })
  const scheduled = scheduleDrafts(drafts, {
    route,
    context: setup.context,
    capacityDaysPerWeek: setup.capacity,
    leadWeeks: (role: RoleId) => setup.options.recruitingLeadWeeks ?? setup.library.role(role).timeToHireWeeks,
    ...(extra.firstRecruitWeek !== undefined ? { firstRecruitWeek: extra.firstRecruitWeek } : {})
  })
  const milestone = headlineMilestone(scheduled, {
    route,
    context: setup.context,
    ...(setup.options.featureBuildWeeks !== undefined ? { featureBuildWeeks: setup.options.featureBuildWeeks } : {})
  })
  const assembled = assembleItems(drafts, scheduled, milestone, setup.engagement.dayRate)
  return { route, drafts, scheduled, milestone, assembled }
}

export function generatePlan(input: GeneratePlanInput): Plan {
  const setup = planSetup(input)
  const main = planRoute(setup, setup.route)
  const firstHire = main.scheduled.hires.get(setup.route.firstHire)!
  const other = planRoute(setup, otherRouteOf(setup.route), { lenient: true, firstRecruitWeek: firstHire.recruitStartWeek })

  const { phases, milestones, weeks, lastWeekWithOptions, consultantLoad } = main.assembled
  const { totals, optionalTotals } = planTotals(phases, setup.engagement.currency, weeks, lastWeekWithOptions)
  const route = summariseRoute(main.route, main.scheduled, main.milestone, weeks)
  const otherSummary = summariseRoute(other.route, other.scheduled, other.milestone, other.assembled.weeks)

  return {
    engagement: { startDate: setup.engagement.startDate, dayRate: setup.engagement.dayRate, currency: setup.engagement.currency },
    capacityDaysPerWeek: setup.capacity,
    rule: setup.rule,
    firstHire: setup.route.firstHire,
    flags: [...setup.flags],
    phases,
    hires: setup.route.sequence.map((role) => main.scheduled.hires.get(role)!),
    milestones,
    milestone: main.milestone,
    route,
    otherRoute: otherRouteSummary(otherSummary, main.milestone.week),
    tiers: planTiers(phases, weeks, lastWeekWithOptions, setup.engagement.dayRate),
    totals,
    optionalTotals,
    weeks,
    lastWeekWithOptions,
    consultantLoad
  }
}

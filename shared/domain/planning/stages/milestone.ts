/**
 * Stage 4, the headline milestone: one per plan, by the rule that chose the first hire
 * (DOMAIN.md, Plan: "The headline milestone").
 *
 * | rule   | kind                      | reached by the end of                                        |
 * | R1     | first_ai_feature          | the full-stack AI engineer's start + the API build weeks      |
 * | R2     | pain_relieved             | the urgent platform core (none: the week after the hire starts) |
 * | R3     | feasibility_answer        | the ML engineer's start + 8 weeks (fine-tuning) or 12 (custom) |
 * | R4, R6 | first_ai_feature          | a builder in place and the committed core ended + build weeks |
 * | R5     | first_model_improvement   | the ML scientist's start + 8 weeks                           |
 *
 * The builder is the first of: the client's ML staff (from week 1), the infrastructure
 * engineer for an API client, the first ML engineer.
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import type { RoleId, TaskId } from '../../catalogue'
import type { AssessmentContext } from '../../assessment/dimensions'
import type { RuleId } from '../../assessment/engine'
import type { FeatureBuilder, HeadlineMilestone, MilestoneBasis, MilestoneKind, PlanHire } from '../plan.model'
import { PLATFORM_CORE_TASK_IDS, type Route } from '../route'
import { FEASIBILITY_WEEKS, hasMlStaff, type ScheduledPlan } from './schedule'

/** Weeks to build a first feature once a builder and the platform are in place. */
export const FEATURE_BUILD_WEEKS: Readonly<Record<AssessmentContext['ai_approach'], number>> = { api: 4, fine_tune: 6, custom: 8 }
/** Weeks from the ML scientist's start to a first measured improvement of a model. */
export const MODEL_IMPROVEMENT_WEEKS = 8

export const MILESTONE_KIND_BY_RULE: Readonly<Record<RuleId, MilestoneKind>> = {
  R1: 'first_ai_feature',
  R2: 'pain_relieved',
  R3: 'feasibility_answer',
  R4: 'first_ai_feature',
  R5: 'first_model_improvement',
  R6: 'first_ai_feature'
}

export interface MilestoneSetup {
  route: Route
  context: AssessmentContext
  /** Overrides the feature build weeks (the consultant's estimate). */
  featureBuildWeeks?: number
}

/** The committed platform core as scheduled: the tasks and their last week. */
export function committedCore(scheduled: ScheduledPlan): { tasks: TaskId[]; endWeek: number | null } {
  const tasks: TaskId[] = []
  let endWeek: number | null = null
  for (const id of PLATFORM_CORE_TASK_IDS) {
    const item = scheduled.items.get(id)
    if (!item || item.draft.pending !== null || item.draft.leftOut) continue
    tasks.push(id)
    endWeek = Math.max(endWeek ?? 0, item.endWeek)
  }
  return { tasks, endWeek }
}

function startOf(scheduled: ScheduledPlan, role: RoleId): number {
  const hire = scheduled.hires.get(role)
  if (!hire) throw new RangeError(`the milestone needs the ${role} hire, which is not in the plan`)
  return hire.startWeek
}

/** The builder of a first AI feature on a route, and the week they are in place. */
export function featureBuilder(route: Route, context: AssessmentContext, hires: ReadonlyMap<RoleId, PlanHire>): { builder: FeatureBuilder; startWeek: number } {
  if (hasMlStaff(context)) return { builder: 'existing_staff', startWeek: 1 }
  const role: RoleId =
    context.ai_approach === 'api' && route.sequence.includes('infra_engineer')
      ? 'infra_engineer'
      : (route.sequence.find((r) => r === 'ml_engineer') ?? route.firstHire)
  return { builder: role, startWeek: hires.get(role)!.startWeek }
}

export function headlineMilestone(scheduled: ScheduledPlan, setup: MilestoneSetup): HeadlineMilestone {
  const { route, context } = setup
  const kind = MILESTONE_KIND_BY_RULE[route.rule]
  const buildWeeks = (approach: AssessmentContext['ai_approach']): number => setup.featureBuildWeeks ?? FEATURE_BUILD_WEEKS[approach]
  let basis: MilestoneBasis
  let week: number
  switch (route.rule) {
    case 'R1': {
      const startWeek = startOf(scheduled, 'fullstack_ai_engineer')
      const weeks = buildWeeks('api')
      basis = { by: 'hire_start', role: 'fullstack_ai_engineer', startWeek, weeks }
      week = startWeek + weeks
      break
    }
    case 'R2': {
      const urgent = route.urgent.filter((id) => {
        const item = scheduled.items.get(id)
        return item && item.draft.pending === null && !item.draft.leftOut && item.draft.owner === 'consultant'
      })
      if (urgent.length > 0) {
        week = Math.max(...urgent.map((id) => scheduled.items.get(id)!.endWeek))
        basis = { by: 'urgent_core', tasks: urgent, endWeek: week }
      } else {
        const startWeek = startOf(scheduled, route.firstHire)
        week = startWeek + 1
        basis = { by: 'hire_settled', role: route.firstHire, startWeek }
      }
      break
    }
    case 'R3': {
      const role: RoleId = route.sequence.includes('ml_engineer') ? 'ml_engineer' : route.firstHire
      const startWeek = startOf(scheduled, role)
      const weeks = FEASIBILITY_WEEKS[context.ai_approach]
      basis = { by: 'hire_start', role, startWeek, weeks }
      week = startWeek + weeks
      break
    }
    case 'R5': {
      const role: RoleId = route.sequence.includes('ml_scientist') ? 'ml_scientist' : route.firstHire
      const startWeek = startOf(scheduled, role)
      basis = { by: 'hire_start', role, startWeek, weeks: MODEL_IMPROVEMENT_WEEKS }
      week = startWeek + MODEL_IMPROVEMENT_WEEKS
      break
    }
    case 'R4':
    case 'R6': {
      const core = committedCore(scheduled)
      const { builder, startWeek } = featureBuilder(route, context, scheduled.hires)
      const weeks = buildWeeks(context.ai_approach)
      basis = {
        by: 'platform_and_builder',
        builder,
        builderStartWeek: startWeek,
        platformCoreEndWeek: core.endWeek,
        platformCore: core.tasks,
        buildWeeks: weeks
      }
      week = Math.max(startWeek, core.endWeek ?? 0) + weeks
      break
    }
  }
  const firstStart = startOf(scheduled, route.firstHire)
  return {
    kind,
    rule: route.rule,
    week,
    next: kind === 'first_ai_feature' && context.models_in_production > 0,
    basis,
    weeksAfterFirstHireStart: week - firstStart,
    beforeFirstHire: week < firstStart
  }
}

/**
 * "Infrastructure first" against "ML engineer first" for this client: the generator runs
 * twice with the first hire forced (infra_engineer, then ml_engineer; the rest of the hiring
 * sequence keeps its order) and each schedule's time to the first AI feature is set beside
 * the seed figures.
 *
 * The seed figures are what the seed essays' authors observed at a dozen or so companies of
 * 50–500 people, not a guarantee; the authors sell consulting and hiring services. They are
 * read as counted from the first hire's start, so the comparison uses each plan's weeks
 * from its first hire's first week (and gives the weeks from the engagement's start too).
 *
 * Pure module: no Node, DOM or Electron imports.
 */
import { ML_ROLE_IDS, type RoleId } from '../catalogue'
import type { AssessmentResult, HiringStep } from '../assessment/engine'
import { generatePlan, type GeneratePlanInput } from './plan.generator'
import type { Plan, PlanTotals } from './plan.model'
import { monthsToWeeks, weeksToMonths } from './weeks'

export const SCENARIO_IDS = ['infra_first', 'ml_first'] as const
export type ScenarioId = (typeof SCENARIO_IDS)[number]

export interface SeedFigure {
  /** Months to the first AI feature, as observed. */
  minMonths: number
  maxMonths: number
  /** Months spent stabilising the infrastructure afterwards, as observed. */
  stabilisationMonths: number
}

export const SEED_FIGURES: Readonly<Record<ScenarioId, SeedFigure>> = {
  infra_first: { minMonths: 2, maxMonths: 3, stabilisationMonths: 0 },
  ml_first: { minMonths: 6, maxMonths: 9, stabilisationMonths: 3 }
}

export const SEED_FIGURES_NOTE =
  'Seed figures are what the authors of the source essays saw at about a dozen companies of 50 to 500 people; they describe those companies, not a promise for this one, and the authors sell consulting and hiring services.'

const SCENARIO_FIRST_HIRE: Readonly<Record<ScenarioId, RoleId>> = {
  infra_first: 'infra_engineer',
  ml_first: 'ml_engineer'
}

const SCENARIO_LABEL: Readonly<Record<ScenarioId, string>> = {
  infra_first: 'Infrastructure engineer first',
  ml_first: 'ML engineer first'
}

export interface ScenarioResult {
  id: ScenarioId
  label: string
  firstHire: RoleId
  /** The assessment recommends this first hire. */
  recommended: boolean
  firstHireStartWeek: number
  /** Week by whose end the first AI feature ships, counted from the engagement's start. */
  timeToFirstFeatureWeeks: number
  /** Weeks from the first hire's first week (what the seed figures are set beside). */
  weeksFromFirstHireStart: number
  monthsFromFirstHireStart: number
  monthsFromStart: number
  planWeeks: number
  totals: PlanTotals
  seed: SeedFigure & { minWeeks: number; maxWeeks: number }
}

export interface ScenarioComparison {
  recommendedFirstHire: RoleId
  scenarios: ScenarioResult[]
  seedNote: string
}

type HiringFields = Pick<AssessmentResult, 'firstHire' | 'hiringSteps' | 'flags' | 'tasks'>

/** The assessment with `role` as the first hire and the rest of the sequence in its order. */
export function withFirstHire<T extends HiringFields>(assessment: T, role: RoleId): T {
  if (assessment.firstHire === role) return assessment
  const audit = assessment.flags.includes('no_data_no_model')
  const forced: HiringStep = {
    role,
    step: 0,
    why: 'First hire set for the scenario comparison.',
    afterAudit: audit && ML_ROLE_IDS.includes(role)
  }
  const hiringSteps = [forced, ...assessment.hiringSteps.filter((s) => s.role !== role)]
  return {
    ...assessment,
    firstHire: role,
    hiringSteps,
    ...('hiringSequence' in assessment ? { hiringSequence: hiringSteps.map((s) => s.role) } : {})
  }
}

function scenario(id: ScenarioId, plan: Plan, recommended: RoleId): ScenarioResult {
  const first = plan.hires[0]!
  const seed = SEED_FIGURES[id]
  const fromHire = plan.firstFeature.weeksFromFirstHireStart
  return {
    id,
    label: SCENARIO_LABEL[id],
    firstHire: plan.firstHire,
    recommended: recommended === plan.firstHire,
    firstHireStartWeek: first.startWeek,
    timeToFirstFeatureWeeks: plan.timeToFirstFeatureWeeks,
    weeksFromFirstHireStart: fromHire,
    monthsFromFirstHireStart: weeksToMonths(fromHire),
    monthsFromStart: weeksToMonths(plan.timeToFirstFeatureWeeks),
    planWeeks: plan.weeks,
    totals: plan.totals,
    seed: { ...seed, minWeeks: monthsToWeeks(seed.minMonths), maxWeeks: monthsToWeeks(seed.maxMonths) }
  }
}

/** Both schedules for this client, infrastructure first then ML engineer first. */
export function compareFirstHireScenarios(input: GeneratePlanInput): ScenarioComparison {
  const recommended = input.assessment.firstHire
  return {
    recommendedFirstHire: recommended,
    scenarios: SCENARIO_IDS.map((id) =>
      scenario(id, generatePlan({ ...input, assessment: withFirstHire(input.assessment, SCENARIO_FIRST_HIRE[id]) }), recommended)
    ),
    seedNote: SEED_FIGURES_NOTE
  }
}

/**
 * The plan's headline milestone and the two routes to it, in the words every document uses
 * (the proposal, the workshop report and the progress report): one story, read from the one
 * computed plan. The milestone is named by its kind, never as a "first AI feature" for a
 * plan that does not aim at one, and as the *next* AI feature once models run in production.
 *
 * Pure: no Node, no file system.
 */
import type { RoleId, TaskId } from '../shared/domain/catalogue'
import type { Plan } from '../shared/domain/planning/plan.model'
import { compareRoutes, OBSERVED_FIGURES, type RouteComparison, type RouteView } from '../shared/domain/planning/scenarios'
import { weeksToMonths } from '../shared/domain/planning/weeks'
import { lowerFirst, plural, type EngagementBasis } from './engagement-basis'
import { indefinite, upperFirst } from './words'
import { formatList } from './format'
import { singleLine } from './text'

/** What each platform core task is, in a client's words. */
const CORE_WORDS: Readonly<Partial<Record<TaskId, string>>> = {
  serving_pipeline: 'a deployment pipeline',
  prediction_logging: 'prediction logging',
  model_monitoring: 'model monitoring'
}

const roleName = (basis: Pick<EngagementBasis, 'library'>, role: RoleId): string =>
  lowerFirst(singleLine(basis.library.role(role).title).replace(/\s*\([^)]*\)\s*$/, ''))

/** "a first answer on feasibility", mid-sentence. */
export function milestoneName(plan: Pick<Plan, 'milestone' | 'route' | 'otherRoute'>): string {
  return lowerFirst(compareRoutes(plan).milestone.title)
}

/** The label above the milestone's paragraph. */
export function milestoneHeading(plan: Pick<Plan, 'milestone'>): string {
  switch (plan.milestone.kind) {
    case 'first_ai_feature':
      return plan.milestone.next ? 'When to expect the next AI feature' : 'When to expect the first AI feature'
    case 'pain_relieved':
      return 'When the production pain eases'
    case 'feasibility_answer':
      return 'When to expect an answer on feasibility'
    case 'first_model_improvement':
      return 'When to expect the first model improvement'
  }
}

/** The milestone in one short line for key figures: its name and week. */
export function milestoneFigure(plan: Pick<Plan, 'milestone' | 'route' | 'otherRoute'>): { label: string; value: string } {
  const title = compareRoutes(plan).milestone.title
  return { label: title, value: `Week ${plan.milestone.week}` }
}

/** Sentences saying when the milestone is reached and what it waits for. */
export function milestoneSentences(basis: EngagementBasis): string[] {
  const { plan, clientName: client } = basis
  const m = plan.milestone
  const by = `by the end of week ${m.week} (${basis.weekEnd(m.week)})`
  const months = basis.num(weeksToMonths(m.week))
  const first = plan.hires[0]!
  const firstName = roleName(basis, first.role)
  const sentences: string[] = []
  const b = m.basis
  switch (b.by) {
    case 'platform_and_builder': {
      const builder = b.builder === 'existing_staff' ? `${client}’s own ML staff` : `the ${roleName(basis, b.builder)}`
      sentences.push(`We expect ${client}’s ${m.next ? 'next' : 'first'} AI feature to be in use ${by}, about ${months} months after the engagement starts.`)
      if (b.platformCoreEndWeek !== null) {
        const core = formatList(
          b.platformCore.map((id) => CORE_WORDS[id] ?? id),
          basis.locale
        )
        const who = plan.route.platformOwner ? `the ${roleName(basis, plan.route.platformOwner)}` : basis.consultancyName
        sentences.push(
          who === builder
            ? `The feature needs ${core} in place first, which ${who} builds by week ${b.platformCoreEndWeek} and then builds the feature on, in about ${b.buildWeeks} weeks.`
            : `The feature needs ${core} in place first, which ${who} builds by week ${b.platformCoreEndWeek}; ${builder} then ${b.builder === 'existing_staff' ? 'build' : 'builds'} the feature in about ${b.buildWeeks} weeks.`
        )
      } else {
        sentences.push(
          `The platform it runs on is already in place, so ${builder} can build it in about ${b.buildWeeks} weeks from week ${b.builderStartWeek}.`
        )
      }
      // The client's own staff build it while the hire is still arriving: say whom the hire is for, so the dates side by side are not read as the hire's.
      if (b.builder === 'existing_staff' && !m.beforeFirstHire && first.startWeek <= m.week) {
        sentences.push(
          `The ${firstName}, who starts in week ${first.startWeek}, joins as it is being finished: the hire is for the features that come after it.`
        )
      }
      if (m.beforeFirstHire) {
        sentences.push(
          `${client}’s ML staff get there before the ${firstName} starts in week ${first.startWeek}. What the hire changes is who owns and runs the platform afterwards, so that the ML staff stay on models.`
        )
      }
      break
    }
    case 'urgent_core': {
      const core = formatList(
        b.tasks.map((id) => CORE_WORDS[id] ?? id),
        basis.locale
      )
      sentences.push(
        `The production pain is relieved ${by}: ${basis.consultancyName} builds ${core} from the start of Foundations, at full effort, instead of leaving them to wait for a hire.`,
        handoverWeek(basis) !== null && handoverWeek(basis)! > first.startWeek
          ? `The ${firstName} joins in week ${first.startWeek}, works alongside us, and takes them over with the rest of our work in week ${handoverWeek(basis)}.`
          : `The ${firstName} joins in week ${first.startWeek} and takes them over.`
      )
      break
    }
    case 'hire_settled':
      sentences.push(
        `The production pain is relieved ${by}: the ${firstName} starts in week ${b.startWeek} and takes over releases, retraining and versioning in the week after.`
      )
      break
    case 'hire_start': {
      const hire = roleName(basis, b.role)
      if (m.kind === 'feasibility_answer') {
        sentences.push(
          `We expect a first answer on whether a valuable model can be built ${by}: the ${hire} starts in week ${b.startWeek} and needs about ${b.weeks} weeks of experiments.`,
          'Production platform work waits for that answer, so no money goes into serving a model that may not exist.'
        )
      } else if (m.kind === 'first_model_improvement') {
        sentences.push(
          `We expect a first measured improvement to a model ${by}: the ${hire} starts in week ${b.startWeek} and needs about ${b.weeks} weeks of research and experiments.`
        )
      } else {
        sentences.push(
          `We expect a first AI feature, built on a hosted model, ${by}: the ${hire} starts in week ${b.startWeek} and needs about ${b.weeks} weeks to build it into the product.`
        )
      }
      break
    }
  }
  return sentences
}

/** What a route's first hire brings, and when, for the comparison in words. */
function gains(basis: EngagementBasis, route: RouteView): string {
  const hire = roleName(basis, route.firstHire)
  const start = route.firstHireStartWeek
  const ml = route.hireStarts.ml_engineer
  switch (route.firstHire) {
    case 'infra_engineer':
    case 'mlops_engineer':
      return (
        `with ${indefinite(hire)} first, the platform has an owner who runs it from week ${start}` +
        (ml && ml > start
          ? basis.assessment.context.ml_staff === 0
            ? `, and the models wait for an ML engineer until week ${ml}`
            : `, but the team gains no more hands on models until week ${ml}`
          : '')
      )
    case 'ml_engineer':
      return route.platformOwner === 'ml_engineer'
        ? basis.plan.milestone.basis.by === 'urgent_core'
          ? `with an ML engineer first, the urgent work would be the same, but they would build the rest of the platform themselves and spend about three months stabilising it`
          : `with an ML engineer first, they would build the platform themselves and spend about three months stabilising it`
        : `with an ML engineer first, the models gain a dedicated engineer from week ${start}` +
            (handoverWeek(basis) ? `, and the platform ${basis.consultancyName} builds passes to its owner in week ${handoverWeek(basis)}` : '')
    case 'ml_scientist':
      return `with an ML scientist first, research to improve the models starts in week ${start}`
    case 'fullstack_ai_engineer':
      return `with a full-stack AI engineer first, the product gains someone building AI features from week ${start}`
    default:
      return `with ${indefinite(hire)} first, they start in week ${start}`
  }
}

const handoverWeek = (basis: EngagementBasis): number | null => {
  const h = basis.plan.phases.flatMap((p) => p.items).find((i) => i.id === 'handover' && !i.optional)
  return h ? h.endWeek : null
}

function sameWeekReason(basis: EngagementBasis, comparison: RouteComparison): string {
  const b = basis.plan.milestone.basis
  if (b.by === 'urgent_core') return `${basis.consultancyName} builds the urgent platform work either way`
  if (b.by === 'platform_and_builder' && b.builder === 'existing_staff') return `${basis.clientName}’s own ML staff build it either way`
  if (b.by === 'hire_settled') return 'the first hire settles in the same week either way'
  return `the same work decides it either way (${comparison.milestone.title.toLowerCase()})`
}

function slowerBecause(basis: EngagementBasis, other: RouteView): string {
  if (other.platformOwner && other.ownedPlatformTasks.length > 0 && other.firstHire === 'ml_engineer') {
    return ', because the ML engineer would build the platform themselves, at about a quarter of an infrastructure engineer’s pace'
  }
  const plan = basis.plan
  const b = plan.milestone.basis
  if (b.by === 'hire_start' && b.role !== other.firstHire) {
    return `, because the ${roleName(basis, b.role)} would only join after the ${roleName(basis, other.firstHire)}`
  }
  if (b.by === 'platform_and_builder' && b.builder !== 'existing_staff' && b.builder !== other.firstHire) {
    return `, because the ${roleName(basis, b.builder)} who builds it would join later`
  }
  return ''
}

/** Sentences comparing the two routes; where both reach the milestone in the same week, words instead of a chart. */
export function routeSentences(basis: EngagementBasis, comparison: RouteComparison = compareRoutes(basis.plan)): string[] {
  const [recommended, other] = comparison.routes
  const alt = roleName(basis, other.firstHire)
  const name = comparison.milestone.phrase
  if (comparison.sameWeek) {
    return [
      `Hiring ${indefinite(alt)} first instead would reach ${name} in the same week, because ${sameWeekReason(basis, comparison)}.`,
      `What differs is what each first hire leaves behind. ${upperFirst(gains(basis, recommended))}; ${gains(basis, other)}.`
    ]
  }
  const later = other.milestoneWeek - recommended.milestoneWeek
  const sentences = [
    `With ${indefinite(alt)} hired first instead, the same point would come in week ${other.milestoneWeek}, ${later} ${plural(later, 'week', 'weeks')} later${slowerBecause(basis, other)}.`
  ]
  if (other.stabilisationWeeks > 0)
    sentences.push('And the essays this method draws on report about three months of stabilising that infrastructure afterwards.')
  return sentences
}

/** What the essays' authors observed, for a first AI feature only, as their experience and not a promise. */
export function observedSentence(basis: EngagementBasis, comparison: RouteComparison = compareRoutes(basis.plan)): string | null {
  const seen = comparison.routes.filter((r) => r.observed)
  if (seen.length === 0) return null
  const infra = OBSERVED_FIGURES.infra_first
  const ml = OBSERVED_FIGURES.ml_first
  const parts = seen.map((r) =>
    r.firstHire === 'infra_engineer'
      ? `companies that hired infrastructure first ship a first AI feature ${infra.minMonths}–${infra.maxMonths} months after that hire`
      : `companies that hired ML engineers first take ${ml.minMonths}–${ml.maxMonths} months, then about ${ml.stabilisationMonths} months stabilising the infrastructure`
  )
  return (
    `For comparison, the authors of the essays this method draws on saw ${parts.join(', and ')}. ` +
    `They saw this at a dozen or so companies of 50 to 500 people and sell consulting and hiring services: read the figures as their experience, not as a promise for ${basis.clientName}.`
  )
}

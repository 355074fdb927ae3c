/**
 * What the plan does, said the way the schedule does it: the findings and what each means
 * for this plan (with its weeks), why the hiring order is right, what each phase holds, and
 * short names for the work. The proposal and the workshop report both read these, so a
 * finding that says a task comes first is true of the timeline in both.
 *
 * Pure: no Node, no file system.
 */
import { ROLE_BY_ID, type FlagId, type PhaseId, type RoleId } from '../shared/domain/catalogue'
import type { AssessmentContext } from '../shared/domain/assessment/dimensions'
import { workItems, type Plan, type PlanItem } from '../shared/domain/planning/plan.model'
import { lowerFirst, type EngagementBasis } from './engagement-basis'
import { formatList } from './format'
import { singleLine } from './text'
import { countOf, countWord, indefinite } from './words'

/** Short names for the work, mid-sentence. */
const SHORT: Readonly<Record<string, string>> = {
  kickoff: 'the kick-off',
  objectives_audit: 'the audit of objectives and data',
  interim_lead: 'interim ML leadership one day a week',
  cicd_gpu: 'CI/CD with GPU runners',
  terraform: 'infrastructure as code with Terraform',
  billing_alerts: 'billing alerts',
  serving_pipeline: 'a deployment pipeline',
  model_monitoring: 'model monitoring',
  prediction_logging: 'prediction logging',
  shadow_ab: 'live experiments (shadow mode, traffic splits)',
  tracking_registry: 'experiment tracking and a model registry',
  data_versioning: 'versioned datasets',
  etl_dagster: 'ETL orchestration',
  training_infra: 'training-job infrastructure',
  nightly_regression: 'a nightly regression run',
  distillation: 'model distillation',
  handover: 'the handover of the platform',
  dedicated_ai_team: 'a dedicated AI team'
}

/** A role's name from the library, without its parenthesis, mid-sentence ("senior infrastructure engineer"). */
export const roleWords = (basis: Pick<EngagementBasis, 'library'>, role: RoleId): string =>
  lowerFirst(singleLine(basis.library.role(role).title).replace(/\s*\([^)]*\)\s*$/, '') || ROLE_BY_ID[role].name)

/** An item's short name, mid-sentence. */
export function shortName(basis: Pick<EngagementBasis, 'library'>, item: Pick<PlanItem, 'id' | 'kind' | 'owner' | 'title'>): string {
  if (item.kind === 'hire') return `recruiting the ${roleWords(basis, item.owner as RoleId)}`
  return SHORT[item.id] ?? lowerFirst(singleLine(item.title))
}

/** "A, B, C and two other tasks": at most `shown` names, the rest counted. */
export function listOf(names: readonly string[], locale: string, shown = 3, others = ['other task', 'other tasks'] as const): string {
  if (names.length <= shown + 1) return formatList(names, locale)
  const rest = names.length - shown
  return formatList([...names.slice(0, shown), countOf(rest, others[0], others[1])], locale)
}

const weeksText = (from: number, to: number): string => (from === to ? `week ${from}` : `weeks ${from}–${to}`)

const items = (plan: Plan): PlanItem[] => workItems(plan)
const PLATFORM_TASKS: ReadonlySet<string> = new Set(['serving_pipeline', 'prediction_logging', 'model_monitoring', 'shadow_ab', 'nightly_regression'])
const find = (plan: Plan, id: string): PlanItem | undefined => items(plan).find((i) => i.id === id)
const hireOf = (plan: Plan, role: RoleId) => plan.hires.find((h) => h.role === role)

/** The consultant's committed one-off setup in Foundations (urgent work, the interim lead and the dedicated team aside). */
export function setupWork(plan: Plan): PlanItem[] {
  return items(plan).filter(
    (i) => i.phase === 'foundations' && i.owner === 'consultant' && !i.optional && !i.urgent && i.daysPerWeek === undefined && i.id !== 'dedicated_ai_team'
  )
}

/** The urgent work, committed, in schedule order. */
export const urgentWork = (plan: Plan): PlanItem[] => items(plan).filter((i) => i.urgent && !i.optional)

function observedText(flag: FlagId, context: AssessmentContext): string {
  switch (flag) {
    case 'wrong_order':
      return 'The ML staff spend much of their time on Dockerfiles, pipelines and clusters, and nobody is dedicated to infrastructure.'
    case 'needs_interim_lead':
      return 'The team has no experienced ML lead: nobody owns the architecture calls, the reviews of ML work or the ML hiring.'
    case 'protect_ai_team':
      return 'An AI demo has caught on, and the engineers behind it keep being pulled into maintenance.'
    case 'no_data_no_model':
      return context.has_data === 'none' && !context.has_objectives
        ? 'There is neither data to train or evaluate a model on nor a business objective with a metric yet.'
        : context.has_data === 'none'
          ? 'There is no data yet to train or evaluate a model on.'
          : 'There is no clear business objective, with a metric, for the AI work yet.'
    case 'gpu_ci_gap':
      return 'Work runs on GPUs, but CI/CD cannot use GPUs, so models are built and tested by hand.'
  }
}

/** What a finding means for this plan, with the weeks the schedule gives it. */
export function findingMeaning(basis: EngagementBasis, flag: FlagId): string {
  const { plan } = basis
  const locale = basis.locale
  const us = basis.consultancyName
  switch (flag) {
    case 'wrong_order': {
      const serving = find(plan, 'serving_pipeline')
      const infra = plan.hires.find((h) => h.role === 'infra_engineer' || h.role === 'mlops_engineer')
      const infraName = infra ? roleWords(basis, infra.role) : null
      if (serving && serving.urgent && !serving.optional) {
        return (
          `From week ${serving.startWeek} ${us} builds the deployment pipeline with the ML staff who do that work today, so they can go back to models` +
          (infra ? `; the ${infraName} takes over the platform from week ${infra.startWeek}.` : '.')
        )
      }
      if (plan.rule === 'R3' && infra) {
        const setup = setupWork(plan).map((i) => shortName(basis, i))
        return (
          `The ${infraName} joins once the answer on feasibility is in (week ${infra.startWeek})` +
          (setup.length ? `; until then ${us} takes ${listOf(setup, locale)} off the ML staff’s hands.` : '.')
        )
      }
      return infra
        ? `The ${infraName} is hired ${infra.position === 0 ? 'first' : 'early'}, starting in week ${infra.startWeek}, so the ML staff can go back to models.`
        : 'The platform work moves off the ML staff as the plan takes it over.'
    }
    case 'needs_interim_lead': {
      const lead = find(plan, 'interim_lead')
      const hire = hireOf(plan, 'ml_lead')
      if (!lead) return 'Technical leadership needs an owner: the plan leaves it to the client for now.'
      return (
        `${us} provides interim ML leadership one day a week, ${weeksText(lead.startWeek, lead.endWeek)}` +
        (hire ? `; a permanent ML lead joins in week ${hire.startWeek} and takes the role over by the end of the plan.` : '.')
      )
    }
    case 'protect_ai_team': {
      const team = find(plan, 'dedicated_ai_team')
      return team
        ? `In ${weeksText(team.startWeek, team.endWeek)} the engineers behind the demo form a small dedicated AI team, shielded from maintenance, before anything else is built around them.`
        : 'The engineers behind the demo should form a small dedicated AI team, shielded from maintenance.'
    }
    case 'no_data_no_model': {
      const audit = find(plan, 'objectives_audit')
      const waiting = items(plan).filter((i) => i.pending === 'audit')
      const days = waiting.reduce((s, i) => s + i.effortDays, 0)
      return (
        (audit ? `The objectives and data audit runs in ${weeksText(audit.startWeek, audit.endWeek)}. ` : '') +
        (waiting.length
          ? `Until it confirms there is a model worth building, the ML work (${countOf(waiting.length, 'item', 'items')}, ${basis.num(days)} consultant days) and recruiting for ML roles wait outside the committed total.`
          : 'Recruiting for ML roles waits until it confirms there is a model worth building.')
      )
    }
    case 'gpu_ci_gap': {
      const cicd = find(plan, 'cicd_gpu')
      if (!cicd) return 'CI/CD with GPU runners should come early.'
      const terraform = find(plan, 'terraform')
      const ahead = [
        ...(urgentWork(plan).length ? ['the urgent platform work'] : []),
        ...(terraform && terraform.endWeek <= cicd.startWeek ? ['the Terraform setup it runs on'] : [])
      ]
      return ahead.length
        ? `CI/CD with GPU runners follows straight after ${formatList(ahead, locale)}, in ${weeksText(cicd.startWeek, cicd.endWeek)}, ahead of the rest of Foundations.`
        : `CI/CD with GPU runners comes first in Foundations, in ${weeksText(cicd.startWeek, cicd.endWeek)}.`
    }
  }
}

export interface FindingView {
  flag: FlagId
  title: string
  observed: string
  meaning: string
}

export const FINDING_TITLES: Readonly<Record<FlagId, string>> = {
  wrong_order: 'Hires in the wrong order',
  needs_interim_lead: 'Nobody to lead the ML work',
  protect_ai_team: 'A promising demo at risk',
  no_data_no_model: 'Nothing to train a model on yet',
  gpu_ci_gap: 'GPU work without GPU-capable CI/CD'
}

export function findings(basis: EngagementBasis): FindingView[] {
  return basis.plan.flags.map((flag) => ({
    flag,
    title: FINDING_TITLES[flag],
    observed: observedText(flag, basis.assessment.context),
    meaning: findingMeaning(basis, flag)
  }))
}

/** Why this hiring order, for this plan: the rule's argument, then what the schedule does about it. */
export function whyThisOrder(basis: EngagementBasis): string[] {
  const { plan } = basis
  const locale = basis.locale
  const us = basis.consultancyName
  const why: string[] = []
  const first = plan.hires[0]!
  const ml = plan.hires.find((h) => h.role === 'ml_engineer' && h.position > 0 && h.pending === null)
  switch (plan.rule) {
    case 'R4': {
      why.push(
        'Hiring for the platform first means the ML engineers who follow spend their first weeks on models and data, not on Dockerfiles, pipelines and clusters.'
      )
      const owned = plan.route.ownedPlatformTasks
      if (owned.length > 0) {
        why.push(
          `The ${roleWords(basis, first.role)} builds ${listOf(
            owned.map((id) => SHORT[id] ?? id),
            locale
          )}, with ${us} pairing` + (ml ? `, so the ML engineer starts in week ${ml.startWeek} on a working platform.` : '.')
        )
      }
      break
    }
    case 'R2':
      why.push('The models already in use are what hurts: someone who owns releases, retraining and versioning removes the pain before more models are added.')
      break
    case 'R1':
      why.push(
        'Without data or a clear objective there is no model to build yet; a product engineer can ship value on hosted models while both are put in place.'
      )
      break
    case 'R3':
      why.push(
        'The open question is whether a valuable model can be built at all, and only ML expertise can answer it. Production platform work waits for that answer: it is offered as an option, not committed.'
      )
      break
    case 'R5':
      why.push('Platform and data are in place, so the next gains come from better models, which is research work.')
      break
    case 'R6': {
      const missing = items(plan).filter((i) => i.owner === 'consultant' && !i.optional && PLATFORM_TASKS.has(i.id))
      why.push(
        missing.length
          ? `A generalist who runs experiments, prepares data and ships models is what the team needs next; the platform is far enough along for one, and ${basis.consultancyName} builds the missing parts (${listOf(
              missing.map((i) => shortName(basis, i)),
              basis.locale
            )}) alongside.`
          : 'The platform is ready for a generalist who can run experiments, prepare data and ship models on it.'
      )
      break
    }
  }
  const urgent = urgentWork(plan)
  if (urgent.length > 0) {
    const end = Math.max(...urgent.map((i) => i.endWeek))
    why.push(
      `${us} builds ${listOf(
        urgent.map((i) => shortName(basis, i)),
        locale
      )} from week ${Math.min(...urgent.map((i) => i.startWeek))}, so ${plan.rule === 'R2' ? 'the pain eases' : 'releases stop depending on the ML staff'} by week ${end} instead of waiting for a hire.`
    )
  }
  // The one-off setup, less what a bullet above has already named (each task is counted once).
  const named = new Set<string>([
    ...urgent.map((i) => i.id),
    ...(plan.rule === 'R6'
      ? items(plan)
          .filter((i) => i.owner === 'consultant' && !i.optional && PLATFORM_TASKS.has(i.id))
          .map((i) => i.id)
      : [])
  ])
  const setup = setupWork(plan)
  const rest = setup.filter((i) => !named.has(i.id))
  if (rest.length > 0) {
    const when = Math.max(...setup.map((i) => i.endWeek)) < plan.hires[0]!.startWeek ? 'While recruiting runs' : 'Starting while recruiting runs'
    why.push(
      `${when}, ${us} ${rest.length < setup.length ? 'also does the rest of' : 'does'} the one-off setup (${listOf(
        rest.map((i) => shortName(basis, i)),
        locale
      )}), which is faster done once by someone who has done it before.`
    )
  }
  if (plan.flags.includes('no_data_no_model')) {
    why.push('An objectives and data audit comes before any ML hire, so that no one is hired to build a model there is no data or purpose for.')
  }
  return why
}

/** What a phase holds and why, in the plan's own weeks. */
export function phaseIntro(basis: EngagementBasis, phase: PhaseId): string {
  const { plan } = basis
  const us = basis.consultancyName
  const locale = basis.locale
  const inPhase = items(plan).filter((i) => i.phase === phase)
  const first = plan.hires[0]!
  const firstName = roleWords(basis, first.role)
  switch (phase) {
    case 'discovery':
      return plan.flags.includes('no_data_no_model')
        ? 'We read out the assessment with your leadership, agree the objectives an AI feature would serve and run the objectives and data audit. Its result decides whether the ML work later in this plan goes ahead.'
        : 'We read out the assessment with your leadership and agree the objective, and the metric, that the work must move, so that every later task serves them.'
    case 'foundations': {
      const parts: string[] = []
      const team = inPhase.find((i) => i.id === 'dedicated_ai_team')
      if (team) parts.push(`In ${weeksText(team.startWeek, team.endWeek)} the engineers behind the demo become a small dedicated AI team.`)
      const urgent = urgentWork(plan)
      if (urgent.length)
        parts.push(
          `The urgent work comes first: ${listOf(
            urgent.map((i) => shortName(basis, i)),
            locale
          )}, which ${us} builds at full effort from week ${Math.min(...urgent.map((i) => i.startWeek))}.`
        )
      const setup = setupWork(plan)
      if (setup.length) {
        const gpu = plan.flags.includes('gpu_ci_gap') && setup.some((i) => i.id === 'cicd_gpu')
        const done = Math.max(...setup.map((i) => i.endWeek))
        const from = Math.min(...setup.map((i) => i.startWeek))
        parts.push(
          done < first.startWeek
            ? `${urgent.length || team ? 'Then comes the' : 'This phase is the'} one-off setup we do ourselves while recruiting runs${gpu ? ', with CI/CD for GPUs first' : ''}, so that the ${firstName} joins a working base rather than a blank page.`
            : `${urgent.length || team ? 'Then comes the' : 'This phase is the'} one-off setup we do ourselves, in ${weeksText(from, done)}${gpu ? ', with CI/CD for GPUs first' : ''}: it starts while recruiting runs and is finished in the ${firstName}’s first weeks, so they take it over as it is built.`
        )
      }
      if (inPhase.some((i) => i.id === 'interim_lead')) parts.push('Interim ML leadership runs one day a week alongside, to the end of the plan.')
      return parts.join(' ') || 'One-off setup work we do ourselves.'
    }
    case 'first_hire': {
      const owned = inPhase.filter((i) => i.kind === 'task' && i.owner === first.role)
      const handover = inPhase.find((i) => i.id === 'handover')
      return [
        `Recruiting for the ${firstName} opens in week ${first.recruitStartWeek}, with ${us} writing the job description, screening and running the technical interviews; they start in week ${first.startWeek}.`,
        ...(owned.length
          ? [
              `From week ${first.workStartWeek} they build and own ${listOf(
                owned.map((i) => shortName(basis, i)),
                locale
              )}, with us pairing for about a third of the effort.`
            ]
          : []),
        ...(handover ? [`We hand over what we built in ${weeksText(handover.startWeek, handover.endWeek)}.`] : [])
      ].join(' ')
    }
    case 'build_out': {
      const later = plan.hires.filter((h) => h.position > 0)
      const committed = later.filter((h) => h.pending === null)
      const handover = inPhase.find((i) => i.id === 'handover')
      const afterCore = plan.route.platformOwner === first.role && committed.some((h) => h.role === 'ml_engineer' || h.role === 'ml_scientist')
      const parts = [
        later.length > 1
          ? `The rest of the team joins one person at a time, at least two weeks apart, with ${us}’s support in recruiting each.`
          : later.length === 1
            ? `The ${roleWords(basis, later[0]!.role)} joins next, with ${us}’s support in recruiting.`
            : ''
      ]
      if (afterCore) {
        const ml = committed.find((h) => h.role === 'ml_engineer' || h.role === 'ml_scientist')!
        parts.push(`The ${roleWords(basis, ml.role)} starts in week ${ml.startWeek}, once the platform core is in place.`)
      }
      if (handover && !handover.optional) parts.push(`The ${roleWords(basis, handover.owner as RoleId)} takes over the platform we built when they join.`)
      if (inPhase.some((i) => i.pending === 'feasibility'))
        parts.push('The platform work here follows only if the experiments show that a valuable model can be built.')
      return parts.filter(Boolean).join(' ')
    }
    case 'scale':
      return 'Work that pays off once the platform runs and an ML engineer is in place.'
  }
}

/** One line per phase for the summary: its weeks and its work, by short name. */
export function approach(basis: EngagementBasis): { name: string; text: string }[] {
  const locale = basis.locale
  return basis.plan.phases.map((p) => {
    const work = p.items.filter((i) => i.kind !== 'milestone' && !i.optional)
    const pending = p.items.filter((i) => i.kind !== 'milestone' && i.optional)
    const all = p.items.filter((i) => i.kind !== 'milestone')
    const from = Math.min(...all.map((i) => i.startWeek))
    const to = Math.max(...all.map((i) => i.endWeek))
    // Several hires read as one list: "recruiting the ML data engineer and the ML engineer".
    const hires = work.filter((i) => i.kind === 'hire').map((i) => `the ${roleWords(basis, i.owner as RoleId)}`)
    const names = work.flatMap((i, k) => {
      if (i.kind !== 'hire' || hires.length < 2) return [shortName(basis, i)]
      return work.findIndex((x) => x.kind === 'hire') === k ? [`recruiting ${formatList(hires, locale)}`] : []
    })
    const text =
      (names.length ? `${weeksText(from, to).replace(/^w/, 'W')}: ${listOf(names, locale, 4)}.` : `${weeksText(from, to).replace(/^w/, 'W')}.`) +
      (pending.length
        ? ` ${pending.length === 1 ? 'One more item waits' : `${countWord(pending.length).replace(/^./, (c) => c.toUpperCase())} more items wait`} ${pending.some((i) => i.pending === 'feasibility') ? 'for the answer on feasibility' : 'for the audit'}.`
        : '')
    return { name: p.name, text: text.replace(/: (.)/, (_m, c: string) => `: ${c.toUpperCase()}`) }
  })
}

export { indefinite }

/**
 * The parts of a proposal a client expects beyond the plan and the price: the objective and
 * its metric, what each task delivers and when it counts as done, how the work is governed
 * and reported, the risks with what we do about each, a word about the consultancy, and the
 * terms a consultant who touches production systems needs (access and data protection,
 * non-solicitation, governing law). Defaults in our own words; the consultant's own text from
 * Settings replaces them.
 *
 * Pure: no Node, no file system.
 */
import type { RoleId } from '../shared/domain/catalogue'
import { workItems, type PlanItem } from '../shared/domain/planning/plan.model'
import type { EngagementBasis } from './engagement-basis'
import { roleWords, urgentWork } from './plan-story'
import { singleLine } from './text'
import { countWord } from './words'

/** The milestone as the subject of a sentence. */
const MILESTONE_SUBJECT = {
  first_ai_feature: 'The first AI feature',
  pain_relieved: 'Relief from the production pain',
  feasibility_answer: 'The answer on feasibility',
  first_model_improvement: 'The first measured model improvement'
} as const

const weeks = (a: number, b: number): string => (a === b ? `Week ${a}` : `Weeks ${a}–${b}`)

export interface ObjectiveView {
  text: string
  /** True when the client's own objective is written; false when it is still to agree. */
  agreed: boolean
}

export function objectiveView(basis: EngagementBasis, objective: string | null | undefined): ObjectiveView {
  const own = objective?.trim()
  if (own) return { text: own, agreed: true }
  const audit = basis.plan.flags.includes('no_data_no_model')
  return {
    text: audit
      ? 'The objective, and the metric that will show it was met, are set with your leadership at the kick-off and tested against the data in the objectives and data audit.'
      : 'The objective, and the metric that will show it was met, are agreed with your leadership at the kick-off in week 1, before any other work starts.',
    agreed: false
  }
}

export interface DeliverableView {
  title: string
  weeks: string
  /** Who does it: us, or a hire with us pairing. */
  by: string
  /** Waits outside the committed total. */
  optional: boolean
  delivers: string[]
  accepted: string[]
}

/** What each piece of work delivers and when it is accepted, from the library, for the plan's work. */
export function deliverables(basis: EngagementBasis): DeliverableView[] {
  const out: DeliverableView[] = []
  for (const item of workItems(basis.plan)) {
    if (item.kind === 'hire' || item.daysPerWeek !== undefined) continue
    const template = basis.library.task(item.id)
    if (!template || (template.deliverables.length === 0 && template.acceptanceCriteria.length === 0)) continue
    out.push({
      title: singleLine(item.title),
      weeks: weeks(item.startWeek, item.endWeek),
      by: byWhom(basis, item),
      optional: item.optional,
      delivers: [...template.deliverables],
      accepted: [...template.acceptanceCriteria]
    })
  }
  return out
}

function byWhom(basis: EngagementBasis, item: PlanItem): string {
  if (item.owner === 'consultant') return basis.consultancyName
  if (item.kind === 'task') return `The ${roleWords(basis, item.owner as RoleId)}, with ${basis.consultancyName} pairing`
  return basis.consultancyName
}

export interface GovernanceView {
  paragraphs: string[]
  cadence: { what: string; when: string; who: string }[]
}

export function governance(basis: EngagementBasis, own: string | null | undefined): GovernanceView {
  const text = own?.trim()
  if (text)
    return {
      paragraphs: text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
      cadence: []
    }
  const client = basis.clientName
  const us = basis.consultancyName
  const phases = basis.plan.phases.length
  return {
    paragraphs: [
      `${client}’s sponsor owns the engagement’s direction and signs off each phase; the technical contact works with us week to week. On our side, ${basis.consultant} leads the work and is the first person to call.`,
      'Changes to scope, timing or the team are agreed in writing before they take effect, with what they do to the fees and the dates. A concern either side cannot settle within the week goes to the sponsor and to us, who answer within two working days.'
    ],
    cadence: [
      { what: 'Check-in: progress, blockers and the week ahead', when: 'Weekly, 30 minutes', who: `The technical contact and ${us}` },
      { what: 'Progress report: health and its reason, work done, days used against the plan', when: 'Every two weeks', who: `${us}, to the sponsor` },
      {
        what: `Phase review: what the phase delivered, and the go-ahead for the next`,
        when: `At the end of each of the ${countWord(phases)} phases`,
        who: `The sponsor, the technical contact and ${us}`
      },
      { what: 'Hiring debrief: the candidates seen and the decision', when: 'After each interview round', who: `The hiring manager and ${us}` }
    ]
  }
}

export interface RiskView {
  risk: string
  response: string
}

/** The risks that could move this plan, each with what we do about it, drawn from its findings and open answers. */
export function risks(basis: EngagementBasis): RiskView[] {
  const { plan } = basis
  const us = basis.consultancyName
  const out: RiskView[] = []
  const item = (id: string) => workItems(plan).find((i) => i.id === id)
  if (basis.assessment.decisive.length > 0) {
    out.push({
      risk: `The recommendation rests on ${basis.assessment.decisive.length === 1 ? 'an answer' : 'answers'} not known in the workshop, and a different answer would change the first hire.`,
      response: 'We check them in the first week, before recruiting opens, and revise the plan with you if the recommendation changes.'
    })
  }
  const first = plan.hires[0]!
  out.push({
    risk: `A hire takes longer than the ${first.leadTimeWeeks} weeks planned.`,
    response:
      'The work that waits for that person moves with them, and nothing else does: our setup work and the rest of the plan go on. We review the candidates at each weekly check-in so a slow search shows early.'
  })
  if (plan.flags.includes('no_data_no_model')) {
    out.push({
      risk: 'The audit finds no data or objective that would justify building a model.',
      response:
        'The ML work and ML recruiting are priced as an option outside the committed total and start only once the audit confirms them; the committed work is useful either way.'
    })
  }
  if (plan.rule === 'R3') {
    out.push({
      risk: 'The experiments show that no model valuable enough can be built.',
      response:
        'The production platform and the hire who would own it are priced as options and wait for that answer; the committed work (data, training and experiment tooling) keeps its value for the next attempt.'
    })
  }
  const urgent = urgentWork(plan)
  if (plan.rule === 'R2' && urgent.length) {
    const end = Math.max(...urgent.map((i) => i.endWeek))
    out.push({
      risk: `A production model degrades again before the platform core is in place (week ${end}).`,
      response: 'Monitoring is part of the urgent work we build first; until it is live we agree a manual check of the models that matter most.'
    })
  }
  if (plan.flags.includes('wrong_order')) {
    out.push({
      risk: 'The ML staff keep being pulled back into infrastructure work and the models stall.',
      response: item('serving_pipeline')?.urgent
        ? `${us} takes the deployment pipeline off them from week ${item('serving_pipeline')!.startWeek}, and the platform passes to a dedicated hire.`
        : 'The infrastructure work passes to a dedicated hire, and we keep it off the ML staff until then.'
    })
  }
  if (plan.flags.includes('protect_ai_team')) {
    out.push({
      risk: 'The engineers behind the demo are absorbed by maintenance and its momentum is lost.',
      response: `They form a small dedicated AI team in week ${item('dedicated_ai_team')?.startWeek ?? 2}, shielded from maintenance, before anything else is built around them.`
    })
  }
  if (plan.flags.includes('gpu_ci_gap')) {
    out.push({
      risk: 'Model changes keep being built and tested by hand on GPUs, so releases break.',
      response: `CI/CD with GPU runners comes early in Foundations (${item('cicd_gpu') ? weeks(item('cicd_gpu')!.startWeek, item('cicd_gpu')!.endWeek).toLowerCase() : 'early'}).`
    })
  }
  if (plan.flags.includes('needs_interim_lead')) {
    out.push({
      risk: 'Technical decisions drift without an experienced ML lead.',
      response: `${us} provides interim ML leadership one day a week through the plan and takes part in every hiring decision.`
    })
  }
  out.push({
    risk: `${MILESTONE_SUBJECT[plan.milestone.kind].replace('first AI', plan.milestone.next ? 'next AI' : 'first AI')} comes later than week ${plan.milestone.week}.`,
    response: 'We report the forecast against this week in every progress report, with the reason for any change, so the date never surprises anyone.'
  })
  return out
}

export function aboutUs(basis: EngagementBasis, own: string | null | undefined): string[] {
  const text = own?.trim()
  if (text)
    return text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
  return [
    `${basis.consultancyName} helps companies build their AI teams and the platform those teams work on. We assess where a company stands, do the one-off platform work that a fractional team does fastest, and help hire the people who carry it on, in the order that lets each of them be productive from their first weeks.`
  ]
}

/** The terms a consultant who works in the client's systems needs, beside the standard ones. */
export function extraTerms(basis: EngagementBasis, governingLaw: string | null | undefined): { title: string; text: string }[] {
  const client = basis.clientName
  const us = basis.consultancyName
  const law = governingLaw?.trim() || `the law of the country where ${us} has its registered office`
  return [
    {
      title: 'Access and data protection',
      text: `The work needs access to ${client}’s cloud accounts and code, and for some tasks to production systems and their data. We use named accounts with the least access each task needs, follow ${client}’s security policies, and process personal data only on ${client}’s instructions and for this engagement, under a data processing agreement where the law asks for one. Our access ends with the engagement, and anything we hold is returned or deleted.`
    },
    {
      title: 'Non-solicitation',
      text: `While the engagement runs and for twelve months after it, neither party actively recruits the other’s people who worked on it without the other’s written agreement. Replies to public job advertisements are not affected, and the people ${client} hires through the hiring plan in this proposal are its own.`
    },
    {
      title: 'Governing law',
      text: `These terms are governed by ${law}, whose courts decide any dispute the parties cannot settle between themselves.`
    }
  ]
}

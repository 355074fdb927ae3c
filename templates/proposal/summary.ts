/** The executive summary: the situation, the recommendation and why, the key figures, the milestone, the approach and the next steps. */
import { DIMENSIONS } from '../../shared/domain/assessment/dimensions'
import { weekEndDate } from '../../shared/domain/planning/weeks'
import { type PricingTerms } from '../../shared/schemas/pricing.schema'
import { lowerFirst, plural } from '../engagement-basis'
import { formatList } from '../format'
import { type HiringStepView } from '../hiring.model'
import { milestoneFigure, milestoneHeading, milestoneSentences, observedSentence } from '../milestone-story'
import { approach as approachRows, whyThisOrder } from '../plan-story'
import { countOf, countWord, upperFirst } from '../words'
import { objectiveView } from '../proposal-parts'
import { singleLine } from '../text'
import { APPROACH_TEXT, LEADERSHIP_TEXT, STAGE_TEXT } from './wording'
import type { KeyFigure, ProposalInput, ProposalModel } from '../proposal.model'
import type { EngagementBasis } from '../engagement-basis'
import type { PlanPricing } from '../../shared/domain/planning/pricing'
import type { RouteComparison } from '../../shared/domain/planning/scenarios'

export function summarySection(
  basis: EngagementBasis,
  input: ProposalInput,
  priced: { pricing: PlanPricing; terms: PricingTerms; routes: RouteComparison; steps: HiringStepView[] }
): ProposalModel['summary'] {
  const { pricing, terms, routes, steps } = priced
  const { plan, assessment } = basis
  const r = assessment.result
  const ctx = assessment.context
  const locale = basis.locale
  const money = basis.money
  const num = basis.num
  const client = basis.clientName
  const first = steps[0]
  const firstProfile = basis.library.role(plan.firstHire)
  const firstTitle = singleLine(firstProfile.title)
  const endDate = weekEndDate(plan.engagement.startDate, plan.weeks)
  const sorted = [...DIMENSIONS].sort((a, b) => assessment.maturity[b.id] - assessment.maturity[a.id])
  const top = sorted[0]!
  const lowest = assessment.maturity[sorted[sorted.length - 1]!.id]
  const weakest = DIMENSIONS.filter((d) => assessment.maturity[d.id] === lowest).map((d) => d.name)
  // The strongest area is named only when it stands out; a tie is said as one.
  const highest = assessment.maturity[top.id]
  const strongest = DIMENSIONS.filter((d) => assessment.maturity[d.id] === highest).map((d) => lowerFirst(d.name))
  const strongestText =
    strongest.length === 1
      ? `The strongest area is ${strongest[0]} (level ${highest}).`
      : strongest.length <= 3
        ? `The strongest areas are ${formatList(strongest, locale)} (level ${highest}).`
        : `${upperFirst(countWord(strongest.length))} of the eight dimensions reach level ${highest}.`
  const who = [basis.industry, basis.headcount ? `${basis.headcount} people` : null].filter(Boolean).join(', ')
  const situation = [
    [
      `${client}${who ? ` (${who})` : ''} ${APPROACH_TEXT[ctx.ai_approach]} and ${STAGE_TEXT[ctx.stage]}` +
        (ctx.models_in_production > 0
          ? `, with ${num(ctx.models_in_production, 0)} AI ${plural(ctx.models_in_production, 'feature or model', 'features or models')} in use.`
          : '.'),
      `Its ${num(ctx.engineers, 0)} ${plural(ctx.engineers, 'engineer includes', 'engineers include')} ${ctx.ml_staff > 0 ? `${num(ctx.ml_staff, 0)} ML ${plural(ctx.ml_staff, 'specialist', 'specialists')}` : 'no ML specialists'} and ${ctx.infra_staff > 0 ? num(ctx.infra_staff, 0) : 'no'} dedicated infrastructure ${plural(ctx.infra_staff, 'engineer', 'engineers')}.`
    ].join(' '),
    [
      `In the readiness workshop, ${client}’s ML platform scored ${num(r.overall, 2)} of 4 overall, and ${num(r.platform, 2)} of 4 on the parts every model runs on: deployment, monitoring, prediction logging and experiments.`,
      lowest === highest
        ? `Every dimension sits at level ${lowest}.`
        : strongest.length > 3 && weakest.length > 3 && strongest.length + weakest.length === DIMENSIONS.length
          ? `${upperFirst(countWord(strongest.length))} of the eight dimensions reach level ${highest}, and the other ${countWord(weakest.length)} are at level ${lowest}.`
          : `${strongestText} ${
              weakest.length <= 3
                ? `The weakest ${weakest.length === 1 ? 'is' : 'are'} ${formatList(weakest.map(lowerFirst), locale)} (level ${lowest}).`
                : `${upperFirst(countWord(weakest.length))} of the eight dimensions are at level ${lowest}.`
            }`,
      r.flags.length > 0
        ? `The workshop also raised ${countOf(r.flags.length, 'finding that shapes', 'findings that shape')} the plan (see Current state).`
        : ''
    ]
      .filter(Boolean)
      .join(' ')
  ]

  const why = [...whyThisOrder(basis), LEADERSHIP_TEXT[r.leadership]]

  const approach = approachRows(basis)

  // The milestone leads: it is what the client buys. When the client's own staff build it, both
  // tiles say so, so the hire is not read as the one who delivers it.
  const mb = plan.milestone.basis
  const staffFirst = mb.by === 'platform_and_builder' && mb.builder === 'existing_staff'
  const keyFigures: KeyFigure[] = [
    {
      ...milestoneFigure(plan),
      note: staffFirst ? `${basis.weekEnd(plan.milestone.week)}, by ${client}’s own ML staff` : basis.weekEnd(plan.milestone.week)
    },
    {
      label: r.isNextHire ? 'Next AI hire starts' : 'First hire starts',
      value: first ? `Week ${first.startWeek}` : '—',
      note: first ? (staffFirst ? `${basis.weekStartDay(first.startWeek)}, for the work after it` : basis.weekStartDay(first.startWeek)) : ''
    },
    {
      label: 'Investment',
      value: money(pricing.committed.total),
      note: `${pricing.committed.name}, ${pricing.taxRatePercent > 0 ? `incl. ${pricing.taxLabel}` : `excl. ${pricing.taxLabel}`}`
    },
    { label: 'Plan length', value: `${plan.weeks} weeks`, note: `to ${basis.date(endDate)}` }
  ]

  const nextSteps = [
    `Sign the acceptance at the end of this proposal by ${basis.date(terms.validUntil)}.`,
    `Kick-off in week 1 (${basis.weekStartDay(1)}): the assessment read-out and the objectives.`,
    ...(first ? [`Open the ${lowerFirst(firstTitle)} role in week ${first.recruitingWeek}, using the job description and interview kit in this proposal.`] : [])
  ]
  return {
    situation,
    objective: objectiveView(basis, input.engagement.objective),
    recommendation: {
      label: r.isNextHire ? 'Our recommendation for the next AI hire' : 'Our recommendation for the first hire',
      role: plan.firstHire,
      title: firstTitle,
      oneLine: firstProfile.oneLine,
      reason: first?.why ?? r.reason,
      why
    },
    keyFigures,
    milestone: { heading: milestoneHeading(plan), text: milestoneSentences(basis) },
    observed: observedSentence(basis, routes),
    approach,
    nextSteps
  }
}

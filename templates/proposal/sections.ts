/**
 * The proposal's sections that stand on the engagement basis alone: the current state, the
 * assumptions and exclusions, and the acceptance. Each builder returns its section of the
 * model (ProposalModel); buildProposalModel puts them together.
 */
import { readinessRadar } from '../../shared/charts/readiness-radar'
import { DIMENSIONS, type ContextKey } from '../../shared/domain/assessment/dimensions'
import { mapMaturityScales } from '../../shared/domain/assessment/maturity-scales'
import { CONTEXT_QUESTION_BY_KEY } from '../../shared/domain/assessment/question-bank'
import { type PricingTerms } from '../../shared/schemas/pricing.schema'
import { lowerFirst, plural } from '../engagement-basis'
import { findings as findingViews } from '../plan-story'
import { singleLine } from '../text'
import { describeValue } from './wording'
import type { ProposalInput, ProposalModel } from '../proposal.model'
import type { EngagementBasis } from '../engagement-basis'
import type { PlanPricing } from '../../shared/domain/planning/pricing'

/** Current state: the scores, the radar, the two maturity scales and what the workshop found. */
export function currentStateSection(basis: EngagementBasis): ProposalModel['currentState'] {
  const { assessment } = basis
  const r = assessment.result
  const num = basis.num
  const unknownDims = new Set(assessment.assumptions.filter((a) => a.kind === 'dimension').map((a) => a.subject))
  const scales = mapMaturityScales(assessment.maturity)
  return {
    intro: `The workshop scored eight dimensions of ML platform practice, each from 0 (absent) to 4 (fully automated). A dimension’s score is the lowest level that every part of its practice supports.`,
    overall: num(r.overall, 2),
    platform: num(r.platform, 2),
    radar: readinessRadar({ title: 'Readiness workshop', maturity: assessment.maturity }),
    scores: DIMENSIONS.map((d) => ({
      id: d.id,
      name: d.name,
      level: assessment.maturity[d.id],
      meaning: d.levels[assessment.maturity[d.id]] ?? '',
      unknown: unknownDims.has(d.id)
    })),
    anyUnknown: unknownDims.size > 0,
    scales: [scales.google, scales.microsoft].map((p) => ({
      scaleName: p.scaleName,
      level: `${p.level}: ${p.name}`,
      description: p.description,
      next: p.next ? [`Level ${p.next.level} (${p.next.name}) needs:`, ...p.next.missing.map((x) => `• ${x}`)].join('\n') : 'Top of the scale.'
    })),
    scalesNote: scales.note,
    findings: findingViews(basis).map((f) => ({ title: f.title, observed: f.observed, meaning: f.meaning })),
    warnings: r.warnings.map((w) => w.message)
  }
}

/** Assumptions: the standard ones, the unknowns to verify (decisive first), the consultant's own and the exclusions. */
export function assumptionsSection(basis: EngagementBasis, input: ProposalInput): ProposalModel['assumptions'] {
  const { plan, assessment } = basis
  const client = basis.clientName
  const locale = basis.locale
  const capacity = basis.num(plan.capacityDaysPerWeek)
  const standard = [
    `${client} names a sponsor who can take decisions and a technical contact available for about two hours a week.`,
    'We have access to the cloud accounts, code repositories, CI/CD and monitoring tools the work touches by the end of week 1.',
    `${client} runs recruiting (advertising, agencies, offers and salaries); we help with job descriptions, screening, the technical interviews and the final decision, priced per hire in the plan. Each role is assumed to take the lead time shown in the hiring plan to fill.`,
    `We work up to ${capacity} consultant ${plural(plan.capacityDaysPerWeek, 'day', 'days')} a week, remotely by default, with workshops on site where agreed. Weeks count from ${basis.weekStartDay(1)}.`,
    'Effort figures are estimates based on the assessment; if what we find in Discovery changes them materially, we agree the change before going on.',
    'Platform work is built on the cloud and tools already in use unless Discovery shows a strong reason to change.'
  ]
  const toVerify = [...assessment.decisive, ...assessment.assumptions.filter((a) => !a.decisive)].map((a) => ({
    text:
      a.kind === 'dimension'
        ? a.text
        : `${CONTEXT_QUESTION_BY_KEY[a.subject as ContextKey].text} Not known in the workshop; assumed ${describeValue(a, a.assumed, locale)} until checked in Discovery.`,
    decisive: a.decisive,
    changes: a.changes.map(
      (c) => `If it is ${describeValue(a, c.value, locale)}, the first hire would be the ${lowerFirst(singleLine(basis.library.role(c.firstHire).title))}.`
    )
  }))
  const exclusions = [
    'Salaries, recruiting fees and agency costs for the people hired.',
    'Cloud, GPU, software licence and model API usage, billed to the client directly by the providers.',
    'Building the AI product features themselves, beyond the pairing and the platform work described.',
    'Collecting or labelling training data.',
    'Round-the-clock operational support or on-call duty for the systems built.',
    'Legal, data-protection and regulatory advice.'
  ]
  return {
    standard,
    toVerify,
    extra: (input.extraAssumptions ?? []).filter((a) => a.trim() !== ''),
    exclusions: [...exclusions, ...(input.extraExclusions ?? []).filter((e) => e.trim() !== '')]
  }
}

/** Acceptance: what signing accepts (the proposed option, its price, the validity) and who signs. */
export function acceptanceSection(basis: EngagementBasis, input: ProposalInput, pricing: PlanPricing, terms: PricingTerms): ProposalModel['acceptance'] {
  const client = basis.clientName
  const money = basis.money
  const clientSig = input.signatories?.client ?? null
  const consultancySig = input.signatories?.consultancy ?? null
  const proposedTier = pricing.committed
  const acceptance = {
    statement:
      `By signing below, ${client} accepts this proposal (version ${basis.version}, dated ${basis.coverDate}) and chooses the option “${proposedTier.name}” (${proposedTier.phases.length === 1 ? 'the first phase' : `phases 1–${proposedTier.phases.length}`}, to week ${proposedTier.lastWeek}) at ${money(proposedTier.total)}` +
      `${pricing.taxRatePercent > 0 ? ` including ${pricing.taxLabel}` : ''}, on the terms above, and ${basis.consultancyName} agrees to carry it out. The offer stands until ${basis.date(terms.validUntil)}.`,
    parties: [
      { organisation: client, name: singleLine(clientSig?.name ?? ''), title: singleLine(clientSig?.title ?? '') },
      {
        organisation: basis.consultancyName,
        name: singleLine(consultancySig?.name ?? basis.consultant),
        title: singleLine(consultancySig?.title ?? '')
      }
    ]
  }
  return acceptance
}

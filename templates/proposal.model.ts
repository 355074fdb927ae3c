/**
 * The proposal's model: everything the Word proposal shows, worked out from the engagement,
 * the assessment, the plan and its pricing, the content library and the branding, already
 * worded and formatted for the chosen locale. Both the app's main process and the CLI build
 * it with `buildProposalModel`; `buildProposal` (proposal.docx.ts) only lays it out.
 *
 * Pure: no Node, no file system.
 */
import { sectionIdsOf, type DocumentSectionId } from '../shared/domain/documents'
import type { RadarChartSpec } from '../shared/charts/radar.chart'
import { scenarioChart, type ScenarioChartSpec } from '../shared/charts/scenario.chart'
import { timelineChart, type TimelineChartSpec } from '../shared/charts/timeline.chart'
import { type PhaseId, type RoleId } from '../shared/domain/catalogue'
import { DIMENSIONS, type DimensionId } from '../shared/domain/assessment/dimensions'
import type { PlanItem } from '../shared/domain/planning/plan.model'
import { defaultPricingTerms, pricePlan } from '../shared/domain/planning/pricing'
import { compareRoutes } from '../shared/domain/planning/scenarios'
import { addDays, weekEndDate, weekStartDate } from '../shared/domain/planning/weeks'
import { PricingTermsSchema, type PricingTerms, type PricingTermsInput } from '../shared/schemas/pricing.schema'
import type { CoverMeta, DocumentModelBase } from './branding'
import { lowerFirst, plural, resolveEngagementBasis, type EngagementDocumentInput } from './engagement-basis'
import { formatList } from './format'
import { hiringIntro, hiringSteps, rolePacks, type HiringStepView, type RolePack } from './hiring.model'
import { milestoneFigure, milestoneHeading, milestoneSentences, observedSentence, routeSentences } from './milestone-story'
import { approach as approachRows, phaseIntro, shortName, whyThisOrder } from './plan-story'
import { countOf, countWord, typeset, upperFirst } from './words'
import {
  aboutUs,
  deliverables,
  extraTerms,
  governance,
  objectiveView,
  risks,
  type DeliverableView,
  type GovernanceView,
  type ObjectiveView,
  type RiskView
} from './proposal-parts'
import { singleLine } from './text'
import { daysText } from './proposal/days'
import { investmentSection } from './proposal/investment'
import { planRow } from './proposal/plan-rows'
import { defaultTermsClauses } from './proposal/terms'
import { APPROACH_TEXT, LEADERSHIP_TEXT, STAGE_TEXT } from './proposal/wording'
import { acceptanceSection, assumptionsSection, currentStateSection } from './proposal/sections'

export { defaultTermsClauses } from './proposal/terms'

// ---------------------------------------------------------------------------------------
// Input

/** The proposal's parts, each of which can be left out. */
/** The sections in order, from the document catalogue (shared/domain/documents.ts). */
export const PROPOSAL_SECTIONS = sectionIdsOf('proposal')
export type ProposalSectionId = DocumentSectionId<'proposal'>

export interface Signatory {
  name?: string | null
  title?: string | null
}

export interface ProposalInput extends EngagementDocumentInput {
  /** The consultant's pricing terms; time and materials, valid 30 days, when left out. */
  pricing?: PricingTerms | PricingTermsInput | null
  /** The consultant's notes on plan items, by item id (shown under the item in the plan). */
  itemNotes?: Readonly<Record<string, string | null | undefined>> | null
  /** Assumptions to add to the standard ones. */
  extraAssumptions?: readonly string[] | null
  /** Exclusions to add to the standard ones. */
  extraExclusions?: readonly string[] | null
  /** Terms to print instead of the standard ones (a blank line starts a new paragraph). */
  terms?: string | null
  /** Who signs: the client's signatory (blank lines when unknown) and the consultancy's (the consultant by default). */
  signatories?: { client?: Signatory | null; consultancy?: Signatory | null } | null
  /** Parts to leave out (`false`); every part is in by default. */
  sections?: Partial<Record<ProposalSectionId, boolean>>
  /** The consultancy's own words from Settings; the standard ones when blank. */
  aboutUs?: string | null
  governance?: string | null
  /** e.g. "the law of England and Wales". */
  governingLaw?: string | null
}

// ---------------------------------------------------------------------------------------
// Model

export interface KeyFigure {
  label: string
  value: string
  note: string
}

export interface ProposalScore {
  id: DimensionId
  name: string
  level: number
  meaning: string
  unknown: boolean
}

export interface ProposalFinding {
  title: string
  observed: string
  meaning: string
}

export interface PlanRow {
  id: string
  kind: PlanItem['kind']
  title: string
  /** A second, quieter line under the owner (e.g. "with Northwind Advisory pairing"). */
  ownerNote: string | null
  /** A second, quieter line under the effort (e.g. "of 10" or "1 a week"). */
  effortNote: string | null
  /** The library's one-line summary of the task, when there is one. */
  summary: string | null
  /** The consultant's note on the item. */
  note: string | null
  owner: string
  /** "Wk 1–5". */
  weeks: string
  /** "3 Mar – 6 Apr". */
  dates: string
  effort: string
  cost: string
  optional: boolean
  pending: PlanItem['pending']
}

export interface PlanPhaseView {
  id: PhaseId
  /** "Phase 2 · Foundations". */
  title: string
  name: string
  intro: string
  /** "Weeks 1–13 · 3 March – 1 June 2025", or null for an empty phase. */
  span: string | null
  rows: PlanRow[]
  committed: { days: string; cost: string }
  optional: { days: string; cost: string } | null
}

export interface TierColumn {
  id: string
  name: string
  proposed: boolean
  phases: string
  runsTo: string
  runsToDate: string
  days: string
  fees: string
  discount: string
  netFees: string
  expenses: string
  tax: string
  total: string
}

export interface ProposalModel extends DocumentModelBase<ProposalSectionId> {
  meta: CoverMeta & {
    headcount: string | null
    version: string
    currency: string
    dayRate: string
    startDate: string
    endDate: string
    validUntil: string
  }
  summary: {
    situation: string[]
    recommendation: { label: string; role: RoleId; title: string; oneLine: string; reason: string; why: string[] }
    objective: ObjectiveView
    keyFigures: KeyFigure[]
    milestone: { heading: string; text: string[] }
    observed: string | null
    approach: { name: string; text: string }[]
    nextSteps: string[]
  }
  currentState: {
    intro: string
    overall: string
    platform: string
    radar: RadarChartSpec
    scores: ProposalScore[]
    anyUnknown: boolean
    scales: { scaleName: string; level: string; description: string; next: string }[]
    scalesNote: string
    findings: ProposalFinding[]
    warnings: string[]
  }
  plan: {
    intro: string
    timeline: TimelineChartSpec
    phases: PlanPhaseView[]
    milestones: { title: string; week: string; date: string }[]
    /** The two routes as a chart; null when both reach the milestone in the same week (then words only). */
    scenario: ScenarioChartSpec | null
    routes: { heading: string; text: string[] }
    anyPendingAudit: boolean
    anyPendingFeasibility: boolean
    anyOptional: boolean
    totals: { days: string; cost: string; optionalDays: string | null; optionalCost: string | null }
    /** What each piece of work delivers and when it is accepted. */
    deliverables: DeliverableView[]
  }
  governance: GovernanceView
  risks: RiskView[]
  about: string[]
  hiring: {
    intro: string
    steps: HiringStepView[]
    roles: RolePack[]
  }
  investment: {
    intro: string
    basis: string
    phases: { name: string; weeks: string; days: string; cost: string; optional: string }[]
    phaseTotals: { days: string; cost: string; optional: string }
    tiers: TierColumn[]
    showDiscount: boolean
    showExpenses: boolean
    showTax: boolean
    discountLabel: string
    taxLabel: string
    expenses: { label: string; amount: string }[]
    withOptions: { total: string; text: string } | null
    payments: { label: string; due: string; share: string; amount: string }[]
    paymentsTotal: string
    validUntil: string
  }
  assumptions: {
    standard: string[]
    toVerify: { text: string; decisive: boolean; changes: string[] }[]
    extra: string[]
    exclusions: string[]
  }
  terms: { clauses: { title: string; text: string }[]; custom: string | null }
  acceptance: {
    statement: string
    parties: { organisation: string; name: string; title: string }[]
  }
  /** For the appendix: one interview kit per role, in hiring order. */
  interviewKits: RolePack[]
}

// ---------------------------------------------------------------------------------------
// Wording

// ---------------------------------------------------------------------------------------
// Building

/**
 * Works out the proposal. Throws ZodError for invalid branding or pricing terms,
 * BrandingLogoError for a broken logo and RangeError for a plan the pricing cannot place.
 */
export function buildProposalModel(input: ProposalInput): ProposalModel {
  const basis = resolveEngagementBasis(input)
  const sections = Object.fromEntries(PROPOSAL_SECTIONS.map((id) => [id, input.sections?.[id] ?? true])) as Record<ProposalSectionId, boolean>
  const { plan, assessment } = basis
  const r = assessment.result
  const ctx = assessment.context
  const locale = basis.locale
  const money = basis.money
  const num = basis.num
  const client = basis.clientName

  const terms: PricingTerms = input.pricing ? PricingTermsSchema.parse(input.pricing) : defaultPricingTerms(addDays(basis.isoDate, 30))
  const pricing = pricePlan(plan, terms)
  const routes = compareRoutes(plan)
  const steps = hiringSteps(basis)
  const packs = rolePacks(basis)
  const first = steps[0]
  const firstProfile = basis.library.role(plan.firstHire)
  const firstTitle = singleLine(firstProfile.title)
  const endDate = weekEndDate(plan.engagement.startDate, plan.weeks)

  // Executive summary -------------------------------------------------------------------
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

  const phaseSpans = plan.phases.map((p) => {
    const items = p.items.filter((i) => i.kind !== 'milestone')
    if (items.length === 0) return null
    return { from: Math.min(...items.map((i) => i.startWeek)), to: Math.max(...items.map((i) => i.endWeek)) }
  })
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

  // The plan ---------------------------------------------------------------------------
  const notes = input.itemNotes ?? null
  const phases: PlanPhaseView[] = plan.phases.map((p, i) => {
    const items = p.items.filter((it) => it.kind !== 'milestone')
    const span = phaseSpans[i]
    const committedItems = items.filter((it) => !it.optional)
    const optionalItems = items.filter((it) => it.optional)
    const sum = (list: PlanItem[], key: 'effortDays' | 'cost') => list.reduce((s, it) => s + it[key], 0)
    return {
      id: p.id,
      title: `Phase ${i + 1} · ${p.name}`,
      name: p.name,
      intro: phaseIntro(basis, p.id),
      span: span
        ? `${span.from === span.to ? `Week ${span.from}` : `Weeks ${span.from}–${span.to}`} · ${basis.date(weekStartDate(plan.engagement.startDate, span.from))} – ${basis.weekEnd(span.to)}`
        : null,
      rows: items.map((it) => planRow(basis, it, notes)),
      committed: { days: daysText(basis, sum(committedItems, 'effortDays')), cost: money(Math.round(sum(committedItems, 'cost') * 100) / 100) },
      optional:
        optionalItems.length > 0
          ? { days: daysText(basis, sum(optionalItems, 'effortDays')), cost: money(Math.round(sum(optionalItems, 'cost') * 100) / 100) }
          : null
    }
  })
  const capacity = num(plan.capacityDaysPerWeek)
  const verbatim = [
    client,
    basis.engagementTitle,
    basis.consultant,
    basis.consultancyName,
    basis.industry,
    ...Object.values(input.itemNotes ?? {}),
    ...(input.extraAssumptions ?? []),
    ...(input.extraExclusions ?? []),
    input.terms,
    input.engagement.objective,
    input.aboutUs,
    input.governance,
    input.governingLaw,
    input.signatories?.client?.name,
    input.signatories?.client?.title,
    input.signatories?.consultancy?.name,
    input.signatories?.consultancy?.title
  ]
  return typeset(
    {
      sections,
      branding: basis.branding,
      logo: basis.logo,
      locale,
      meta: {
        clientName: client,
        industry: basis.industry,
        headcount: basis.headcount,
        engagementTitle: basis.engagementTitle,
        consultant: basis.consultant,
        consultancyName: basis.consultancyName,
        date: basis.coverDate,
        version: basis.version,
        currency: plan.engagement.currency,
        dayRate: money(plan.engagement.dayRate),
        startDate: basis.weekStartDay(1),
        endDate: basis.date(endDate),
        validUntil: basis.date(terms.validUntil)
      },
      summary: {
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
      },
      currentState: currentStateSection(basis),
      plan: {
        intro:
          `The work runs in ${countWord(plan.phases.length)} ${plan.phases.length === 1 ? 'phase' : 'phases'} over ${plan.weeks} weeks, from ${basis.weekStartDay(1)} to ${basis.date(endDate)}. ` +
          `${basis.consultancyName} works up to ${capacity} consultant ${plural(plan.capacityDaysPerWeek, 'day', 'days')} a week across all of it. ` +
          'Each phase lists its work with the owner, the weeks, our effort and its cost at the day rate.',
        // Short names, so no label in the chart is cut; the tables below give the full titles.
        timeline: timelineChart(plan, { title: 'Plan timeline', locale, labelOf: (item) => upperFirst(shortName(basis, item)) }),
        phases,
        milestones: [...plan.milestones]
          .sort((a, b) => a.week - b.week)
          .map((m) => ({ title: m.title, week: `Week ${m.week}`, date: m.id === 'first_hire_starts' ? basis.weekStartDay(m.week) : basis.weekEnd(m.week) })),
        scenario: routes.sameWeek ? null : scenarioChart(routes),
        routes: { heading: `Two routes to ${routes.milestone.phrase}`, text: routeSentences(basis, routes) },
        anyPendingAudit: plan.phases.some((p) => p.items.some((i) => i.pending === 'audit')),
        anyPendingFeasibility: plan.phases.some((p) => p.items.some((i) => i.pending === 'feasibility')),
        anyOptional: plan.phases.some((p) => p.items.some((i) => i.optional && i.pending === null)),
        totals: {
          days: daysText(basis, plan.totals.effortDays),
          cost: money(Math.round(plan.totals.cost * 100) / 100),
          optionalDays: plan.optionalTotals.effortDays > 0 ? daysText(basis, plan.optionalTotals.effortDays) : null,
          optionalCost: plan.optionalTotals.effortDays > 0 ? money(Math.round(plan.optionalTotals.cost * 100) / 100) : null
        },
        deliverables: deliverables(basis)
      },
      governance: governance(basis, input.governance),
      risks: risks(basis),
      about: aboutUs(basis, input.aboutUs),
      hiring: { intro: hiringIntro(steps), steps, roles: packs },
      investment: investmentSection(basis, pricing, terms),
      assumptions: assumptionsSection(basis, input),
      terms: {
        clauses:
          input.terms && input.terms.trim() !== ''
            ? []
            : [
                ...defaultTermsClauses({
                  consultancyName: basis.consultancyName,
                  clientName: client,
                  dayRate: money(plan.engagement.dayRate),
                  fixedFee: pricing.model === 'fixed_fee'
                }),
                ...extraTerms(basis, input.governingLaw)
              ],
        custom: input.terms && input.terms.trim() !== '' ? input.terms : null
      },
      acceptance: acceptanceSection(basis, input, pricing, terms),
      interviewKits: packs
    },
    { verbatim }
  )
}

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
import { type ScenarioChartSpec } from '../shared/charts/scenario.chart'
import { type TimelineChartSpec } from '../shared/charts/timeline.chart'
import { type PhaseId, type RoleId } from '../shared/domain/catalogue'
import { type DimensionId } from '../shared/domain/assessment/dimensions'
import type { PlanItem } from '../shared/domain/planning/plan.model'
import { defaultPricingTerms, pricePlan } from '../shared/domain/planning/pricing'
import { compareRoutes } from '../shared/domain/planning/scenarios'
import { addDays, weekEndDate } from '../shared/domain/planning/weeks'
import { PricingTermsSchema, type PricingTerms, type PricingTermsInput } from '../shared/schemas/pricing.schema'
import type { CoverMeta, DocumentModelBase } from './branding'
import { resolveEngagementBasis, type EngagementDocumentInput } from './engagement-basis'
import { hiringIntro, hiringSteps, rolePacks, type HiringStepView, type RolePack } from './hiring.model'
import { typeset } from './words'
import { aboutUs, extraTerms, governance, risks, type DeliverableView, type GovernanceView, type ObjectiveView, type RiskView } from './proposal-parts'
import { investmentSection } from './proposal/investment'
import { defaultTermsClauses } from './proposal/terms'
import { acceptanceSection, assumptionsSection, currentStateSection } from './proposal/sections'
import { planSection } from './proposal/plan-section'
import { summarySection } from './proposal/summary'

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
    /** How weekly work (interim leadership) is cut short by a smaller option; null when nothing is. */
    weeklyNote: string | null
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
  const { plan } = basis
  const locale = basis.locale
  const money = basis.money
  const client = basis.clientName

  const terms: PricingTerms = input.pricing ? PricingTermsSchema.parse(input.pricing) : defaultPricingTerms(addDays(basis.isoDate, 30))
  const pricing = pricePlan(plan, terms)
  const routes = compareRoutes(plan)
  const steps = hiringSteps(basis)
  const packs = rolePacks(basis)
  const endDate = weekEndDate(plan.engagement.startDate, plan.weeks)

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
      summary: summarySection(basis, input, { pricing, terms, routes, steps }),
      currentState: currentStateSection(basis),
      plan: planSection(basis, input, routes),
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

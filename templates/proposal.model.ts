/**
 * The proposal's model: everything the Word proposal shows, worked out from the engagement,
 * the assessment, the plan and its pricing, the content library and the branding, already
 * worded and formatted for the chosen locale. Both the app's main process and the CLI build
 * it with `buildProposalModel`; `buildProposal` (proposal.docx.ts) only lays it out.
 *
 * Pure: no Node, no file system.
 */
import { sectionIdsOf, type DocumentSectionId } from '../shared/domain/documents'
import { readinessRadar } from '../shared/charts/readiness-radar'
import type { RadarChartSpec } from '../shared/charts/radar.chart'
import { scenarioChart, type ScenarioChartSpec } from '../shared/charts/scenario.chart'
import { timelineChart, type TimelineChartSpec } from '../shared/charts/timeline.chart'
import { PHASES, ROLE_BY_ID, type PhaseId, type RoleId } from '../shared/domain/catalogue'
import { DIMENSIONS, type ContextKey, type DimensionId } from '../shared/domain/assessment/dimensions'
import { mapMaturityScales } from '../shared/domain/assessment/maturity-scales'
import { CONTEXT_QUESTION_BY_KEY } from '../shared/domain/assessment/question-bank'
import type { UnknownAssumption, UnknownValue } from '../shared/domain/assessment/unknowns'
import type { Plan, PlanItem } from '../shared/domain/planning/plan.model'
import { weeklyExtension } from '../shared/domain/planning/stages/tiers'
import { defaultPricingTerms, pricePlan, type PlanPricing, type PricedTier } from '../shared/domain/planning/pricing'
import { compareRoutes } from '../shared/domain/planning/scenarios'
import { addDays, weekEndDate, weekStartDate } from '../shared/domain/planning/weeks'
import { PricingTermsSchema, type PricingTerms, type PricingTermsInput } from '../shared/schemas/pricing.schema'
import type { CoverMeta, DocumentModelBase } from './branding'
import { lowerFirst, plural, resolveEngagementBasis, type EngagementBasis, type EngagementDocumentInput } from './engagement-basis'
import { formatList, formatNumber, formatShortDate } from './format'
import { hiringIntro, hiringSteps, rolePacks, type HiringStepView, type RolePack } from './hiring.model'
import { milestoneFigure, milestoneHeading, milestoneSentences, observedSentence, routeSentences } from './milestone-story'
import { approach as approachRows, findings as findingViews, phaseIntro, shortName, whyThisOrder } from './plan-story'
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

const APPROACH_TEXT = {
  api: 'builds on hosted foundation models that it calls through their APIs',
  fine_tune: 'fine-tunes existing models for its own use',
  custom: 'builds its own models'
} as const

const STAGE_TEXT = {
  exploration: 'is still finding out whether AI can create value for it',
  pilot: 'has a first AI feature in a pilot',
  production: 'runs AI features in production'
} as const

const LEADERSHIP_TEXT = {
  in_place: 'An experienced ML lead is already in place and stays the technical owner of the work.',
  ml_lead_hire:
    'A permanent ML lead joins later in the sequence; we provide interim technical leadership one day a week through the plan, so the new lead takes it over gradually.',
  interim_lead: 'Without an experienced ML lead in the team, we provide interim technical leadership one day a week through the plan.'
} as const

function describeValue(a: UnknownAssumption, v: UnknownValue, locale: string): string {
  if (a.kind === 'dimension') return `level ${String(v)}`
  const q = CONTEXT_QUESTION_BY_KEY[a.subject as ContextKey]
  if (q.kind === 'count') return typeof v === 'number' ? formatNumber(v, locale, 0) : String(v)
  return `“${q.options.find((o) => o.value === v)?.label ?? String(v)}”`
}

/** Standard terms, in plain words; the consultant may print their own instead. */
export function defaultTermsClauses(m: { consultancyName: string; clientName: string; dayRate: string; fixedFee: boolean }): { title: string; text: string }[] {
  return [
    {
      title: 'Scope',
      text: `The services are the work this proposal describes for the option ${m.clientName} accepts. Work outside it starts only once both parties have agreed it in writing.`
    },
    {
      title: 'Fees and invoices',
      text: m.fixedFee
        ? 'The fee for the accepted option is fixed. We invoice it on the payment schedule in this proposal; invoices are due within 30 days.'
        : `We charge ${m.dayRate} for each consultant day worked. The days in this proposal are our estimate; we invoice on the payment schedule and settle any difference between estimated and actual days on the final invoice. Invoices are due within 30 days.`
    },
    {
      title: 'Expenses',
      text: 'Travel and other expenses are charged at cost, only when agreed beforehand, and listed on the invoice with receipts.'
    },
    {
      title: 'Changes',
      text: 'Either party may ask to change the scope, the timing or the team. We set out the effect on cost and schedule in writing, and the change applies once both parties have agreed it.'
    },
    {
      title: 'Working together',
      text: `${m.clientName} names a sponsor and a technical contact, gives timely access to the people, systems and accounts the work needs, and makes the hiring decisions. Delays on either side move the dates that depend on them.`
    },
    {
      title: 'Confidentiality',
      text: 'Each party keeps the other’s confidential information confidential, uses it only for this engagement, and returns or deletes it when asked at the end.'
    },
    {
      title: 'Ownership of the work',
      text: `Once paid for, the deliverables made for ${m.clientName} belong to it. ${m.consultancyName} keeps its general know-how, methods and tools, and grants ${m.clientName} a lasting, royalty-free right to use those that form part of the deliverables.`
    },
    {
      title: 'Hiring',
      text: `We advise on roles, interviews and candidates; ${m.clientName} decides whom to hire and is the employer of everyone it hires. Our fees do not depend on who is hired.`
    },
    {
      title: 'Liability',
      text: 'Each party’s total liability under this agreement is limited to the fees paid in the twelve months before the claim, except where the law does not allow such a limit.'
    },
    {
      title: 'Ending the engagement',
      text: 'Either party may end the engagement with 14 days’ written notice. Work done up to the end date is paid for; nothing else is owed.'
    }
  ]
}

// ---------------------------------------------------------------------------------------
// Building

/** A role title without its parenthesis, short enough for a table column. */
const shortRole = (basis: EngagementBasis, role: RoleId): string =>
  singleLine(basis.library.role(role).title).replace(/\s*\([^)]*\)\s*$/, '') || ROLE_BY_ID[role].name

const ownerText = (basis: EngagementBasis, item: PlanItem): { owner: string; note: string | null } => {
  if (item.kind === 'hire') return { owner: basis.clientName, note: 'recruiting' }
  if (item.owner === 'consultant') return { owner: basis.consultancyName, note: null }
  const pairing = item.effortDays > 0 && (item.kind === 'task' || item.kind === 'custom')
  return { owner: shortRole(basis, item.owner), note: pairing ? `with ${basis.consultancyName} pairing` : null }
}

const daysText = (basis: EngagementBasis, days: number): string => `${basis.num(days)} ${plural(days, 'day', 'days')}`

function planRow(basis: EngagementBasis, item: PlanItem, notes: ProposalInput['itemNotes']): PlanRow {
  const start = weekStartDate(basis.plan.engagement.startDate, item.startWeek)
  const end = weekEndDate(basis.plan.engagement.startDate, item.endWeek)
  const short = (iso: string) => formatShortDate(iso, basis.locale)
  const note = notes && Object.prototype.hasOwnProperty.call(notes, item.id) ? notes[item.id] : null
  const effort = daysText(basis, item.effortDays)
  let effortNote: string | null = null
  if (item.daysPerWeek !== undefined) effortNote = `${basis.num(item.daysPerWeek)} ${plural(item.daysPerWeek, 'day', 'days')} a week`
  else if (item.owner !== 'consultant' && item.fullEffortDays > item.effortDays) effortNote = `of ${basis.num(item.fullEffortDays)} in all`
  const hire = item.kind === 'hire' ? basis.plan.hires.find((h) => `hire_${h.role}` === item.id) : undefined
  const owner = ownerText(basis, item)
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    summary: hire
      ? `Recruiting from week ${hire.recruitStartWeek}, with our support; first day in week ${hire.startWeek}.`
      : item.kind === 'task' || item.kind === 'activity'
        ? (basis.library.task(item.id)?.summary ?? null)
        : null,
    note: note && note.trim() !== '' ? note : null,
    owner: owner.owner,
    ownerNote: owner.note,
    effortNote,
    weeks: item.startWeek === item.endWeek ? `Wk ${item.startWeek}` : `Wk ${item.startWeek}–${item.endWeek}`,
    dates: `${short(start)} – ${short(end)}`,
    effort,
    cost: basis.money(Math.round(item.cost * 100) / 100),
    optional: item.optional,
    pending: item.pending
  }
}

function tierColumn(basis: EngagementBasis, tier: PricedTier): TierColumn {
  const money = basis.money
  const last = PHASES.findIndex((p) => p.id === tier.phases[tier.phases.length - 1])
  return {
    id: tier.id,
    name: tier.name,
    proposed: tier.committed,
    phases: last <= 0 ? `Phase 1 (${PHASES[0]!.name})` : `Phases 1–${last + 1}, to ${PHASES[last]!.name}`,
    runsTo: `Week ${tier.lastWeek}`,
    runsToDate: basis.weekEnd(tier.lastWeek),
    days: daysText(basis, Math.round(tier.effortDays * 100) / 100),
    fees: money(tier.fees),
    discount: tier.discount > 0 ? `−${money(tier.discount)}` : money(0),
    netFees: money(tier.netFees),
    expenses: money(tier.expenses),
    tax: money(tier.tax),
    total: money(tier.total)
  }
}

/** What the optional work waits for, in a parenthesis's words. */
function waitingFor(plan: EngagementBasis['plan']): string {
  const reasons = new Set(plan.phases.flatMap((p) => p.items.map((i) => i.pending)).filter((x) => x !== null))
  if (reasons.has('audit') && reasons.has('feasibility')) return ', waiting on the objectives and data audit or the answer on feasibility'
  if (reasons.has('audit')) return ', waiting on the objectives and data audit'
  if (reasons.has('feasibility')) return ', waiting on the answer on feasibility'
  return ', left out at your choice'
}

function investment(basis: EngagementBasis, pricing: PlanPricing, terms: PricingTerms): ProposalModel['investment'] {
  const money = basis.money
  const plan = basis.plan
  const committed = pricing.committed
  const phaseWeeks = (id: PhaseId): string => {
    const items = plan.phases.find((p) => p.id === id)?.items.filter((i) => i.kind !== 'milestone') ?? []
    if (items.length === 0) return '—'
    const a = Math.min(...items.map((i) => i.startWeek))
    const b = Math.max(...items.map((i) => i.endWeek))
    return a === b ? `${a}` : `${a}–${b}`
  }
  const offered = pricing.tiers.filter((t) => t.offered)
  const taxName = `${pricing.taxLabel} (${formatNumber(pricing.taxRatePercent, basis.locale, 2)}%)`
  const optionalDays = plan.optionalTotals.effortDays
  const tierWord = offered.length > 1 ? `the ${lowerFirst(committed.name)} option` : 'the plan'
  const fixed = pricing.model === 'fixed_fee'
  return {
    intro:
      `We propose ${tierWord} at ${money(committed.total)}${pricing.taxRatePercent > 0 ? `, including ${pricing.taxLabel}` : `, excluding ${pricing.taxLabel}`}. ` +
      (offered.length > 1
        ? 'Smaller options stop after an earlier phase; each can be extended later at the same rates.'
        : 'The figures below break it down by phase and set out when each payment falls due.'),
    basis: fixed
      ? `Fixed fee for ${lowerFirst(committed.name)}; other options are scaled from it in proportion to their effort. Consultant days are priced at ${basis.money(pricing.dayRate)} a day.`
      : `Time and materials at ${basis.money(pricing.dayRate)} per consultant day. The days are our estimate; you pay for the days worked.`,
    phases: pricing.phases.map((p) => ({
      name: p.name,
      weeks: phaseWeeks(p.id),
      days: basis.num(p.effortDays),
      cost: money(p.cost),
      optional: p.optionalCost > 0 ? money(p.optionalCost) : '—'
    })),
    phaseTotals: {
      days: basis.num(plan.totals.effortDays),
      cost: money(Math.round(plan.totals.cost * 100) / 100),
      optional: optionalDays > 0 ? money(Math.round(plan.optionalTotals.cost * 100) / 100) : '—'
    },
    tiers: offered.map((t) => tierColumn(basis, t)),
    showDiscount: pricing.discountPercent > 0,
    showExpenses: pricing.expenses.length > 0,
    showTax: pricing.taxRatePercent > 0,
    discountLabel: `Discount (${formatNumber(pricing.discountPercent, basis.locale, 2)}%)`,
    taxLabel: taxName,
    expenses: pricing.expenses.map((e) => ({ label: e.label, amount: money(e.amount) })),
    withOptions:
      optionalDays > 0
        ? {
            total: money(pricing.withOptions.total),
            text: withOptionsText(basis, plan, money(pricing.withOptions.total), pricing.taxRatePercent > 0 ? pricing.taxLabel : null)
          }
        : null,
    payments: sameWeekMerged(pricing.payments).map((group) => {
      const p = group[0]!
      const point = p.milestone === 'work_complete' ? { title: 'Work complete' } : p.milestone ? plan.milestones.find((m) => m.id === p.milestone) : undefined
      // Two instalments due the same week (the milestone falls in the plan's last week) are one
      // invoice to the client: one row, the labels joined and the shares added.
      const label =
        group.length === 1
          ? p.label
          : upperFirst(
              formatList(
                group.map((g, i) => (i === 0 ? g.label : lowerFirst(g.label))),
                basis.locale
              )
            )
      return {
        label,
        due: `Week ${p.dueWeek}, ${basis.date(p.dueDate)}${group.length === 1 && point && lowerFirst(point.title) !== lowerFirst(p.label) ? ` (${lowerFirst(point.title)})` : ''}`,
        share: `${formatNumber(
          group.reduce((s, g) => s + g.percent, 0),
          basis.locale,
          2
        )}%`,
        amount: money(group.reduce((s, g) => s + g.amount, 0))
      }
    }),
    paymentsTotal: money(pricing.payments.reduce((s, p) => s + p.amount, 0)),
    validUntil: basis.date(terms.validUntil)
  }
}

/** Instalments in due order, those falling due in the same week grouped together. */
function sameWeekMerged<T extends { dueWeek: number }>(payments: readonly T[]): T[][] {
  const groups: T[][] = []
  for (const p of payments) {
    const last = groups.at(-1)
    if (last && last[0]!.dueWeek === p.dueWeek) last.push(p)
    else groups.push([p])
  }
  return groups
}

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

  // Current state -----------------------------------------------------------------------
  const unknownDims = new Set(assessment.assumptions.filter((a) => a.kind === 'dimension').map((a) => a.subject))
  const scales = mapMaturityScales(assessment.maturity)

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
  // Assumptions ---------------------------------------------------------------------------
  const capacity = num(plan.capacityDaysPerWeek)
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

  // Acceptance ----------------------------------------------------------------------------
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
      currentState: {
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
      },
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
      investment: investment(basis, pricing, terms),
      assumptions: {
        standard,
        toVerify,
        extra: (input.extraAssumptions ?? []).filter((a) => a.trim() !== ''),
        exclusions: [...exclusions, ...(input.extraExclusions ?? []).filter((e) => e.trim() !== '')]
      },
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
      acceptance,
      interviewKits: packs
    },
    { verbatim }
  )
}

/**
 * What the total with every option holds: the optional work, and the part-time work that
 * runs on while it is done, so the figure is the last option's and nothing in it is unexplained.
 */
function withOptionsText(basis: EngagementBasis, plan: Plan, total: string, taxLabel: string | null): string {
  const extension = weeklyExtension(plan.phases, plan.weeks, plan.lastWeekWithOptions)
  const itemsDays = plan.optionalTotals.effortDays - extension.effortDays
  const runsOn =
    extension.effortDays > 0
      ? `; so is the part-time work that runs on while it is done, to week ${plan.lastWeekWithOptions} (${daysText(basis, extension.effortDays)})`
      : ''
  return `The work marked optional (${daysText(basis, itemsDays)}${waitingFor(plan)}) is outside the proposed total${runsOn}. If all of it goes ahead, the total including every option is ${total}${taxLabel ? `, including ${taxLabel}` : ''}.`
}

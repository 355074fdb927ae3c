/**
 * What the proposal and the hiring pack are both made from, worked out once: branding and
 * logo, locale, the assessment (from stored answers, which may be "unknown", or straight
 * from an intake file's maturity and context), the plan (the one given, or generated from
 * the assessment with the library), the library with every role and question the documents
 * need, and formatters for money, dates and plan weeks in the document's locale.
 *
 * Pure: no Node, no file system.
 */
import { DEFAULT_LIBRARY } from '../shared/content/library.content'
import { ROLE_BY_ID, type RoleId } from '../shared/domain/catalogue'
import type { AssessmentContext, Maturity } from '../shared/domain/assessment/dimensions'
import { assess, type AssessmentResult } from '../shared/domain/assessment/engine'
import type { AnswerValue, Answers } from '../shared/domain/assessment/question-bank'
import { assessWithUnknowns, type UnknownAssumption } from '../shared/domain/assessment/unknowns'
import { generatePlan, type GeneratePlanInput } from '../shared/domain/planning/plan.generator'
import { planLibraryFrom } from '../shared/domain/planning/plan-library'
import type { Plan } from '../shared/domain/planning/plan.model'
import { weekEndDate, weekStartDate } from '../shared/domain/planning/weeks'
import type { InterviewQuestion, Library, RoleProfile, TaskTemplate } from '../shared/schemas/library.schema'
import { resolveDocumentFrame, type Branding, type BrandingInput, type PreparedLogo } from './branding'
import { formatDate, formatMoney, formatNumber } from './format'
import { singleLine } from './text'

// ---------------------------------------------------------------------------------------
// Input

export interface DocumentClient {
  name: string
  industry?: string | null
  headcount?: number | null
}

export interface DocumentEngagement {
  title: string
  consultant: string
  /** ISO 4217 code. */
  currency: string
  dayRate: number
  /** YYYY-MM-DD; the plan's own start date wins when a plan is given. */
  startDate?: string | null
  /** What the client wants from the work and the metric that shows it worked. */
  objective?: string | null
}

/** One stored answer: its value and the note the client may read. */
export interface DocumentAnswerInput {
  value: AnswerValue | null
  note?: string | null
}

/**
 * The assessment: either the workshop's stored answers (any may be "unknown"; they are
 * re-assessed with assessWithUnknowns) or an intake file's maturity levels and context.
 */
export type DocumentAssessmentInput =
  { answers: Readonly<Record<string, DocumentAnswerInput | undefined>> } | { maturity: Maturity; context: AssessmentContext }

export interface EngagementDocumentInput {
  client: DocumentClient
  engagement: DocumentEngagement
  assessment: DocumentAssessmentInput
  /** The plan to present (from generatePlan or planFromStored); generated from the assessment when left out. */
  plan?: Plan | null
  /** The content library (roles, questions, task summaries); the built-in one when left out. */
  library?: Pick<Library, 'tasks' | 'roles' | 'questions'> | null
  branding: Branding | BrandingInput
  /** When the document is made (the cover's date). */
  generatedAt: Date | string
  /** BCP 47 tag for dates and amounts; defaults to the branding's. */
  locale?: string
  /** The document's version, shown on the cover (default "1.0"). */
  version?: string
}

// ---------------------------------------------------------------------------------------
// The basis

export interface AssessmentBasis {
  maturity: Maturity
  context: AssessmentContext
  result: AssessmentResult
  assumptions: UnknownAssumption[]
  decisive: UnknownAssumption[]
}

export interface EngagementBasis {
  branding: Branding
  logo: PreparedLogo | null
  locale: string
  clientName: string
  industry: string | null
  headcount: string | null
  engagementTitle: string
  consultant: string
  consultancyName: string
  version: string
  /** The cover's date, formatted. */
  coverDate: string
  /** The generation instant as YYYY-MM-DD. */
  isoDate: string
  assessment: AssessmentBasis
  plan: Plan
  /** The generator's input the scenarios are run from (the plan's first hire, its library and capacity). */
  planInput: GeneratePlanInput
  library: {
    role: (id: RoleId) => RoleProfile
    task: (id: string) => TaskTemplate | undefined
    questions: readonly InterviewQuestion[]
  }
  money: (amount: number) => string
  num: (value: number, digits?: number) => string
  date: (iso: string | Date) => string
  /** "week 5 (7 April 2025)": a plan week with the date it starts. */
  weekStart: (week: number) => string
  /** The last day of a plan week, formatted. */
  weekEnd: (week: number) => string
  /** The first day of a plan week, formatted. */
  weekStartDay: (week: number) => string
}

const toAnswers = (answers: Readonly<Record<string, DocumentAnswerInput | undefined>>): Answers => {
  const out: Record<string, AnswerValue | undefined> = {}
  for (const [id, answer] of Object.entries(answers)) {
    if (answer && answer.value !== null && answer.value !== undefined) out[id] = answer.value
  }
  return out
}

function assessmentBasis(input: DocumentAssessmentInput, clientName: string): AssessmentBasis {
  if ('answers' in input) {
    const aware = assessWithUnknowns(toAnswers(input.answers), { clientName })
    return { maturity: aware.maturity, context: aware.context, result: aware.result, assumptions: aware.assumptions, decisive: aware.decisive }
  }
  const result = assess({ maturity: input.maturity, context: input.context, clientName })
  return { maturity: { ...input.maturity }, context: { ...input.context }, result, assumptions: [], decisive: [] }
}

const isoDay = (value: Date | string): string => {
  const d = typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value) : value
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString().slice(0, 10) : d.toISOString().slice(0, 10)
}

/** A role profile for a catalogue role the library lacks: the catalogue's own words. */
function fallbackRole(id: RoleId): RoleProfile {
  const builtIn = DEFAULT_LIBRARY.roles.find((r) => r.id === id)
  if (builtIn) return builtIn
  const info = ROLE_BY_ID[id]
  return {
    id,
    title: info.name,
    oneLine: info.summary,
    situation: info.summary,
    mustHaves: [],
    niceToHaves: [],
    deliberatelyAbsent: [],
    axisWeights: { ml_practice: 0.2, software_engineering: 0.2, ml_theory: 0.2, ml_systems: 0.2, culture: 0.2 },
    scorecard: [{ criterion: 'Overall fit', strong: info.summary, weight: 1 }],
    timeToHireWeeks: 10,
    onboardingWeeks: 2,
    custom: false,
    retired: false
  }
}

/**
 * Works out the basis. Throws ZodError for invalid branding, BrandingLogoError for a broken
 * logo and RangeError for an assessment or plan input outside the contract.
 */
export function resolveEngagementBasis(input: EngagementDocumentInput): EngagementBasis {
  const { branding, locale, logo, clientName } = resolveDocumentFrame(input)
  const assessment = assessmentBasis(input.assessment, clientName)

  const lib = input.library ?? DEFAULT_LIBRARY
  const roles = new Map(lib.roles.filter((r) => !r.retired).map((r) => [r.id, r]))
  const tasks = new Map(lib.tasks.map((t) => [t.id, t]))
  // An empty question bank (a library emptied on purpose, or not seeded yet) falls back to the built-in one.
  const questions = lib.questions.some((q) => !q.retired) ? lib.questions : DEFAULT_LIBRARY.questions

  const isoDate = isoDay(input.generatedAt)
  const startDate = input.plan?.engagement.startDate ?? input.engagement.startDate ?? isoDate
  const currency = input.plan?.engagement.currency ?? input.engagement.currency
  const dayRate = input.plan?.engagement.dayRate ?? input.engagement.dayRate
  const planInput: GeneratePlanInput = {
    assessment: input.plan ? { ...assessment.result, firstHire: input.plan.firstHire, flags: input.plan.flags } : assessment.result,
    context: assessment.context,
    maturity: assessment.maturity,
    engagement: { startDate, dayRate, currency },
    // Without a library the plan uses the catalogue's defaults, exactly as the plan CLI does.
    ...(input.library ? { library: planLibraryFrom(input.library) } : {}),
    ...(input.plan ? { options: { capacityDaysPerWeek: input.plan.capacityDaysPerWeek } } : {})
  }
  // A plan whose first hire differs from the assessment's keeps its own hiring order for the scenarios.
  if (input.plan && input.plan.firstHire !== assessment.result.firstHire) {
    const order = input.plan.hires.map((h) => h.role)
    const steps = order.map(
      (role, i) =>
        assessment.result.hiringSteps.find((s) => s.role === role) ?? { role, step: i === 0 ? 0 : 6, why: '', afterAudit: input.plan!.hires[i]!.afterAudit }
    )
    planInput.assessment = { ...planInput.assessment, hiringSteps: steps as AssessmentResult['hiringSteps'] }
  }
  const plan = input.plan ?? generatePlan(planInput)

  const date = (value: string | Date) => formatDate(value, locale)
  return {
    branding,
    logo,
    locale,
    clientName,
    industry: input.client.industry?.trim() ? singleLine(input.client.industry) : null,
    headcount: typeof input.client.headcount === 'number' ? formatNumber(input.client.headcount, locale, 0) : null,
    engagementTitle: singleLine(input.engagement.title) || 'AI team build-out',
    consultant: singleLine(input.engagement.consultant),
    consultancyName: singleLine(branding.consultancyName),
    version: input.version?.trim() ? singleLine(input.version) : '1.0',
    coverDate: date(input.generatedAt),
    isoDate,
    assessment,
    plan,
    planInput,
    library: {
      role: (id) => roles.get(id) ?? fallbackRole(id),
      task: (id) => tasks.get(id),
      questions
    },
    money: (amount) => formatMoney(amount, plan.engagement.currency, locale),
    num: (value, digits = 1) => formatNumber(value, locale, digits),
    date,
    weekStart: (week) => `week ${week} (${date(weekStartDate(plan.engagement.startDate, week))})`,
    weekEnd: (week) => date(weekEndDate(plan.engagement.startDate, week)),
    weekStartDay: (week) => date(weekStartDate(plan.engagement.startDate, week))
  }
}

export const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many)

/** Lower-cases the first letter for use mid-sentence, unless the word is an acronym ("ML engineer", "ETL …"). */
export const lowerFirst = (text: string): string => (/^[A-Z][a-z]/.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text)

/**
 * The workshop report's model: everything the Word document shows, worked out from the
 * assessment with the shared engine, already worded and formatted for the chosen locale.
 * Both the app's main process and the CLI build it with `buildAssessmentReportModel`.
 *
 * Private notes never reach the model: answers are copied field by field and only the
 * shareable `note` is read, so nothing else a stored answer carries can leak into a document.
 *
 * Pure: no Node, no file system.
 */
import { sectionIdsOf, type DocumentSectionId } from '../shared/domain/documents'
import { readinessRadar } from '../shared/charts/readiness-radar'
import type { RadarChartSpec } from '../shared/charts/radar.chart'
import { ROLE_BY_ID, type FlagId, type RoleId, type TaskId } from '../shared/domain/catalogue'
import { DIMENSIONS, DIMENSION_BY_ID, type AssessmentContext, type DimensionId, type ContextKey } from '../shared/domain/assessment/dimensions'
import type { RuleId } from '../shared/domain/assessment/engine'
import { workItems, type Plan } from '../shared/domain/planning/plan.model'
import { weeklyExtension } from '../shared/domain/planning/stages/tiers'
import { mapMaturityScales } from '../shared/domain/assessment/maturity-scales'
import {
  CONTEXT_QUESTION_BY_KEY,
  UNKNOWN,
  UNKNOWN_LABEL,
  type AnswerValue,
  type Answers,
  type ContextQuestion,
  type MaturityQuestion
} from '../shared/domain/assessment/question-bank'
import { ASSESSMENT_SECTIONS } from '../shared/domain/assessment/sections'
import { assessWithUnknowns, type UnknownAssumption, type UnknownValue } from '../shared/domain/assessment/unknowns'
import type { Library } from '../shared/schemas/library.schema'
import type { Branding, BrandingInput, CoverMeta, DocumentModelBase } from './branding'
import { resolveEngagementBasis } from './engagement-basis'
import { formatDate, formatList, formatNumber } from './format'
import { hiringSteps } from './hiring.model'
import { milestoneHeading, milestoneSentences, routeSentences } from './milestone-story'
import { findings as findingViews, FINDING_TITLES as TITLES, roleWords } from './plan-story'
import { singleLine } from './text'
import { countOf, typeset } from './words'

// ---------------------------------------------------------------------------------------
// Input

export interface ReportClient {
  name: string
  industry?: string | null
  headcount?: number | null
}

export interface ReportEngagement {
  title: string
  consultant: string
  /** ISO 4217 code. */
  currency: string
  dayRate: number
  /** YYYY-MM-DD. */
  startDate?: string | null
  /** What the client wants from the work and the metric that shows it worked. */
  objective?: string | null
}

/** One stored answer: its value and the note the client may read. */
export interface ReportAnswerInput {
  value: AnswerValue | null
  note?: string | null
}

export interface ReportAssessmentInput {
  title: string
  /** Who took part in the workshop. */
  present?: readonly string[]
  answers: Readonly<Record<string, ReportAnswerInput | undefined>>
  completedAt?: string | null
  updatedAt?: string | null
}

/** The report's parts, each of which can be left out. */
/** The sections in order, from the document catalogue (shared/domain/documents.ts). */
export const ASSESSMENT_REPORT_SECTIONS = sectionIdsOf('assessment')
export type AssessmentReportSectionId = DocumentSectionId<'assessment'>

export interface AssessmentReportInput {
  client: ReportClient
  engagement: ReportEngagement
  assessment: ReportAssessmentInput
  /** An earlier assessment of the same client, drawn behind the current one. */
  previous?: ReportAssessmentInput | null
  branding: Branding | BrandingInput
  /** When the document is made (the cover's date). */
  generatedAt: Date | string
  /** BCP 47 tag for dates and amounts; defaults to the branding's. */
  locale?: string
  /** The document's version, shown on the cover (default "1.0"). */
  version?: string
  /** Parts to leave out (`false`); every part is in by default. */
  sections?: Partial<Record<AssessmentReportSectionId, boolean>>
  /** Next steps to print instead of the generated ones. */
  nextSteps?: readonly string[]
  /** The engagement's plan (with the consultant's edits) when there is one; otherwise one is made from this assessment. */
  plan?: Plan | null
  /** The content library (task summaries, roles); the built-in one when left out. */
  library?: Pick<Library, 'tasks' | 'roles' | 'questions'> | null
}

// ---------------------------------------------------------------------------------------
// Model

export interface ReportScore {
  id: DimensionId
  name: string
  level: number
  /** What the level means for this dimension. */
  meaning: string
  previous: number | null
  /** level − previous, or null without a previous assessment. */
  change: number | null
  /** Some answers behind this score were unknown (scored as 0 until checked). */
  unknown: boolean
}

export interface ReportRole {
  role: RoleId
  name: string
  summary: string
}

export interface ReportHiringStep extends ReportRole {
  why: string
  /** Recruiting waits for the objectives & data audit. */
  afterAudit: boolean
  /** "Week 12" and its date. */
  starts: string
}

export interface ReportFinding {
  id: FlagId
  title: string
  /** What the workshop showed, in the client's terms. */
  observed: string
  /** What the plan does about it, with its weeks. */
  meaning: string
}

export interface ReportAssumption {
  subject: string
  /** What is assumed until checked. */
  text: string
  /** For decisive ones: what the first hire would become for each other value. */
  changes: string[]
}

export interface ReportTask {
  id: string
  title: string
  /** Why the plan holds it: what the workshop found today, in words. */
  why: string | null
  /** "Weeks 2–5". */
  weeks: string
  /** The consultant's days, e.g. "6 days" or "21 days (1 day a week)". */
  effort: string
  /** The consultant's fees for it at the day rate, e.g. "€7,200". */
  cost: string
  owner: string
  /** Waiting for the audit or the answer on feasibility: outside the committed total. */
  pending: 'audit' | 'feasibility' | null
}

export interface ReportScalePlacement {
  scaleName: string
  level: number
  name: string
  description: string
  next: string | null
  missing: string[]
}

export interface ReportAnswer {
  questionId: string
  question: string
  answer: string
  /** The shareable note (never the private one). */
  note: string | null
  unknown: boolean
}

export interface ReportAnswerSection {
  id: string
  name: string
  answers: ReportAnswer[]
}

export interface AssessmentReportModel extends DocumentModelBase<AssessmentReportSectionId> {
  meta: CoverMeta & {
    headcount: string | null
    assessmentTitle: string
    /** When the workshop was completed (or last changed), formatted; null when unknown. */
    assessedOn: string | null
    version: string
    currency: string
    dayRate: string
    startDate: string | null
    previousTitle: string | null
    /** The engagement's objective and success metric, when recorded. */
    objective: string | null
  }
  present: string[]
  overall: string
  platform: string
  /** Plain-words summary from the engine. */
  summary: string
  radar: RadarChartSpec
  scores: ReportScore[]
  recommendation: ReportRole & {
    /** "First hire" or "Next AI hire". */
    label: string
    reason: string
    /** Other answers that, alone, would have pointed elsewhere, in words. */
    otherSigns: string[]
    leadership: string
    milestone: { heading: string; text: string[] }
    routes: string[]
  }
  hiringSequence: ReportHiringStep[]
  findings: ReportFinding[]
  decisiveUnknowns: ReportAssumption[]
  otherAssumptions: ReportAssumption[]
  warnings: string[]
  tasks: ReportTask[]
  /** The plan's committed consultant days and fees (the proposal's figures for the same plan), and what waits outside them. */
  taskTotals: { days: string; cost: string; weeks: string; optional: { days: string; cost: string } | null } | null
  scales: { placements: ReportScalePlacement[]; note: string }
  answerSections: ReportAnswerSection[]
  nextSteps: string[]
}

// ---------------------------------------------------------------------------------------
// Wording

/** Short titles for raised flags, read as findings. */
export const FINDING_TITLES = TITLES

/** What another matching rule would have pointed to on its own, in words true of this client. */
function otherSign(rule: RuleId, context: AssessmentContext): string {
  switch (rule) {
    case 'R1':
      return 'The work is still exploring without data or a clear objective, which on its own would point to a full-stack AI engineer first.'
    case 'R2':
      return 'Models in use already hurt to operate, which on its own would point to an MLOps engineer first.'
    case 'R3':
      return 'A custom or fine-tuned model is still being explored, which on its own would point to an ML engineer first.'
    case 'R4':
      return context.ml_staff_doing_infra && context.ml_staff > 0
        ? 'The ML staff are doing the infrastructure themselves, which on its own would point to an infrastructure engineer first.'
        : 'The platform is weak, which on its own would point to an infrastructure engineer first.'
    case 'R5':
      return 'Custom models with a solid platform and data would, on their own, point to an ML scientist.'
    default:
      return ''
  }
}

/** Why the recommendation comes before what the other signs point to. */
const PRECEDENCE: Readonly<Partial<Record<RuleId, string>>> = {
  R1: 'Without data or a clear objective no hire can be used well yet, so that comes first.',
  R2: 'Production pain costs time and money every week, so relieving it comes first.',
  R3: 'Whether a valuable model can be built at all comes first; the platform work waits for that answer.',
  R4: 'Without a platform, any ML hire would spend their first months building one, so the platform comes first.',
  R5: 'With the platform and data in place, the research itself is what holds the work back, so it comes first.'
}

/**
 * Where the client stands on a task's dimension ("Today: some scripts."), unless that is
 * already in the task's own name ("Versioned datasets and data-quality checks" for a client
 * with versioned datasets), which would read as selling what they have: then what the task
 * does instead.
 */
function todayOrSummary(level: string, title: string, summary: string | null): string | null {
  const today = lowerFirstWord(level)
  if (today && !title.toLowerCase().includes(today.toLowerCase())) return `Today: ${today}.`
  return summary
}

/** The dimension whose answers put a task in the plan. */
const TASK_DIMENSION: Readonly<Partial<Record<TaskId, DimensionId>>> = {
  cicd_gpu: 'cicd',
  terraform: 'infra',
  billing_alerts: 'infra',
  serving_pipeline: 'deploy',
  model_monitoring: 'monitor',
  prediction_logging: 'logging',
  shadow_ab: 'experiment',
  tracking_registry: 'tracking',
  data_versioning: 'data',
  etl_dagster: 'data',
  training_infra: 'infra',
  nightly_regression: 'cicd'
}

const LEADERSHIP_TEXT = {
  in_place: 'An experienced ML lead is already in place.',
  ml_lead_hire: 'An ML lead joins the hiring sequence; interim ML leadership, one day a week through the plan, hands over to them gradually.',
  interim_lead: 'Interim ML leadership, one day a week through the plan, covers leadership for now.'
} as const

const toAnswers = (input: ReportAssessmentInput): Answers => {
  const out: Record<string, AnswerValue | undefined> = {}
  for (const [id, answer] of Object.entries(input.answers)) {
    if (answer && answer.value !== null && answer.value !== undefined) out[id] = answer.value
  }
  return out
}

function describeContextValue(key: ContextKey, value: UnknownValue, locale: string): string {
  const q = CONTEXT_QUESTION_BY_KEY[key]
  if (q.kind === 'count') return typeof value === 'number' ? formatNumber(value, locale, 0) : String(value)
  return q.options.find((o) => o.value === value)?.label ?? String(value)
}

function describeAnswer(question: ContextQuestion | MaturityQuestion, value: AnswerValue | null | undefined, locale: string): string {
  if (value === null || value === undefined) return 'Not answered'
  if (value === UNKNOWN) return UNKNOWN_LABEL
  if ('kind' in question && question.kind === 'count') return typeof value === 'number' ? formatNumber(value, locale, 0) : String(value)
  return question.options.find((o) => o.id === value)?.label ?? String(value)
}

function assumptionOf(a: UnknownAssumption, locale: string): ReportAssumption {
  const subject = a.kind === 'dimension' ? DIMENSION_BY_ID[a.subject as DimensionId].name : CONTEXT_QUESTION_BY_KEY[a.subject as ContextKey].text
  const valueText = (v: UnknownValue) => (a.kind === 'dimension' ? `level ${String(v)}` : `“${describeContextValue(a.subject as ContextKey, v, locale)}”`)
  return {
    subject,
    text: a.text,
    changes: a.changes.map((c) => `If it is ${valueText(c.value)}: the first hire becomes the ${lowerFirstWord(ROLE_BY_ID[c.firstHire].name)}.`)
  }
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many)

// ---------------------------------------------------------------------------------------
// Building

/** Works out the report from the assessment and its plan. Throws ZodError for invalid branding and BrandingLogoError for a broken logo. */
export function buildAssessmentReportModel(input: AssessmentReportInput): AssessmentReportModel {
  const basis = resolveEngagementBasis({
    client: input.client,
    engagement: input.engagement,
    assessment: { answers: input.assessment.answers },
    plan: input.plan ?? null,
    library: input.library ?? null,
    branding: input.branding,
    generatedAt: input.generatedAt,
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.version ? { version: input.version } : {})
  })
  const { branding, locale, logo, clientName, plan } = basis
  const sections = Object.fromEntries(ASSESSMENT_REPORT_SECTIONS.map((id) => [id, input.sections?.[id] ?? true])) as Record<AssessmentReportSectionId, boolean>

  const aware = basis.assessment
  const r = aware.result
  const previous = input.previous ? assessWithUnknowns(toAnswers(input.previous)) : null
  const unknownDims = new Set(aware.assumptions.filter((a) => a.kind === 'dimension').map((a) => a.subject))
  const scales = mapMaturityScales(aware.maturity)
  const currency = plan.engagement.currency
  const money = basis.money
  const num = (n: number, digits = 1) => formatNumber(n, locale, digits)
  const rate = plan.engagement.dayRate
  const role = (id: RoleId): ReportRole => ({ role: id, name: ROLE_BY_ID[id].name, summary: ROLE_BY_ID[id].summary })
  const days = (n: number) => `${num(n)} ${plural(n, 'day', 'days')}`
  const weeksOf = (a: number, b: number) => (a === b ? `Week ${a}` : `Weeks ${a}–${b}`)

  // The plan's work, as the proposal prices it: the consultant's days at the day rate.
  const work = workItems(plan).filter((i) => i.kind !== 'hire')
  const tasks: ReportTask[] = work.map((item) => {
    const dimension = TASK_DIMENSION[item.id as TaskId]
    const why = dimension
      ? todayOrSummary(DIMENSION_BY_ID[dimension].levels[aware.maturity[dimension]] ?? '', item.title, basis.library.task(item.id)?.summary ?? null)
      : (basis.library.task(item.id)?.summary ?? null)
    return {
      id: item.id,
      title: singleLine(item.title),
      why,
      weeks: weeksOf(item.startWeek, item.endWeek),
      effort: item.daysPerWeek !== undefined ? `${days(item.effortDays)} (${days(item.daysPerWeek)} a week)` : days(item.effortDays),
      cost: money(Math.round(item.cost * 100) / 100),
      owner:
        item.owner === 'consultant'
          ? branding.consultancyName
          : item.kind === 'task'
            ? `The ${roleWords(basis, item.owner)}, with ${branding.consultancyName} pairing`
            : branding.consultancyName,
      pending: item.pending
    }
  })
  const hiringWork = workItems(plan).filter((i) => i.kind === 'hire')
  if (hiringWork.length > 0) {
    const support = hiringWork.filter((i) => !i.optional)
    const supportDays = support.reduce((n, i) => n + i.effortDays, 0)
    tasks.push({
      id: 'hiring_support',
      title: `Hiring support for ${countOf(support.length, 'hire', 'hires')}`,
      why: 'Job descriptions, screening, the technical interview loop and the debrief, for each role in the hiring sequence.',
      weeks: weeksOf(Math.min(...hiringWork.map((i) => i.startWeek)), Math.max(...hiringWork.map((i) => i.endWeek))),
      effort: days(supportDays),
      cost: money(Math.round(supportDays * rate * 100) / 100),
      owner: branding.consultancyName,
      pending: null
    })
    // Hiring support for a hire that waits on the pending answer waits with it.
    for (const item of hiringWork.filter((i) => i.optional)) {
      tasks.push({
        id: `hiring_support_${item.id}`,
        title: `Hiring support for the ${roleWords(basis, item.owner as RoleId)}`,
        why: 'Job description, screening, the technical interview loop and the debrief, once the role is confirmed.',
        weeks: weeksOf(item.startWeek, item.endWeek),
        effort: days(item.effortDays),
        cost: money(Math.round(item.cost * 100) / 100),
        owner: branding.consultancyName,
        pending: item.pending
      })
    }
  }
  // The part-time work running on while the pending work is done, so the rows add up to the total waiting.
  const extension = plan.optionalTotals.effortDays > 0 ? weeklyExtension(plan.phases, plan.weeks, plan.lastWeekWithOptions) : { effortDays: 0, cost: 0 }
  const waitingOn = workItems(plan).find((i) => i.pending !== null)?.pending ?? null
  if (extension.effortDays > 0 && waitingOn) {
    const weekly = workItems(plan).find((i) => !i.optional && i.daysPerWeek !== undefined && i.endWeek === plan.weeks)
    tasks.push({
      id: 'weekly_extension',
      title: `${weekly ? singleLine(weekly.title) : 'Part-time work'}, while the pending work runs`,
      why: 'The part-time work runs on to the end of the pending work if it goes ahead.',
      weeks: weeksOf(plan.weeks + 1, plan.lastWeekWithOptions),
      effort: days(extension.effortDays),
      cost: money(Math.round(extension.cost * 100) / 100),
      owner: branding.consultancyName,
      pending: waitingOn
    })
  }

  const decisive = aware.decisive.map((a) => assumptionOf(a, locale))
  const others = aware.assumptions.filter((a) => !a.decisive).map((a) => assumptionOf(a, locale))

  const answerSections: ReportAnswerSection[] = ASSESSMENT_SECTIONS.map((s) => ({
    id: s.id,
    name: s.name,
    answers: s.questions.map((q) => {
      const stored = input.assessment.answers[q.id]
      const note = stored?.note ?? null
      return {
        questionId: q.id,
        question: q.text,
        answer: describeAnswer(q, stored?.value, locale),
        note: note !== null && note.trim() !== '' ? note : null,
        unknown: stored?.value === undefined || stored?.value === null || stored.value === UNKNOWN
      }
    })
  }))

  const first = plan.hires[0]!
  const firstName = roleWords(basis, first.role)
  const generatedSteps: string[] = [
    ...(decisive.length
      ? [
          `Check the ${plural(decisive.length, 'answer', 'answers')} that could change the recommendation: ${formatList(
            decisive.map((d) => d.subject),
            locale
          )}.`
        ]
      : []),
    ...(aware.assumptions.length > decisive.length ? ['Confirm the other assumptions listed in this report during Discovery.'] : []),
    ...(r.flags.includes('no_data_no_model') ? ['Run the objectives and data audit before recruiting for any ML role.'] : []),
    ...(r.warnings.length
      ? [`Resolve the ${plural(r.warnings.length, 'contradictory answer', 'contradictory answers')} listed under “Answers to double-check”.`]
      : []),
    `Agree the ${r.isNextHire ? 'next AI hire' : 'first hire'}, the ${firstName}, and open the role: recruiting takes about ${first.leadTimeWeeks} weeks.`,
    'Review the phased plan, effort and fees in the proposal built from this assessment.'
  ]

  const assessedAt = input.assessment.completedAt ?? input.assessment.updatedAt ?? null

  return typeset(
    {
      sections,
      branding,
      logo,
      locale,
      meta: {
        clientName,
        industry: input.client.industry?.trim() ? input.client.industry : null,
        headcount: typeof input.client.headcount === 'number' ? num(input.client.headcount, 0) : null,
        engagementTitle: input.engagement.title,
        consultant: input.engagement.consultant,
        consultancyName: branding.consultancyName,
        assessmentTitle: input.assessment.title,
        date: formatDate(input.generatedAt, locale),
        assessedOn: assessedAt ? formatDate(assessedAt, locale) : null,
        version: input.version?.trim() || '1.0',
        currency,
        dayRate: money(rate),
        startDate: input.engagement.startDate ? formatDate(input.engagement.startDate, locale) : null,
        previousTitle: input.previous ? input.previous.title : null,
        objective: input.engagement.objective?.trim() ? input.engagement.objective.trim() : null
      },
      present: (input.assessment.present ?? []).filter((p) => p.trim() !== ''),
      overall: num(r.overall, 2),
      platform: num(r.platform, 2),
      summary: `${clientName} scores ${num(r.overall, 2)} of 4 overall on AI readiness, and ${num(r.platform, 2)} of 4 on the platform every model runs on (deployment, monitoring, prediction logging and experiments).`,
      radar: readinessRadar(
        { title: singleLine(input.assessment.title) || 'This assessment', maturity: aware.maturity },
        previous && input.previous ? { title: singleLine(input.previous.title) || 'Earlier assessment', maturity: previous.maturity } : undefined
      ),
      scores: DIMENSIONS.map((d) => {
        const level = aware.maturity[d.id]
        const before = previous ? previous.maturity[d.id] : null
        return {
          id: d.id,
          name: d.name,
          level,
          meaning: d.levels[level]!,
          previous: before,
          change: before === null ? null : level - before,
          unknown: unknownDims.has(d.id)
        }
      }),
      recommendation: {
        ...role(r.firstHire),
        label: r.isNextHire ? 'Next AI hire' : 'First hire',
        reason: r.reason,
        otherSigns: ((signs) => (signs.length && PRECEDENCE[r.rule] ? [...signs, PRECEDENCE[r.rule]!] : signs))(
          r.alsoMatched.map((id) => otherSign(id, aware.context)).filter((x) => x !== '')
        ),
        leadership: LEADERSHIP_TEXT[r.leadership],
        milestone: { heading: milestoneHeading(plan), text: milestoneSentences(basis) },
        routes: routeSentences(basis)
      },
      hiringSequence: hiringSteps(basis).map((s, i) => ({
        ...role(s.role),
        why: i === 0 ? `The ${r.isNextHire ? 'next AI hire' : 'first hire'}: see the recommendation.` : s.why,
        afterAudit: s.afterAudit,
        starts: `Week ${s.startWeek}`
      })),
      findings: findingViews(basis).map((f) => ({ id: f.flag, title: f.title, observed: f.observed, meaning: f.meaning })),
      decisiveUnknowns: decisive,
      otherAssumptions: others,
      warnings: r.warnings.map((w) => w.message),
      tasks,
      taskTotals: tasks.length
        ? {
            days: days(plan.totals.effortDays),
            cost: money(Math.round(plan.totals.cost * 100) / 100),
            weeks: `${plan.weeks} weeks`,
            optional:
              plan.optionalTotals.effortDays > 0
                ? { days: days(plan.optionalTotals.effortDays), cost: money(Math.round(plan.optionalTotals.cost * 100) / 100) }
                : null
          }
        : null,
      scales: {
        placements: [scales.google, scales.microsoft].map((p) => ({
          scaleName: p.scaleName,
          level: p.level,
          name: p.name,
          description: p.description,
          next: p.next ? `Level ${p.next.level}: ${p.next.name}` : null,
          missing: p.next ? p.next.missing : []
        })),
        note: scales.note
      },
      answerSections,
      nextSteps: input.nextSteps ? [...input.nextSteps] : generatedSteps
    },
    {
      verbatim: [
        clientName,
        input.engagement.title,
        input.engagement.consultant,
        input.engagement.objective,
        branding.consultancyName,
        input.client.industry,
        input.assessment.title,
        input.previous?.title,
        ...(input.assessment.present ?? []),
        ...(input.nextSteps ?? []),
        ...Object.values(input.assessment.answers).map((a) => a?.note)
      ]
    }
  )
}

const lowerFirstWord = (text: string): string => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text)

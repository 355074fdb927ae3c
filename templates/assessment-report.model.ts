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
import { readinessRadar } from '../shared/charts/readiness-radar'
import type { RadarChartSpec } from '../shared/charts/radar.chart'
import { FLAG_BY_ID, ROLE_BY_ID, TASK_BY_ID, type FlagId, type RoleId, type TaskId } from '../shared/domain/catalogue'
import { DIMENSIONS, DIMENSION_BY_ID, type DimensionId, type ContextKey } from '../shared/domain/assessment/dimensions'
import { RULE_BY_ID, type RuleId } from '../shared/domain/assessment/engine'
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
import { resolveDocumentFrame, type Branding, type BrandingInput, type CoverMeta, type DocumentModelBase } from './branding'
import { formatDate, formatList, formatMoney, formatNumber } from './format'
import { singleLine } from './text'

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
export const ASSESSMENT_REPORT_SECTIONS = [
  'cover',
  'contents',
  'about',
  'recommendation',
  'readiness',
  'scores',
  'sequence',
  'findings',
  'assumptions',
  'warnings',
  'tasks',
  'scales',
  'answers',
  'nextSteps'
] as const
export type AssessmentReportSectionId = (typeof ASSESSMENT_REPORT_SECTIONS)[number]

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
}

export interface ReportFinding {
  id: FlagId
  title: string
  condition: string
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
  id: TaskId
  title: string
  trigger: string
  /** e.g. "6 days" or "1 day a week". */
  effort: string
  /** Indicative cost at the engagement's day rate, e.g. "€7,200" or "€1,200 a week". */
  cost: string
  owner: string
  /** Pending the objectives & data audit. */
  afterAudit: boolean
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
    rule: RuleId
    ruleCondition: string
    reason: string
    alsoMatched: { rule: RuleId; condition: string; role: string }[]
    leadership: string
  }
  hiringSequence: ReportHiringStep[]
  findings: ReportFinding[]
  decisiveUnknowns: ReportAssumption[]
  otherAssumptions: ReportAssumption[]
  warnings: string[]
  tasks: ReportTask[]
  /** One-off days and their cost, and the weekly commitment (e.g. the interim lead) when there is one. */
  taskTotals: { days: string; cost: string; weekly: { effort: string; cost: string } | null } | null
  scales: { placements: ReportScalePlacement[]; note: string }
  answerSections: ReportAnswerSection[]
  nextSteps: string[]
}

// ---------------------------------------------------------------------------------------
// Wording

/** Short titles for raised flags, read as findings. */
export const FINDING_TITLES: Readonly<Record<FlagId, string>> = {
  wrong_order: 'Hires in the wrong order',
  needs_interim_lead: 'Nobody to lead the ML work',
  protect_ai_team: 'A promising demo at risk',
  no_data_no_model: 'Nothing to train a model on yet',
  gpu_ci_gap: 'GPU work without GPU-capable CI/CD'
}

const LEADERSHIP_TEXT = {
  in_place: 'An experienced ML lead is already in place.',
  ml_lead_hire: 'An ML lead joins the hiring sequence; an interim lead bridges the gap until then.',
  interim_lead: 'An interim ML team lead, part time through the plan, covers leadership for now.'
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
  const valueText = (v: UnknownValue) =>
    a.kind === 'dimension' ? `level ${String(v)}` : `“${describeContextValue(a.subject as ContextKey, v, locale)}”`
  return {
    subject,
    text: a.text,
    changes: a.changes.map((c) => `If it is ${valueText(c.value)}: the first hire becomes ${ROLE_BY_ID[c.firstHire].name} (rule ${c.rule}).`)
  }
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many)

// ---------------------------------------------------------------------------------------
// Building

/** Works out the report from the assessment. Throws ZodError for invalid branding and BrandingLogoError for a broken logo. */
export function buildAssessmentReportModel(input: AssessmentReportInput): AssessmentReportModel {
  const { branding, locale, logo, clientName } = resolveDocumentFrame(input)
  const sections = Object.fromEntries(
    ASSESSMENT_REPORT_SECTIONS.map((id) => [id, input.sections?.[id] ?? true])
  ) as Record<AssessmentReportSectionId, boolean>

  const answers = toAnswers(input.assessment)
  const aware = assessWithUnknowns(answers, { clientName })
  const r = aware.result
  const previous = input.previous ? assessWithUnknowns(toAnswers(input.previous)) : null
  const unknownDims = new Set(aware.assumptions.filter((a) => a.kind === 'dimension').map((a) => a.subject))
  const scales = mapMaturityScales(aware.maturity)
  const currency = input.engagement.currency
  const money = (n: number) => formatMoney(n, currency, locale)
  const num = (n: number, digits = 1) => formatNumber(n, locale, digits)
  const rate = input.engagement.dayRate
  const audit = r.flags.includes('no_data_no_model')
  const committedWithAudit = new Set<TaskId>(['objectives_audit', 'interim_lead', 'terraform', 'billing_alerts'])
  const hireOwnsPlatform = r.firstHire === 'infra_engineer' || r.firstHire === 'mlops_engineer'
  const role = (id: RoleId): ReportRole => ({ role: id, name: ROLE_BY_ID[id].name, summary: ROLE_BY_ID[id].summary })

  const tasks: ReportTask[] = r.tasks.map((id) => {
    const t = TASK_BY_ID[id]
    const weekly = t.effort.kind === 'weekly'
    const days = t.effort.kind === 'weekly' ? t.effort.daysPerWeek : t.effort.days
    return {
      id,
      title: t.title,
      // The catalogue names the flag behind a trigger; the client reads the words only.
      trigger: t.trigger.replace(/\s*\(flag [a-z_]+\)/g, ''),
      effort: weekly ? `${num(days)} ${plural(days, 'day', 'days')} a week` : `${num(days)} ${plural(days, 'day', 'days')}`,
      cost: weekly ? `${money(days * rate)} a week` : money(days * rate),
      owner: t.ownerKind === 'platform' && hireOwnsPlatform ? `${ROLE_BY_ID[r.firstHire].name}, with the consultant pairing` : 'Consultant',
      afterAudit: audit && !committedWithAudit.has(id)
    }
  })
  const blockDays = r.tasks.reduce((sum, id) => {
    const e = TASK_BY_ID[id].effort
    return sum + (e.kind === 'block' ? e.days : 0)
  }, 0)
  const weeklyDays = r.tasks.reduce((sum, id) => {
    const e = TASK_BY_ID[id].effort
    return sum + (e.kind === 'weekly' ? e.daysPerWeek : 0)
  }, 0)

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

  const firstHireName = ROLE_BY_ID[r.firstHire].name
  const generatedSteps: string[] = [
    ...(decisive.length
      ? [`Check the ${plural(decisive.length, 'answer', 'answers')} that could change the recommendation: ${formatList(decisive.map((d) => d.subject), locale)}.`]
      : []),
    ...(aware.assumptions.length > decisive.length ? ['Confirm the other assumptions listed in this report during Discovery.'] : []),
    ...(audit ? ['Run the objectives & data audit workshop before recruiting for any ML role.'] : []),
    ...(r.warnings.length ? [`Resolve the ${plural(r.warnings.length, 'contradictory answer', 'contradictory answers')} listed under “Answers to double-check”.`] : []),
    `Agree the ${r.isNextHire ? 'next AI hire' : 'first hire'} (${firstHireName}) and start recruiting; allow about ten weeks.`,
    'Review the phased plan, effort and cost in the proposal built from this assessment.'
  ]

  const assessedAt = input.assessment.completedAt ?? input.assessment.updatedAt ?? null

  return {
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
      previousTitle: input.previous ? input.previous.title : null
    },
    present: (input.assessment.present ?? []).filter((p) => p.trim() !== ''),
    overall: num(r.overall, 2),
    platform: num(r.platform, 2),
    summary: r.summary,
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
      rule: r.rule,
      ruleCondition: r.rule === 'R6' ? 'no special case applies (the default rule)' : RULE_BY_ID[r.rule].condition,
      reason: r.reason,
      alsoMatched: r.alsoMatched.map((id) => ({ rule: id, condition: RULE_BY_ID[id].condition, role: ROLE_BY_ID[RULE_BY_ID[id].firstHire].name })),
      leadership: LEADERSHIP_TEXT[r.leadership]
    },
    hiringSequence: r.hiringSteps.map((s) => ({
      ...role(s.role),
      why: s.step === 0 ? `${r.isNextHire ? 'Next AI hire' : 'First hire'} (rule ${r.rule}).` : s.why,
      afterAudit: s.afterAudit
    })),
    findings: r.flags.map((id) => ({ id, title: FINDING_TITLES[id], condition: FLAG_BY_ID[id].condition, meaning: FLAG_BY_ID[id].meaning })),
    decisiveUnknowns: decisive,
    otherAssumptions: others,
    warnings: r.warnings.map((w) => w.message),
    tasks,
    taskTotals: tasks.length
      ? {
          days: `${num(blockDays)} ${plural(blockDays, 'day', 'days')}`,
          cost: money(blockDays * rate),
          weekly: weeklyDays ? { effort: `${num(weeklyDays)} ${plural(weeklyDays, 'day', 'days')} a week`, cost: `${money(weeklyDays * rate)} a week` } : null
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
  }
}

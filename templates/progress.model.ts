/**
 * The progress report's model: a status report on an engagement in delivery, worked out
 * from its tracking view (phases, items, gates, logged time, RAG) and, when given, the
 * current and an earlier readiness assessment. Everything is worded and formatted for the
 * chosen locale; statuses are always words, never only a colour.
 *
 * Private notes never reach the model: only each answer's `value` is read (the report shows
 * scores, not notes), so nothing else a stored answer carries can leak into the document.
 *
 * Pure: no Node, no file system.
 */
import { sectionIdsOf, type DocumentSectionId } from '../shared/domain/documents'
import { readinessRadar } from '../shared/charts/readiness-radar'
import type { RadarChartSpec } from '../shared/charts/radar.chart'
import { DIMENSIONS, type DimensionId } from '../shared/domain/assessment/dimensions'
import type { AnswerValue, Answers } from '../shared/domain/assessment/question-bank'
import { assessWithUnknowns } from '../shared/domain/assessment/unknowns'
import { addDays } from '../shared/domain/tracking/dates'
import type { ItemStatus, TrackedItem, TrackingView } from '../shared/schemas/tracking.schema'
import { resolveDocumentFrame, type Branding, type BrandingInput, type CoverMeta, type DocumentModelBase } from './branding'
import { formatDate, formatMoney, formatNumber } from './format'
import { singleLine } from './text'

// ---------------------------------------------------------------------------------------
// Input

export interface ProgressClient {
  name: string
  industry?: string | null
}

export interface ProgressEngagement {
  title: string
  consultant: string
  /** ISO 4217 code. */
  currency: string
  dayRate: number
}

/** One stored answer: only its value is read. */
export interface ProgressAnswerInput {
  value: AnswerValue | null
  note?: string | null
}

export interface ProgressAssessmentInput {
  title: string
  /** YYYY-MM-DD or an ISO timestamp. */
  completedAt?: string | null
  answers: Readonly<Record<string, ProgressAnswerInput | undefined>>
}

/** The report's parts, each of which can be left out. */
/** The sections in order, from the document catalogue (shared/domain/documents.ts). */
export const PROGRESS_REPORT_SECTIONS = sectionIdsOf('progress')
export type ProgressReportSectionId = DocumentSectionId<'progress'>

export interface ProgressReportInput {
  client: ProgressClient
  engagement: ProgressEngagement
  tracking: TrackingView
  /** The latest assessment; without it the readiness part is left out. */
  assessment?: ProgressAssessmentInput | null
  /** An earlier assessment: drawn behind the current one, and its date starts "work closed since". */
  previous?: ProgressAssessmentInput | null
  branding: Branding | BrandingInput
  /** When the document is made (the cover's date). */
  generatedAt: Date | string
  /** BCP 47 tag for dates and amounts; defaults to the branding's. */
  locale?: string
  /** The document's version, shown on the cover (default "1.0"). */
  version?: string
  /** Parts to leave out (`false`); every part is in by default. */
  sections?: Partial<Record<ProgressReportSectionId, boolean>>
}

// ---------------------------------------------------------------------------------------
// Model

export const STATUS_WORD: Readonly<Record<ItemStatus, string>> = {
  planned: 'Planned',
  in_progress: 'In progress',
  blocked: 'Blocked',
  done: 'Done'
}

export interface ProgressTaskRow {
  itemId: string
  title: string
  owner: string | null
  status: ItemStatus
  /** The status as a word, e.g. "Blocked since 3 March 2025". */
  statusText: string
  plannedEnd: string
  baselineEnd: string
  /** e.g. "9 days late against the baseline", or null when on the baseline. */
  slip: string | null
  logged: string
  estimate: string
  inPlan: boolean
}

export interface ProgressPhase {
  id: string
  name: string
  progress: string
  dates: string
  gates: { criterion: string; done: boolean }[]
  gatesLine: string
  logged: string
  estimate: string
  tasks: ProgressTaskRow[]
}

export interface ProgressIssue {
  title: string
  phase: string
  /** Why it is late or blocked, in words. */
  detail: string
}

export interface ProgressReportModel extends DocumentModelBase<ProgressReportSectionId> {
  meta: CoverMeta & {
    /** The tracking view's "today", formatted. */
    asOf: string
    version: string
    dayRate: string
    assessmentTitle: string | null
    previousTitle: string | null
    previousDate: string | null
  }
  summary: {
    ragLevel: TrackingView['rag']['level']
    /** The status word, e.g. "Amber: at risk". */
    ragWord: string
    ragReason: string
    ragReasons: string[]
    progress: string
    /** Headline figures, e.g. "12.25 days" and "€27,000". */
    loggedDays: string
    plannedCost: string
    days: string
    daysNote: string | null
    cost: string
    costNote: string | null
    late: ProgressIssue[]
    blocked: ProgressIssue[]
    nextTwoWeeks: ProgressIssue[]
  }
  phases: ProgressPhase[]
  readiness: {
    radar: RadarChartSpec
    rows: { id: DimensionId; name: string; level: number; previous: number | null; change: number | null }[]
  } | null
  closed: { since: string | null; items: { title: string; phase: string; finished: string; logged: string }[] }
  time: { months: { month: string; days: string }[]; total: string; note: string | null }
}

// ---------------------------------------------------------------------------------------
// Building

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many)

const toAnswers = (input: ProgressAssessmentInput): Answers => {
  const out: Record<string, AnswerValue | undefined> = {}
  for (const [id, answer] of Object.entries(input.answers)) {
    if (answer && answer.value !== null && answer.value !== undefined) out[id] = answer.value
  }
  return out
}

const RAG_WORD: Readonly<Record<TrackingView['rag']['level'], string>> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  none: 'Not rated'
}

/** The calendar date part of a date or timestamp, or null. */
const dayOf = (value: string | null | undefined): string | null => (value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null)

function monthLabel(month: string, locale: string): string {
  const date = new Date(`${month}-01T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return month
  try {
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
  } catch {
    return month
  }
}

/** Works out the progress report. Throws ZodError for invalid branding and BrandingLogoError for a broken logo. */
export function buildProgressReportModel(input: ProgressReportInput): ProgressReportModel {
  const { branding, locale, logo, clientName } = resolveDocumentFrame(input)
  const t = input.tracking
  const hasAssessment = !!input.assessment
  const sections = Object.fromEntries(
    PROGRESS_REPORT_SECTIONS.map((id) => [id, (input.sections?.[id] ?? true) && (id !== 'readiness' || hasAssessment)])
  ) as Record<ProgressReportSectionId, boolean>

  const currency = input.engagement.currency
  const money = (n: number) => formatMoney(Math.round(n * 100) / 100, currency, locale)
  const num = (n: number, digits = 1) => formatNumber(n, locale, digits)
  const days = (n: number) => `${num(n, 2)} ${plural(n, 'day', 'days')}`
  const date = (d: string | null | undefined) => (d ? formatDate(d, locale) : '–')
  const today = t.today
  const phaseName = new Map(t.phases.map((p) => [p.id, p.name]))

  const statusText = (i: TrackedItem): string => {
    if (i.status === 'blocked') return i.blockedSince ? `Blocked since ${date(i.blockedSince)}` : 'Blocked'
    if (i.status === 'done') return i.actualEnd ? `Done ${date(i.actualEnd)}` : 'Done'
    if (i.overdueDays > 0) return `${STATUS_WORD[i.status]}, ${days(i.overdueDays)} overdue`
    return STATUS_WORD[i.status]
  }
  const slipText = (i: TrackedItem): string | null => {
    if (i.slipDays === null || i.slipDays === 0) return null
    return i.slipDays > 0 ? `${days(i.slipDays)} later than signed` : `${days(-i.slipDays)} earlier than signed`
  }

  // Summary ----------------------------------------------------------------------------
  const allItems = t.phases.flatMap((p) => p.items)
  const open = allItems.filter((i) => i.status !== 'done' && i.inPlan)
  const late: ProgressIssue[] = open
    .filter((i) => i.overdueDays > 0 || (i.slipDays ?? 0) > 0)
    .sort((a, b) => b.overdueDays - a.overdueDays || (b.slipDays ?? 0) - (a.slipDays ?? 0))
    .map((i) => ({
      title: i.title,
      phase: phaseName.get(i.phase) ?? i.phase,
      detail: [
        i.overdueDays > 0 ? `${days(i.overdueDays)} past its planned end of ${date(i.plannedEnd)}` : null,
        (i.slipDays ?? 0) > 0 ? `now due ${date(i.plannedEnd)}, ${days(i.slipDays!)} later than the signed ${date(i.baselineEnd)}` : null,
        i.status === 'blocked' ? 'blocked (see below)' : null
      ]
        .filter((x): x is string => x !== null)
        .join('; ')
        .replace(/^./, (c) => c.toUpperCase())
    }))
  const blocked: ProgressIssue[] = open
    .filter((i) => i.status === 'blocked')
    .map((i) => ({
      title: i.title,
      phase: phaseName.get(i.phase) ?? i.phase,
      detail: `${i.blockedSince ? `Blocked since ${date(i.blockedSince)}. ` : ''}${i.blockedReason?.trim() ? i.blockedReason : 'No reason recorded.'}`
    }))
  const windowEnd = addDays(today, 14)
  const nextTwoWeeks: ProgressIssue[] = open
    .filter((i) => i.status !== 'blocked' && i.overdueDays === 0)
    .filter((i) => (i.plannedStart ?? i.plannedEnd ?? '9999') <= windowEnd && (i.plannedEnd ?? '9999') >= today)
    .sort((a, b) => (a.plannedEnd ?? '9999').localeCompare(b.plannedEnd ?? '9999'))
    .map((i) => ({
      title: i.title,
      phase: phaseName.get(i.phase) ?? i.phase,
      detail: `${STATUS_WORD[i.status]}; planned ${date(i.plannedStart)} to ${date(i.plannedEnd)}${i.owner?.trim() ? `; owner ${singleLine(i.owner)}` : ''}`
    }))

  const tot = t.totals
  const loggedCost = tot.loggedDays * input.engagement.dayRate
  const costDelta = tot.baselineCost === null ? null : tot.plannedCost - tot.baselineCost
  const daysDelta = tot.baselineDays === null ? null : tot.estimateDays - tot.baselineDays

  // Phases -----------------------------------------------------------------------------
  const phases: ProgressPhase[] = t.phases.map((p) => ({
    id: p.id,
    name: p.name,
    progress: `${num(p.progressPercent, 0)}%`,
    dates:
      p.plannedStart || p.plannedEnd
        ? `Planned ${date(p.plannedStart)} to ${date(p.plannedEnd)}${p.baselineEnd && p.baselineEnd !== p.plannedEnd ? ` (signed end ${date(p.baselineEnd)})` : ''}`
        : 'Not scheduled',
    gates: [...p.gates].sort((a, b) => a.position - b.position).map((g) => ({ criterion: g.criterion, done: g.doneAt !== null })),
    gatesLine: p.gates.length ? `${p.gatesDone} of ${p.gates.length} ${plural(p.gates.length, 'gate', 'gates')} ticked` : 'No gates set',
    logged: days(p.loggedDays),
    estimate: days(p.estimateDays),
    tasks: p.items.map((i) => ({
      itemId: i.itemId,
      title: i.title,
      owner: i.owner?.trim() ? i.owner : null,
      status: i.status,
      statusText: statusText(i),
      plannedEnd: date(i.plannedEnd),
      baselineEnd: i.baselineEnd ? date(i.baselineEnd) : 'Not in the signed plan',
      slip: slipText(i),
      logged: num(i.loggedDays, 2),
      estimate: num(i.effortDays, 2),
      inPlan: i.inPlan
    }))
  }))

  // Readiness --------------------------------------------------------------------------
  let readiness: ProgressReportModel['readiness'] = null
  if (input.assessment) {
    const current = assessWithUnknowns(toAnswers(input.assessment), { clientName })
    const before = input.previous ? assessWithUnknowns(toAnswers(input.previous)) : null
    readiness = {
      radar: readinessRadar(
        { title: singleLine(input.assessment.title) || 'This assessment', maturity: current.maturity },
        before && input.previous ? { title: singleLine(input.previous.title) || 'Earlier assessment', maturity: before.maturity } : undefined
      ),
      rows: DIMENSIONS.map((d) => {
        const level = current.maturity[d.id]
        const prev = before ? before.maturity[d.id] : null
        return { id: d.id, name: d.name, level, previous: prev, change: prev === null ? null : level - prev }
      })
    }
  }

  // Closed -----------------------------------------------------------------------------
  const since = dayOf(input.previous?.completedAt)
  const closedItems = allItems
    .filter((i) => i.status === 'done' && (since === null || (i.actualEnd !== null && i.actualEnd >= since)))
    .sort((a, b) => (a.actualEnd ?? '').localeCompare(b.actualEnd ?? ''))
    .map((i) => ({ title: i.title, phase: phaseName.get(i.phase) ?? i.phase, finished: date(i.actualEnd), logged: days(i.loggedDays) }))

  // Time -------------------------------------------------------------------------------
  const byMonth = new Map<string, number>()
  for (const e of t.timeEntries) {
    const month = e.date.slice(0, 7)
    byMonth.set(month, (byMonth.get(month) ?? 0) + e.days)
  }
  const months = [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b))
  const shownDays = months.reduce((s, [, d]) => s + d, 0)

  return {
    sections,
    branding,
    logo,
    locale,
    meta: {
      clientName,
      industry: input.client.industry?.trim() ? input.client.industry : null,
      engagementTitle: input.engagement.title,
      consultant: input.engagement.consultant,
      consultancyName: branding.consultancyName,
      date: formatDate(input.generatedAt, locale),
      asOf: date(today),
      version: input.version?.trim() || '1.0',
      dayRate: money(input.engagement.dayRate),
      assessmentTitle: input.assessment ? input.assessment.title : null,
      previousTitle: input.previous ? input.previous.title : null,
      previousDate: since ? date(since) : null
    },
    summary: {
      ragLevel: t.rag.level,
      ragWord: t.rag.word?.trim() ? `${RAG_WORD[t.rag.level]}: ${t.rag.word}` : RAG_WORD[t.rag.level],
      ragReason: t.rag.reason,
      ragReasons: t.rag.reasons,
      progress: `${num(tot.progressPercent, 0)}%`,
      loggedDays: days(tot.loggedDays),
      plannedCost: money(tot.plannedCost),
      days: `${days(tot.loggedDays)} logged of ${days(tot.estimateDays)} estimated`,
      daysNote:
        [
          daysDelta !== null && daysDelta !== 0
            ? `The estimate is ${days(Math.abs(daysDelta))} ${daysDelta > 0 ? 'above' : 'below'} the ${days(tot.baselineDays!)} signed.`
            : null,
          tot.unassignedLoggedDays > 0 ? `${days(tot.unassignedLoggedDays)} logged without a task.` : null
        ]
          .filter((x): x is string => x !== null)
          .join(' ') || null,
      cost:
        tot.baselineCost === null
          ? `${money(tot.plannedCost)} planned (not signed yet)`
          : `${money(tot.plannedCost)} planned against ${money(tot.baselineCost)} signed`,
      costNote: [
        costDelta !== null && costDelta !== 0 ? `${costDelta > 0 ? 'Over' : 'Under'} the signed baseline by ${money(Math.abs(costDelta))}.` : null,
        `Days logged so far come to ${money(loggedCost)} at ${money(input.engagement.dayRate)} a day.`
      ]
        .filter((x): x is string => x !== null)
        .join(' '),
      late,
      blocked,
      nextTwoWeeks
    },
    phases,
    readiness,
    closed: { since: since ? date(since) : null, items: closedItems },
    time: {
      months: months.map(([m, d]) => ({ month: monthLabel(m, locale), days: num(d, 2) })),
      total: num(shownDays, 2),
      note:
        t.timeEntryCount > t.timeEntries.length
          ? `Only the latest ${t.timeEntries.length} of ${t.timeEntryCount} time entries are counted here; ${days(tot.loggedDays)} are logged in all.`
          : null
    }
  }
}

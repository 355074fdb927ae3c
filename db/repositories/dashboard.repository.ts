/**
 * The portfolio dashboard: one page of engagements (at most 200 rows) with their figures,
 * totals over every engagement the filters select, and the consultant's load by week.
 *
 * Every query reads engagements through an index: the per-engagement figures it sorts and
 * filters on are columns kept by triggers (migration 0006), the page is chosen from the
 * covering index `engagement_dash_idx` and only the page's rows are then read in full. The
 * queries are exported as compiled SQL so tests can EXPLAIN exactly what runs, and the
 * benchmarks can time the same SQL as raw prepared statements.
 */
import { sql, type CompiledQuery, type RawBuilder } from 'kysely'
import { addDays, daysBetween, isoWeekOf, mondayOf } from '../../shared/domain/tracking/dates'
import { RAG_LEVELS, RAG_THRESHOLDS, deriveRag, type RagThresholds } from '../../shared/domain/tracking/rag'
import { DUE_SOON_DAYS } from '../../shared/domain/tracking/view'
import { ENGAGEMENT_STATUSES as STATUS_ORDER_TS, type EngagementStatus } from '../../shared/schemas/engagement.schema'
import { DASHBOARD_PAGE_MAX, type Dashboard, type DashboardQuery, type DashboardRow, type Load, type LoadQuery } from '../../shared/schemas/tracking.schema'
import type { PhaseId } from '../../shared/domain/catalogue'
import type { Db } from './client.repository'

/** Overbooked above this many days a week, whatever the capacity. */
export const MAX_DAYS_PER_WEEK = 5
export const DEFAULT_LOAD_WEEKS = 12

/**
 * The RAG rank (0 none, 1 green, 2 amber, 3 red) in SQL, from the same thresholds as
 * deriveRag (shared/domain/tracking/rag.ts); the date comparisons are the day counts there
 * turned around ("blocked for more than 7 days" = blocked since before today − 7 days).
 */
export function ragRankSql(today: string, t: RagThresholds = RAG_THRESHOLDS): RawBuilder<number> {
  return sql<number>`CASE
    WHEN e.status <> 'active' OR e.tracked_items = 0 THEN 0
    WHEN e.blocked_since < ${addDays(today, -t.redBlockedDays)} OR e.slip_days > ${t.redSlipDays}
      OR e.next_due < ${addDays(today, -t.redOverdueDays)} THEN 3
    WHEN e.blocked_since IS NOT NULL OR e.slip_days > ${t.amberSlipDays} OR e.next_due < ${today} THEN 2
    ELSE 1 END`
}

const STATUS_RANK = sql`CASE e.status WHEN 'lead' THEN 0 WHEN 'proposal' THEN 1 WHEN 'active' THEN 2 WHEN 'complete' THEN 3 ELSE 4 END`

function filters(q: DashboardQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = []
  if (!q.includeArchived) parts.push(sql`e.archived_at IS NULL`)
  if (q.status) parts.push(sql`e.status IN (${sql.join(q.status)})`)
  if (q.consultant) parts.push(sql`e.consultant = ${q.consultant}`)
  if (q.clientId) parts.push(sql`e.client_id = ${q.clientId}`)
  return parts.length > 0 ? sql`WHERE ${sql.join(parts, sql` AND `)}` : sql``
}

function orderBy(q: DashboardQuery): RawBuilder<unknown> {
  const dir = q.direction === 'desc' ? sql`DESC` : sql`ASC`
  switch (q.sort ?? 'client') {
    case 'client':
      return sql`c.name COLLATE NOCASE ${dir}, e.title COLLATE NOCASE ${dir}, e.rowid ${dir}`
    case 'title':
      return sql`e.title COLLATE NOCASE ${dir}, e.rowid ${dir}`
    case 'status':
      return sql`${STATUS_RANK} ${dir}, e.rowid ${dir}`
    case 'rag':
      return sql`rag_rank ${dir}, e.next_due ASC NULLS LAST, e.rowid ${dir}`
    case 'nextDue':
      // Engagements with nothing open come last either way.
      return sql`e.next_due IS NULL, e.next_due ${dir}, e.rowid ${dir}`
    case 'progress':
      return sql`e.progress ${dir}, e.rowid ${dir}`
  }
}

export interface DashboardQueries {
  page: CompiledQuery<PageRow>
  totals: CompiledQuery<TotalsRow>
  consultants: CompiledQuery<{ consultant: string }>
}

export interface PageRow {
  id: string
  client_id: string
  client_name: string
  title: string
  status: string
  consultant: string
  currency: string
  day_rate: number
  signed_at: string | null
  archived_at: string | null
  current_phase: string | null
  progress: number
  tracked_items: number
  blocked_since: string | null
  next_due: string | null
  slip_days: number
  planned_days: number | null
  logged_days: number
  rag_rank: number
  overdue: number
  due_soon: number
}

interface TotalsRow {
  status: string
  currency: string
  rag_rank: number
  engagements: number
  pipeline_value: number
  planned_days: number
  logged_days: number
}

/** The dashboard's SQL for a query on a given day (compiled, not run). */
export function dashboardQueries(db: Db, q: DashboardQuery, today: string): DashboardQueries {
  const limit = Math.min(q.limit ?? DASHBOARD_PAGE_MAX, DASHBOARD_PAGE_MAX)
  const offset = q.offset ?? 0
  const rag = ragRankSql(today)
  const where = filters(q)
  const order = orderBy(q)
  const joinClient = (q.sort ?? 'client') === 'client' ? sql`JOIN client c ON c.id = e.client_id` : sql``
  const dueSoonUntil = addDays(today, DUE_SOON_DAYS)
  // First the page's rowids from the index (only the client sort needs the client's name),
  // then the full rows and per-item counts for those rows only. CROSS JOIN keeps the page as
  // the outer loop: otherwise, with no filter, SQLite may walk every engagement in sort order
  // and probe the page for each.
  const page = sql<PageRow>`
    WITH page AS (
      SELECT e.rowid AS rid, ${rag} AS rag_rank
      FROM engagement e ${joinClient}
      ${where}
      ORDER BY ${order}
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT e.id, e.client_id, c.name AS client_name, e.title, e.status, e.consultant, e.currency, e.day_rate,
      e.signed_at, e.archived_at, e.current_phase, e.progress, e.tracked_items, e.blocked_since, e.next_due,
      e.slip_days, e.planned_days, e.logged_days, page.rag_rank AS rag_rank,
      CASE WHEN e.status = 'active' AND e.tracked_items > 0 THEN (SELECT count(*) FROM tracking_item t
        WHERE t.engagement_id = e.id AND t.in_plan = 1 AND t.status <> 'done' AND t.planned_end < ${today}) ELSE 0 END AS overdue,
      CASE WHEN e.status = 'active' AND e.tracked_items > 0 THEN (SELECT count(*) FROM tracking_item t
        WHERE t.engagement_id = e.id AND t.in_plan = 1 AND t.status <> 'done'
          AND t.planned_end >= ${today} AND t.planned_end <= ${dueSoonUntil}) ELSE 0 END AS due_soon
    FROM page
    CROSS JOIN engagement e ON e.rowid = page.rid
    JOIN client c ON c.id = e.client_id
    ORDER BY ${order}
  `.compile(db)
  // Grouped by RAG as well, so the rule is worked out once a row; the counts add up in TypeScript.
  const totals = sql<TotalsRow>`
    SELECT e.status, e.currency, ${rag} AS rag_rank, count(*) AS engagements,
      total(e.day_rate * e.planned_days) AS pipeline_value,
      total(e.planned_days) AS planned_days,
      total(e.logged_days) AS logged_days
    FROM engagement e
    ${where}
    GROUP BY e.status, e.currency, rag_rank
  `.compile(db)
  const consultants = sql<{ consultant: string }>`
    SELECT DISTINCT e.consultant FROM engagement e ORDER BY e.consultant LIMIT 1000
  `.compile(db)
  return { page, totals, consultants }
}

const round2 = (n: number) => Math.round(n * 100) / 100

export function toDashboardRow(r: PageRow, today: string): DashboardRow {
  const status = r.status as EngagementStatus
  const rag = deriveRag(
    { status, trackedItems: r.tracked_items, blockedSince: r.blocked_since, nextDue: r.next_due, slipDays: r.slip_days, overdueCount: r.overdue },
    today
  )
  return {
    id: r.id,
    clientId: r.client_id,
    clientName: r.client_name,
    title: r.title,
    status,
    consultant: r.consultant,
    currency: r.currency,
    dayRate: r.day_rate,
    signedAt: r.signed_at,
    archived: r.archived_at !== null,
    currentPhase: r.current_phase as PhaseId | null,
    progressPercent: r.progress,
    rag,
    overdueItems: r.overdue,
    dueSoonItems: r.due_soon,
    nextDue: r.next_due,
    plannedDays: r.planned_days,
    loggedDays: round2(r.logged_days),
    pipelineValue: r.planned_days === null ? null : round2(r.day_rate * r.planned_days)
  }
}

export async function getDashboard(db: Db, q: DashboardQuery, today: string): Promise<Dashboard> {
  const queries = dashboardQueries(db, q, today)
  const [page, totals, consultants] = [await db.executeQuery(queries.page), await db.executeQuery(queries.totals), await db.executeQuery(queries.consultants)]
  // The rows show deriveRag's verdict and reasons; SQL's rank (the same rule) only sorts.
  // tests/integration/dashboard.test.ts checks that the two agree on every seeded engagement.
  const rows = page.rows.map((r) => toDashboardRow(r, today))
  const byStatus = new Map<string, Dashboard['totals']['byStatus'][number]>()
  const rag = { red: 0, amber: 0, green: 0, none: 0 }
  for (const t of totals.rows) {
    const key = `${t.status}/${t.currency}`
    const entry = byStatus.get(key) ?? {
      status: t.status as EngagementStatus,
      currency: t.currency,
      engagements: 0,
      pipelineValue: 0,
      plannedDays: 0,
      loggedDays: 0
    }
    entry.engagements += t.engagements
    entry.pipelineValue += t.pipeline_value
    entry.plannedDays += t.planned_days
    entry.loggedDays += t.logged_days
    byStatus.set(key, entry)
    rag[RAG_LEVELS[t.rag_rank]!] += t.engagements
  }
  const statusOrder = (s: string) => STATUS_ORDER_TS.indexOf(s as EngagementStatus)
  return {
    today,
    dueSoonUntil: addDays(today, DUE_SOON_DAYS),
    total: totals.rows.reduce((s, t) => s + t.engagements, 0),
    offset: q.offset ?? 0,
    limit: Math.min(q.limit ?? DASHBOARD_PAGE_MAX, DASHBOARD_PAGE_MAX),
    rows,
    totals: {
      byStatus: [...byStatus.values()]
        .sort((a, b) => statusOrder(a.status) - statusOrder(b.status) || a.currency.localeCompare(b.currency))
        .map((e) => ({ ...e, pipelineValue: round2(e.pipelineValue), plannedDays: round2(e.plannedDays), loggedDays: round2(e.loggedDays) })),
      rag
    },
    consultants: consultants.rows.map((c) => c.consultant)
  }
}

// ---------------------------------------------------------------------------------------
// Load by week

interface LoadRow {
  engagement_id: string
  planned_start: string
  planned_end: string
  effort_days: number
}

/** The load window: `weeks` ISO weeks (Monday to Sunday) from the week holding `from` (or today). */
export function loadWindow(q: LoadQuery, today: string): { first: string; last: string; weeks: number } {
  const first = mondayOf(q.from ?? today)
  const weeks = q.weeks ?? DEFAULT_LOAD_WEEKS
  return { first, last: addDays(first, 7 * weeks - 1), weeks }
}

/** Open, in-plan work with an estimate, of active engagements, overlapping the window (through indexes). */
export function loadQuery(db: Db, q: LoadQuery, today: string): CompiledQuery<LoadRow> {
  const { first, last } = loadWindow(q, today)
  return sql<LoadRow>`
    SELECT t.engagement_id, t.planned_start, t.planned_end, t.effort_days
    FROM engagement e
    JOIN tracking_item t ON t.engagement_id = e.id AND t.in_plan = 1 AND t.status <> 'done'
      AND t.planned_end >= ${first} AND t.planned_start <= ${last} AND t.effort_days > 0
    WHERE e.status = 'active' AND e.archived_at IS NULL
      ${q.consultant ? sql`AND e.consultant = ${q.consultant}` : sql``}
  `.compile(db)
}

/**
 * Days planned per ISO week: each open item's estimate is spread evenly over the calendar
 * days from its planned start to its planned end, and each week gets the share of those
 * days that fall in it. A week is overbooked above the capacity (default 5) or above 5.
 */
export async function getLoad(db: Db, q: LoadQuery, today: string): Promise<Load> {
  const capacity = q.capacityDaysPerWeek ?? MAX_DAYS_PER_WEEK
  const limit = Math.min(capacity, MAX_DAYS_PER_WEEK)
  const { first, weeks } = loadWindow(q, today)
  const days = new Array<number>(weeks).fill(0)
  const engagements = Array.from({ length: weeks }, () => new Set<string>())
  // Many items share dates: work each date out once.
  const offsets = new Map<string, number>()
  const offset = (date: string) => {
    let d = offsets.get(date)
    if (d === undefined) offsets.set(date, (d = daysBetween(first, date)))
    return d
  }
  for (const r of (await db.executeQuery(loadQuery(db, q, today))).rows) {
    const start = offset(r.planned_start)
    const end = offset(r.planned_end)
    const perDay = r.effort_days / (end - start + 1)
    for (let w = Math.max(0, Math.floor(start / 7)); w <= Math.min(weeks - 1, Math.floor(end / 7)); w++) {
      const overlap = Math.min(end, 7 * w + 6) - Math.max(start, 7 * w) + 1
      days[w]! += perDay * overlap
      engagements[w]!.add(r.engagement_id)
    }
  }
  return {
    consultant: q.consultant ?? null,
    capacityDaysPerWeek: capacity,
    limitDaysPerWeek: limit,
    weeks: days.map((d, w) => {
      const weekStart = addDays(first, 7 * w)
      const rounded = round2(d)
      return { weekStart, isoWeek: isoWeekOf(weekStart), days: rounded, engagements: engagements[w]!.size, overbooked: rounded > limit }
    })
  }
}

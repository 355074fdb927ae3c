import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { sql, type CompiledQuery } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SEED_CONSULTANTS, SEED_NOW, seedLargeDatabase, type SeedResult } from '../../bench/seed'
import { openDatabase, type DatabaseHandle } from '../../db/connection'
import { dashboardQueries, getDashboard, getLoad, loadQuery, ragRankSql } from '../../db/repositories/dashboard.repository'
import { searchQuery } from '../../db/repositories/search.repository'
import { dirtyPlansQuery, refreshDirtyPlans, trackingView } from '../../db/repositories/tracking.repository'
import { startBackend, type Backend } from '../../electron/backend'
import { addDays, daysBetween, mondayOf } from '../../shared/domain/tracking/dates'
import { RAG_LEVELS, deriveRag } from '../../shared/domain/tracking/rag'
import { progressPercent } from '../../shared/domain/tracking/view'
import type { EngagementStatus } from '../../shared/schemas/engagement.schema'
import { DASHBOARD_SORTS, type DashboardQuery, type DashboardRow, type ItemStatus } from '../../shared/schemas/tracking.schema'
import { callAs, TEST_ORIGIN, valueOf } from '../helpers/backend'
import { tempDir } from '../helpers/temp'

const TODAY = SEED_NOW.slice(0, 10)
const deps = { now: () => new Date(SEED_NOW), newId: () => crypto.randomUUID() }

/** The tables a dashboard or search query must never read in full. */
const BIG_TABLES = ['client', 'engagement', 'tracking_item', 'time_entry', 'search_doc', 'search_index', 'assessment', 'assessment_answer', 'plan']

function explain(h: DatabaseHandle, q: CompiledQuery<unknown>): string[] {
  return (h.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail)
}

/**
 * Lines of a query plan that read a table without an index: "SCAN <table>" with no
 * "USING (COVERING) INDEX", an FTS5 scan without a MATCH constraint, or an automatic index
 * (SQLite building one on the fly because none fits). CTEs and subqueries (page, hit) are ours.
 */
function unindexed(plan: string[]): string[] {
  return plan.filter((line) => {
    if (/AUTOMATIC/.test(line)) return true
    const scan = /^SCAN (\S+)/.exec(line)
    if (!scan) return false
    if (/VIRTUAL TABLE INDEX \d+:/.test(line)) return !/VIRTUAL TABLE INDEX \d+:M/.test(line)
    if (/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(line)) return false
    const name = scan[1]!
    return !['page', 'hit', 'CONSTANT'].includes(name) && !name.startsWith('(')
  })
}

function expectIndexed(label: string, plan: string[]) {
  expect(unindexed(plan), `${label}:\n  ${plan.join('\n  ')}`).toEqual([])
  // Every table is reached by some index (a SEARCH, an index scan or an FTS5 MATCH).
  expect(
    plan.some((l) => /^SEARCH|USING (COVERING )?INDEX|VIRTUAL TABLE INDEX \d+:M/.test(l)),
    label
  ).toBe(true)
}

// -----------------------------------------------------------------------------------------
// Brute force: everything the dashboard shows, worked out in TypeScript from the raw rows.

interface RawEngagement {
  id: string
  client_id: string
  client_name: string
  title: string
  status: EngagementStatus
  consultant: string
  currency: string
  day_rate: number
  archived_at: string | null
  planned_days: number | null
  logged_days: number
  progress: number
  next_due: string | null
  blocked_since: string | null
  slip_days: number
  current_phase: string | null
  tracked_items: number
}
interface RawItem {
  engagement_id: string
  item_id: string
  phase: string
  position: number
  effort_days: number
  in_plan: number
  status: ItemStatus
  blocked_since: string | null
  planned_start: string
  planned_end: string
  baseline_end: string | null
}

function bruteForce(h: DatabaseHandle) {
  const engagements = h.sqlite.prepare('SELECT e.*, c.name AS client_name FROM engagement e JOIN client c ON c.id = e.client_id').all() as RawEngagement[]
  const items = h.sqlite.prepare('SELECT * FROM tracking_item').all() as RawItem[]
  const logged = new Map(
    (h.sqlite.prepare('SELECT engagement_id, total(days) AS d FROM time_entry GROUP BY engagement_id').all() as { engagement_id: string; d: number }[]).map(
      (r) => [r.engagement_id, r.d]
    )
  )
  const byEngagement = new Map<string, RawItem[]>()
  for (const i of items) byEngagement.set(i.engagement_id, [...(byEngagement.get(i.engagement_id) ?? []), i])
  const soon = addDays(TODAY, 14)
  return engagements.map((e) => {
    const mine = (byEngagement.get(e.id) ?? []).filter((i) => i.in_plan === 1)
    const open = mine.filter((i) => i.status !== 'done')
    const blocked = mine
      .filter((i) => i.status === 'blocked')
      .map((i) => i.blocked_since!)
      .sort()
    const dues = open.map((i) => i.planned_end).sort()
    const slips = open.filter((i) => i.baseline_end).map((i) => daysBetween(i.baseline_end!, i.planned_end))
    const current = [...open].sort((a, b) => (a.planned_start < b.planned_start ? -1 : a.planned_start > b.planned_start ? 1 : a.position - b.position))[0]
    const derived = {
      trackedItems: mine.length,
      progress: progressPercent(mine.map((i) => ({ effortDays: i.effort_days, status: i.status }))),
      nextDue: dues[0] ?? null,
      blockedSince: blocked[0] ?? null,
      slipDays: Math.max(0, ...slips),
      currentPhase: current?.phase ?? null,
      loggedDays: Math.round((logged.get(e.id) ?? 0) * 100) / 100,
      // Late and due soon mean something only in delivery: before signing (or after closing) they are 0.
      overdue: e.status === 'active' && mine.length > 0 ? open.filter((i) => i.planned_end < TODAY).length : 0,
      dueSoon: e.status === 'active' && mine.length > 0 ? open.filter((i) => i.planned_end >= TODAY && i.planned_end <= soon).length : 0
    }
    const rag = deriveRag(
      { status: e.status, trackedItems: derived.trackedItems, blockedSince: derived.blockedSince, nextDue: derived.nextDue, slipDays: derived.slipDays },
      TODAY
    )
    return { e, derived, rag }
  })
}

function matches(q: DashboardQuery, e: RawEngagement): boolean {
  return (
    (q.includeArchived || e.archived_at === null) &&
    (!q.status || q.status.includes(e.status)) &&
    (!q.consultant || e.consultant === q.consultant) &&
    (!q.clientId || e.client_id === q.clientId)
  )
}

/** SQLite's NOCASE folds ASCII letters only; the seed's names are ASCII. */
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase())
const NOTHING_DUE = 'none'
const STATUS_RANK: Record<EngagementStatus, number> = { lead: 0, proposal: 1, active: 2, complete: 3, lost: 4 }
const primaryKey = (sort: DashboardQuery['sort'], r: DashboardRow): string | number => {
  switch (sort ?? 'client') {
    case 'client':
      return nocase(r.clientName)
    case 'title':
      return nocase(r.title)
    case 'status':
      return STATUS_RANK[r.status]
    case 'rag':
      return RAG_LEVELS.indexOf(r.rag.level)
    case 'nextDue':
      return r.nextDue ?? NOTHING_DUE
    case 'progress':
      return r.progressPercent
  }
}

describe('the portfolio dashboard on seeded databases', () => {
  let dir: string
  let cleanup: () => void
  let big: DatabaseHandle
  let small: DatabaseHandle
  let bigSeed: SeedResult
  let backend: Backend

  beforeAll(async () => {
    ;({ dir, cleanup } = tempDir())
    bigSeed = await seedLargeDatabase(join(dir, 'big.db'), { clients: 2000, engagements: 10_000, seed: 7 })
    console.log(`seeded 2,000 clients / 10,000 engagements in ${Math.round(bigSeed.ms)} ms`, bigSeed.counts)
    await seedLargeDatabase(join(dir, 'small.db'), { clients: 40, engagements: 300, seed: 3 })
    big = await openDatabase(join(dir, 'big.db'), { now: deps.now })
    small = await openDatabase(join(dir, 'small.db'), { now: deps.now })
    backend = await startBackend({ databasePath: join(dir, 'big.db'), deps, appVersion: 'test', trustedOrigin: TEST_ORIGIN })
  }, 180_000)
  afterAll(async () => {
    await backend?.close()
    await big?.close()
    await small?.close()
    cleanup()
  })

  it('seeds the same database from the same seed, quickly', async () => {
    expect(bigSeed.counts).toMatchObject({ clients: 2000, engagements: 10_000 })
    expect(bigSeed.counts.trackingItems).toBeGreaterThan(50_000)
    expect(bigSeed.counts.timeEntries).toBeGreaterThan(20_000)
    expect(bigSeed.counts.searchDocs).toBeGreaterThan(30_000)
    await seedLargeDatabase(join(dir, 'again.db'), { clients: 40, engagements: 300, seed: 3 })
    const again = await openDatabase(join(dir, 'again.db'), { now: deps.now })
    try {
      const digest = (h: DatabaseHandle) => {
        const hash = createHash('sha256')
        for (const table of [
          'client',
          'engagement',
          'plan',
          'plan_baseline',
          'tracking_item',
          'time_entry',
          'phase_gate',
          'assessment_answer',
          'engagement_status_change',
          'search_doc'
        ]) {
          hash.update(JSON.stringify(h.sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()))
        }
        return hash.digest('hex')
      }
      expect(digest(again)).toBe(digest(small))
    } finally {
      await again.close()
    }
  })

  it('keeps the figures the triggers maintain equal to a computation from the rows', () => {
    for (const { e, derived } of bruteForce(small)) {
      expect(
        {
          trackedItems: e.tracked_items,
          progress: e.progress,
          nextDue: e.next_due,
          blockedSince: e.blocked_since,
          slipDays: e.slip_days,
          currentPhase: e.current_phase,
          loggedDays: e.logged_days
        },
        e.id
      ).toEqual({
        trackedItems: derived.trackedItems,
        progress: derived.progress,
        nextDue: derived.nextDue,
        blockedSince: derived.blockedSince,
        slipDays: derived.slipDays,
        currentPhase: derived.currentPhase,
        loggedDays: derived.loggedDays
      })
    }
  })

  it('seeds what the app itself would derive: refreshing every plan and re-running every trigger changes nothing', async () => {
    const snapshot = () => ({
      engagements: small.sqlite
        .prepare('SELECT id, planned_days, logged_days, progress, next_due, blocked_since, slip_days, current_phase, tracked_items FROM engagement ORDER BY id')
        .all(),
      items: small.sqlite.prepare('SELECT * FROM tracking_item ORDER BY engagement_id, item_id').all(),
      search: small.sqlite
        .prepare(
          `SELECT d.kind, d.ref, d.sub, d.client_id, d.engagement_id, d.assessment_id, d.question_id, d.item_id, s.kind AS k, s.title, s.body
                  FROM search_doc d JOIN search_index s ON s.rowid = d.id ORDER BY d.kind, d.ref, d.sub`
        )
        .all()
    })
    const before = snapshot()
    await small.db.updateTable('engagement').set({ plan_dirty: 1 }).execute()
    expect(await refreshDirtyPlans(small.db, deps)).toBeGreaterThan(100)
    small.sqlite.exec(`
      UPDATE tracking_item SET position = position;
      UPDATE tracking_item SET notes = notes || '~' WHERE notes IS NOT NULL;
      UPDATE tracking_item SET notes = substr(notes, 1, length(notes) - 1) WHERE notes IS NOT NULL;
      UPDATE client SET name = name;
      UPDATE engagement SET title = title;
      UPDATE assessment_answer SET note = note || '~', private_note = private_note || '~';
      UPDATE assessment_answer SET note = substr(note, 1, length(note) - 1), private_note = substr(private_note, 1, length(private_note) - 1);
    `)
    expect(snapshot()).toEqual(before)
    // The search index matches its content word for word, on both seeds.
    for (const h of [small, big]) h.sqlite.exec(`INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)`)
  })

  it('shows the same rows and totals as a brute-force computation, for every filter and sort, page by page', async () => {
    const truth = bruteForce(small)
    const clientId = truth[0]!.e.client_id
    const consultant = truth.find((t) => t.e.status === 'active')!.e.consultant
    const queries: DashboardQuery[] = [
      {},
      { includeArchived: true },
      { status: ['active'] },
      { status: ['lead', 'proposal'] },
      { consultant },
      { clientId },
      { status: ['active', 'complete'], consultant }
    ]
    for (const base of queries) {
      const expected = truth.filter((t) => matches(base, t.e))
      for (const sort of DASHBOARD_SORTS) {
        for (const direction of ['asc', 'desc'] as const) {
          const q = { ...base, sort, direction, limit: 37 }
          const rows: DashboardRow[] = []
          let total = -1
          for (let offset = 0; offset === 0 || offset < total; offset += 37) {
            const page = await getDashboard(small.db, { ...q, offset }, TODAY)
            total = page.total
            expect(page.rows.length).toBeLessThanOrEqual(37)
            rows.push(...page.rows)
          }
          const label = JSON.stringify(q)
          expect(total, label).toBe(expected.length)
          expect(new Set(rows.map((r) => r.id)).size, label).toBe(expected.length)
          for (let i = 1; i < rows.length; i++) {
            const [a, b] = [primaryKey(sort, rows[i - 1]!), primaryKey(sort, rows[i]!)]
            // Engagements with nothing due come last in either direction.
            if (sort === 'nextDue' && (a === NOTHING_DUE || b === NOTHING_DUE)) {
              expect(a !== NOTHING_DUE || b === NOTHING_DUE, `${label} at ${i}: nothing due before a date`).toBe(true)
              continue
            }
            expect(direction === 'asc' ? a <= b : a >= b, `${label} at ${i}: ${a} then ${b}`).toBe(true)
          }
          if (sort !== 'client' || direction !== 'asc') continue
          const byId = new Map(expected.map((t) => [t.e.id, t]))
          for (const row of rows) {
            const t = byId.get(row.id)!
            expect(row, row.id).toMatchObject({
              clientName: t.e.client_name,
              status: t.e.status,
              progressPercent: t.derived.progress,
              nextDue: t.derived.nextDue,
              currentPhase: t.derived.currentPhase,
              overdueItems: t.derived.overdue,
              dueSoonItems: t.derived.dueSoon,
              loggedDays: t.derived.loggedDays,
              plannedDays: t.e.planned_days,
              pipelineValue: t.e.planned_days === null ? null : Math.round(t.e.planned_days * t.e.day_rate * 100) / 100
            })
            expect(row.rag.level, row.id).toBe(t.rag.level)
          }
        }
      }
      // Totals: per status and currency, and RAG counts, from SQL against the brute force.
      const dash = await getDashboard(small.db, base, TODAY)
      const want = new Map<string, { engagements: number; pipelineValue: number; plannedDays: number; loggedDays: number }>()
      for (const t of expected) {
        const key = `${t.e.status}/${t.e.currency}`
        const w = want.get(key) ?? { engagements: 0, pipelineValue: 0, plannedDays: 0, loggedDays: 0 }
        w.engagements += 1
        w.pipelineValue += (t.e.planned_days ?? 0) * t.e.day_rate
        w.plannedDays += t.e.planned_days ?? 0
        w.loggedDays += t.derived.loggedDays
        want.set(key, w)
      }
      expect(dash.totals.byStatus.length).toBe(want.size)
      for (const s of dash.totals.byStatus) {
        const w = want.get(`${s.status}/${s.currency}`)!
        expect(s.engagements).toBe(w.engagements)
        expect(s.pipelineValue).toBeCloseTo(w.pipelineValue, 2)
        expect(s.plannedDays).toBeCloseTo(w.plannedDays, 2)
        expect(s.loggedDays).toBeCloseTo(w.loggedDays, 2)
      }
      for (const level of ['red', 'amber', 'green', 'none'] as const) {
        expect(dash.totals.rag[level], `${JSON.stringify(base)} ${level}`).toBe(expected.filter((t) => t.rag.level === level).length)
      }
    }
  })

  it('sorts by the same RAG rule in SQL as deriveRag applies, for every seeded engagement, and as the tracking view shows', async () => {
    const rows = (
      await sql<{
        id: string
        rank: number
        status: EngagementStatus
        tracked_items: number
        blocked_since: string | null
        next_due: string | null
        slip_days: number
      }>`
      SELECT e.id, ${ragRankSql(TODAY)} AS rank, e.status, e.tracked_items, e.blocked_since, e.next_due, e.slip_days FROM engagement e
    `.execute(big.db)
    ).rows
    const levels = new Map<string, number>()
    for (const r of rows) {
      const rag = deriveRag(
        { status: r.status, trackedItems: r.tracked_items, blockedSince: r.blocked_since, nextDue: r.next_due, slipDays: r.slip_days },
        TODAY
      )
      expect(RAG_LEVELS[r.rank], r.id).toBe(rag.level)
      levels.set(rag.level, (levels.get(rag.level) ?? 0) + 1)
    }
    // The seed has every level, in numbers.
    for (const level of RAG_LEVELS) expect(levels.get(level) ?? 0, level).toBeGreaterThan(100)
    // The tracking view (worked out from the items) agrees with the dashboard row.
    const sample = (await getDashboard(small.db, { status: ['active'], limit: 200 }, TODAY)).rows
    for (const row of sample) {
      const view = (await small.db.transaction().execute((trx) => trackingView(trx, deps, row.id)))!
      expect(view.rag.level, row.id).toBe(deriveRag({ ...ragInputs(view), status: 'active' }, TODAY).level)
      expect(view.rag.level, row.id).toBe(row.rag.level)
      expect(view.totals.overdueItems, row.id).toBe(row.overdueItems)
      expect(view.totals.dueSoonItems, row.id).toBe(row.dueSoonItems)
      expect(view.totals.progressPercent, row.id).toBe(row.progressPercent)
    }
  })

  it('counts nothing as late or due before the work is signed or after the engagement closes, in the portfolio and the tracking view', async () => {
    const late = (await getDashboard(small.db, { status: ['active'], sort: 'rag', direction: 'desc', limit: 200 }, TODAY)).rows.find(
      (r) => r.overdueItems > 0 && r.dueSoonItems > 0
    )!
    expect(late).toBeDefined()
    const cases = [
      { status: 'proposal', unsigned: false },
      { status: 'complete', unsigned: false },
      // Active but not signed: nothing is tracked yet, the items come from the plan.
      { status: 'active', unsigned: true }
    ] as const
    for (const c of cases) {
      // Rolled back afterwards: the other tests read the seed as it was.
      small.sqlite.exec('BEGIN')
      try {
        small.sqlite.prepare('UPDATE engagement SET status = ? WHERE id = ?').run(c.status, late.id)
        if (c.unsigned) small.sqlite.prepare('DELETE FROM tracking_item WHERE engagement_id = ?').run(late.id)
        const row = (await getDashboard(small.db, { clientId: late.clientId, includeArchived: true, limit: 200 }, TODAY)).rows.find((r) => r.id === late.id)!
        expect(row, JSON.stringify(c)).toMatchObject({ status: c.status, overdueItems: 0, dueSoonItems: 0 })
        const view = (await trackingView(small.db, deps, late.id))!
        expect(view.totals, JSON.stringify(c)).toMatchObject({ overdueItems: 0, dueSoonItems: 0 })
        const items = view.phases.flatMap((p) => p.items)
        expect(items.every((i) => i.overdueDays === 0)).toBe(true)
        // The dates are still there (in the past): only the counting waits for delivery.
        expect(items.some((i) => i.plannedEnd !== null && i.plannedEnd < TODAY)).toBe(true)
      } finally {
        small.sqlite.exec('ROLLBACK')
      }
    }
  })

  it('pages at most 200 rows through the dispatcher and filters by status, consultant and client', async () => {
    const tooMany = await callAs(backend, 'dashboard:get', { limit: 201 })
    expect(tooMany.ok).toBe(false)
    const first = await valueOf<{ total: number; rows: DashboardRow[]; consultants: string[] }>(callAs(backend, 'dashboard:get', {}))
    expect(first.rows).toHaveLength(200)
    expect(first.total).toBe(big.sqlite.prepare('SELECT count(*) AS n FROM engagement WHERE archived_at IS NULL').pluck().get())
    expect(first.consultants).toEqual([...SEED_CONSULTANTS].sort())
    const last = await valueOf<{ rows: DashboardRow[] }>(callAs(backend, 'dashboard:get', { offset: first.total - 7 }))
    expect(last.rows).toHaveLength(7)

    const active = await valueOf<{ total: number; rows: DashboardRow[] }>(
      callAs(backend, 'dashboard:get', { status: ['active'], sort: 'rag', direction: 'desc' })
    )
    expect(active.rows.every((r) => r.status === 'active')).toBe(true)
    expect(active.rows[0]!.rag.level).toBe('red')
    expect(active.total).toBe(big.sqlite.prepare(`SELECT count(*) FROM engagement WHERE archived_at IS NULL AND status = 'active'`).pluck().get())
    const you = await valueOf<{ rows: DashboardRow[] }>(callAs(backend, 'dashboard:get', { consultant: SEED_CONSULTANTS[1] }))
    expect(you.rows.length).toBeGreaterThan(0)
    expect(you.rows.every((r) => r.consultant === SEED_CONSULTANTS[1])).toBe(true)
    const clientId = first.rows[0]!.clientId
    const one = await valueOf<{ total: number; rows: DashboardRow[] }>(callAs(backend, 'dashboard:get', { clientId }))
    expect(one.rows.every((r) => r.clientId === clientId)).toBe(true)
    expect(one.total).toBe(big.sqlite.prepare('SELECT count(*) FROM engagement WHERE archived_at IS NULL AND client_id = ?').pluck().get(clientId))
  })

  it('spreads planned days over ISO weeks and flags overbooking', async () => {
    const consultant = SEED_CONSULTANTS[2]!
    const load = await getLoad(small.db, { consultant, weeks: 8, capacityDaysPerWeek: 3 }, TODAY)
    expect(load.limitDaysPerWeek).toBe(3)
    expect(load.weeks.map((w) => w.weekStart)).toEqual(Array.from({ length: 8 }, (_, i) => addDays(mondayOf(TODAY), 7 * i)))
    expect(load.weeks[0]!.isoWeek).toBe('2026-W10')
    const items = small.sqlite
      .prepare(
        `SELECT t.* FROM tracking_item t JOIN engagement e ON e.id = t.engagement_id
         WHERE e.consultant = ? AND e.status = 'active' AND e.archived_at IS NULL AND t.in_plan = 1 AND t.status <> 'done'`
      )
      .all(consultant) as RawItem[]
    for (const week of load.weeks) {
      const end = addDays(week.weekStart, 6)
      let days = 0
      const engagements = new Set<string>()
      for (const i of items) {
        const overlap = Math.min(daysBetween(week.weekStart, i.planned_end), 6) - Math.max(daysBetween(week.weekStart, i.planned_start), 0) + 1
        if (i.effort_days <= 0 || i.planned_end < week.weekStart || i.planned_start > end || overlap <= 0) continue
        days += (i.effort_days * overlap) / (daysBetween(i.planned_start, i.planned_end) + 1)
        engagements.add(i.engagement_id)
      }
      expect(week.days, week.weekStart).toBeCloseTo(days, 2)
      expect(week.engagements).toBe(engagements.size)
      expect(week.overbooked).toBe(week.days > 3)
    }
    const everyone = await getLoad(big.db, {}, TODAY)
    expect(everyone.limitDaysPerWeek).toBe(5)
    expect(everyone.weeks.some((w) => w.overbooked)).toBe(true)
  })

  it('reads every big table through an index, in every dashboard and search query (EXPLAIN QUERY PLAN)', () => {
    const clientId = big.sqlite.prepare('SELECT client_id FROM engagement LIMIT 1').pluck().get() as string
    const filters: DashboardQuery[] = [
      {},
      { includeArchived: true },
      { status: ['active'] },
      { status: ['active', 'proposal'] },
      { consultant: SEED_CONSULTANTS[0] },
      { clientId },
      { status: ['active'], consultant: SEED_CONSULTANTS[1], clientId }
    ]
    const seen = new Set<string>()
    for (const f of filters) {
      for (const sort of DASHBOARD_SORTS) {
        for (const direction of ['asc', 'desc'] as const) {
          const q = dashboardQueries(big.db, { ...f, sort, direction, offset: 400 }, TODAY)
          for (const [name, query] of Object.entries(q)) {
            const plan = explain(big, query)
            expectIndexed(`${name} ${JSON.stringify({ ...f, sort, direction })}`, plan)
            for (const line of plan) seen.add(line)
          }
        }
      }
    }
    for (const q of [{}, { consultant: SEED_CONSULTANTS[0] }, { from: '2026-06-01', weeks: 52 }]) {
      expectIndexed(`load ${JSON.stringify(q)}`, explain(big, loadQuery(big.db, q, TODAY)))
    }
    expectIndexed('dirty plans', explain(big, dirtyPlansQuery(big.db)))
    for (const text of ['harbour', 'snowfl', 'm', 'kubernetes gdpr', 'NEAR( "x', 'a'.repeat(1000)]) {
      const plan = explain(big, searchQuery(big.db, text).query!)
      expectIndexed(`search ${text.slice(0, 20)}`, plan)
      // Each kind is its own FTS5 MATCH lookup.
      expect(plan.filter((l) => /SCAN search_index VIRTUAL TABLE INDEX \d+:M/.test(l))).toHaveLength(5)
    }
    // What the assertions saw, for the record: nothing reads a big table in full.
    for (const table of BIG_TABLES) {
      for (const line of seen) expect(line).not.toMatch(new RegExp(`^SCAN ${table}$`))
    }
  })
})

function ragInputs(view: {
  phases: { items: { inPlan: boolean; status: ItemStatus; blockedSince: string | null; plannedEnd: string | null; slipDays: number | null }[] }[]
}) {
  const items = view.phases.flatMap((p) => p.items).filter((i) => i.inPlan)
  const open = items.filter((i) => i.status !== 'done')
  return {
    trackedItems: items.length,
    blockedSince:
      items
        .filter((i) => i.status === 'blocked')
        .map((i) => i.blockedSince!)
        .sort()[0] ?? null,
    nextDue: open.map((i) => i.plannedEnd!).sort()[0] ?? null,
    slipDays: Math.max(0, ...open.map((i) => i.slipDays ?? 0))
  }
}

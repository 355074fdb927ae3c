/**
 * Tracking an engagement through delivery: its status and history, signing (the baseline),
 * tracked items, time and phase gates, and the plan-derived figures the dashboard reads.
 *
 * Reads and writes only: the decisions (who may sign, what a status change implies) are in
 * shared/domain/tracking/decisions.ts and app/tracking.service.ts. Every function takes the
 * database or a transaction first, and callers that write more than once wrap it in one.
 */
import { sql } from 'kysely'
import { PHASE_IDS, type PhaseId } from '../../shared/domain/catalogue'
import type { Plan } from '../../shared/domain/planning/plan.model'
import { planFromStored } from '../../shared/domain/planning/stored-plan'
import { dateOf } from '../../shared/domain/tracking/dates'
import { DEFAULT_GATES } from '../../shared/domain/tracking/gates'
import type { ItemState } from '../../shared/domain/tracking/decisions'
import { baselineFrom, trackableItems } from '../../shared/domain/tracking/plan-items'
import { buildTrackingView, type TrackingRow } from '../../shared/domain/tracking/view'
import type { EngagementStatus } from '../../shared/schemas/engagement.schema'
import {
  BaselinePlanSchema,
  type Gate,
  type ItemStatus,
  type LogTimeInput,
  type SetGateInput,
  type StatusChange,
  type TimeEntry,
  type TrackingView
} from '../../shared/schemas/tracking.schema'
import { timestamp, type Deps } from '../deps'
import type { Db } from './client.repository'
import { findPlanByEngagement } from './plan.repository'

export const todayOf = (deps: Deps): string => dateOf(deps.now())

/** The engagement's fields tracking works from, or undefined when it does not exist. */
export async function trackingEngagement(db: Db, id: string) {
  return db
    .selectFrom('engagement')
    .select(['id', 'status', 'start_date', 'day_rate', 'currency', 'signed_at', 'planned_days', 'logged_days', 'plan_dirty', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst()
}

// ---------------------------------------------------------------------------------------
// Status and history

export async function statusHistory(db: Db, engagementId: string): Promise<StatusChange[]> {
  const rows = await db
    .selectFrom('engagement_status_change')
    .select(['id', 'from_status', 'to_status', 'at', 'note'])
    .where('engagement_id', '=', engagementId)
    .orderBy('at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    from: r.from_status as EngagementStatus | null,
    to: r.to_status as EngagementStatus,
    at: r.at,
    note: r.note
  }))
}

/** Adds the note to the history row the status trigger has just written. */
async function noteLatestChange(db: Db, engagementId: string, note: string | null): Promise<void> {
  if (note === null) return
  await sql`
    UPDATE engagement_status_change SET note = ${note}
    WHERE id = (SELECT max(id) FROM engagement_status_change WHERE engagement_id = ${engagementId})
  `.execute(db)
}

/** The status a lost engagement was lost from (null if its history does not say). */
export async function statusBeforeLost(db: Db, engagementId: string): Promise<EngagementStatus | null> {
  const row = await db
    .selectFrom('engagement_status_change')
    .select('from_status')
    .where('engagement_id', '=', engagementId)
    .where('to_status', '=', 'lost')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return (row?.from_status as EngagementStatus | null | undefined) ?? null
}

/** Writes a status the caller has checked (the trigger records the change) and its note. */
export async function writeEngagementStatus(db: Db, deps: Deps, id: string, to: EngagementStatus, note: string | null): Promise<void> {
  await db
    .updateTable('engagement')
    .set({ status: to, updated_at: timestamp(deps) })
    .where('id', '=', id)
    .execute()
  await noteLatestChange(db, id, note)
}

// ---------------------------------------------------------------------------------------
// Plan-derived figures

/** The engagement's plan as it generates today, or null (none, or one that no longer generates). */
export async function currentPlan(db: Db, e: { id: string; start_date: string | null; day_rate: number; currency: string }): Promise<Plan | null> {
  const stored = await findPlanByEngagement(db, e.id)
  if (!stored) return null
  try {
    return planFromStored(stored, { startDate: e.start_date, dayRate: e.day_rate, currency: e.currency })
  } catch {
    // A plan that no longer generates (the editor refuses such edits) has no figures.
    return null
  }
}

async function readBaseline(db: Db, engagementId: string) {
  const row = await db.selectFrom('plan_baseline').selectAll().where('engagement_id', '=', engagementId).executeTakeFirst()
  return row && { plan: BaselinePlanSchema.parse(JSON.parse(row.plan)), signedAt: row.signed_at, exportSnapshotId: row.export_snapshot_id }
}

type ItemRow = Awaited<ReturnType<typeof itemRows>>[number]
async function itemRows(db: Db, engagementId: string) {
  return db.selectFrom('tracking_item').selectAll().where('engagement_id', '=', engagementId).orderBy('position').execute()
}

/**
 * Brings an engagement's plan-derived figures up to date with its plan: planned_days, and
 * for a tracked engagement its items (added, re-dated, re-titled; an item that left the plan
 * is deleted if nothing was recorded against it and kept out of the plan otherwise) and its
 * default gates. `startTracking` makes an untracked engagement tracked.
 */
export async function syncEngagement(db: Db, deps: Deps, engagementId: string, options: { startTracking?: boolean } = {}): Promise<void> {
  const e = await trackingEngagement(db, engagementId)
  if (!e) return
  const plan = await currentPlan(db, e)
  const plannedDays = plan ? plan.totals.effortDays : null
  if (e.planned_days !== plannedDays || e.plan_dirty !== 0) {
    await db.updateTable('engagement').set({ planned_days: plannedDays, plan_dirty: 0 }).where('id', '=', engagementId).execute()
  }
  const existing = await itemRows(db, engagementId)
  const baseline = await readBaseline(db, engagementId)
  if (existing.length === 0 && !baseline && !options.startTracking) return

  const now = timestamp(deps)
  const wanted = plan ? trackableItems(plan) : []
  const baselineById = new Map((baseline?.plan.items ?? []).map((i) => [i.id, i]))
  const byId = new Map(existing.map((r) => [r.item_id, r]))
  for (const item of wanted) {
    const b = baselineById.get(item.itemId)
    const values = {
      kind: item.kind,
      title: item.title,
      phase: item.phase,
      position: item.position,
      effort_days: item.effortDays,
      in_plan: 1,
      planned_start: item.plannedStart,
      planned_end: item.plannedEnd,
      baseline_start: b?.startDate ?? null,
      baseline_end: b?.endDate ?? null
    }
    const row = byId.get(item.itemId)
    if (!row) {
      await db
        .insertInto('tracking_item')
        .values({ engagement_id: engagementId, item_id: item.itemId, ...values, owner: item.owner, updated_at: now })
        .execute()
      continue
    }
    const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => row[k] !== values[k])
    if (changed.length > 0) {
      await db
        .updateTable('tracking_item')
        .set(Object.fromEntries(changed.map((k) => [k, values[k]])))
        .where('engagement_id', '=', engagementId)
        .where('item_id', '=', item.itemId)
        .execute()
    }
  }
  const inPlan = new Set(wanted.map((i) => i.itemId))
  const gone = existing.filter((r) => !inPlan.has(r.item_id) && r.in_plan === 1)
  if (gone.length > 0) {
    const logged = new Set(
      (
        await db
          .selectFrom('time_entry')
          .select('item_id')
          .distinct()
          .where('engagement_id', '=', engagementId)
          .where(
            'item_id',
            'in',
            gone.map((r) => r.item_id)
          )
          .execute()
      ).map((r) => r.item_id)
    )
    for (const r of gone) {
      const untouched = r.status === 'planned' && r.notes === null && r.actual_start === null && !logged.has(r.item_id)
      if (untouched) {
        await db.deleteFrom('tracking_item').where('engagement_id', '=', engagementId).where('item_id', '=', r.item_id).execute()
      } else {
        await db.updateTable('tracking_item').set({ in_plan: 0 }).where('engagement_id', '=', engagementId).where('item_id', '=', r.item_id).execute()
      }
    }
  }
  await ensureGates(db, deps, engagementId, new Set(wanted.map((i) => i.phase)))
}

async function ensureGates(db: Db, deps: Deps, engagementId: string, phases: ReadonlySet<PhaseId>): Promise<void> {
  const any = await db.selectFrom('phase_gate').select('id').where('engagement_id', '=', engagementId).limit(1).executeTakeFirst()
  if (any || phases.size === 0) return
  const now = timestamp(deps)
  const rows = PHASE_IDS.filter((p) => phases.has(p)).flatMap((phase) =>
    DEFAULT_GATES[phase].map((criterion, position) => ({
      id: deps.newId(),
      engagement_id: engagementId,
      phase_id: phase,
      criterion,
      done_at: null,
      position,
      created_at: now
    }))
  )
  await db.insertInto('phase_gate').values(rows).execute()
}

/**
 * Refreshes every engagement whose plan or start date changed since its figures were last
 * worked out (normally none or one; after an import, possibly many). Returns how many.
 */
export async function refreshDirtyPlans(db: Db, deps: Deps, engagementId?: string): Promise<number> {
  let q = db.selectFrom('engagement').select('id').where('plan_dirty', '=', 1)
  if (engagementId) q = q.where('id', '=', engagementId)
  const dirty = await q.execute()
  for (const { id } of dirty) await syncEngagement(db, deps, id)
  return dirty.length
}

/** Whether any engagement's plan-derived figures need refreshing (a read through a tiny partial index). */
export async function anyDirtyPlans(db: Db): Promise<boolean> {
  return (await db.selectFrom('engagement').select('id').where('plan_dirty', '=', 1).limit(1).executeTakeFirst()) !== undefined
}

/** The SQL refreshDirtyPlans looks for dirty engagements with (for query-plan tests). */
export const dirtyPlansQuery = (db: Db) => db.selectFrom('engagement').select('id').where('plan_dirty', '=', 1).compile()

// ---------------------------------------------------------------------------------------
// Signing

/** When the engagement's baseline was signed, or null when it has none. */
export async function baselineSignedAt(db: Db, engagementId: string): Promise<string | null> {
  const row = await db.selectFrom('plan_baseline').select('signed_at').where('engagement_id', '=', engagementId).executeTakeFirst()
  return row?.signed_at ?? null
}

/**
 * Freezes the plan as the engagement's baseline (linked to the export that was signed, when
 * given), makes the engagement active and starts tracking its items.
 */
export async function writeSigned(db: Db, deps: Deps, engagementId: string, plan: Plan, exportSnapshotId: string | null, wasActive: boolean): Promise<void> {
  const baseline = baselineFrom(plan)
  const now = timestamp(deps)
  const row = {
    plan: JSON.stringify(baseline),
    effort_days: baseline.totals.effortDays,
    cost: baseline.totals.cost,
    currency: baseline.totals.currency,
    signed_at: now,
    export_snapshot_id: exportSnapshotId,
    created_at: now
  }
  await db
    .insertInto('plan_baseline')
    .values({ engagement_id: engagementId, ...row })
    .onConflict((oc) => oc.column('engagement_id').doUpdateSet(row))
    .execute()
  await db.updateTable('engagement').set({ status: 'active', signed_at: now, updated_at: now }).where('id', '=', engagementId).execute()
  if (!wasActive) await noteLatestChange(db, engagementId, 'Marked as signed')
  await syncEngagement(db, deps, engagementId, { startTracking: true })
}

// ---------------------------------------------------------------------------------------
// Items

/**
 * The item's tracking row, tracking the engagement against its current plan first when the
 * item is not tracked yet (or is new in the plan). Undefined when the plan has no such item.
 */
export async function findTrackedItem(db: Db, deps: Deps, engagementId: string, itemId: string): Promise<ItemRow | undefined> {
  await refreshDirtyPlans(db, deps, engagementId)
  const find = () => db.selectFrom('tracking_item').selectAll().where('engagement_id', '=', engagementId).where('item_id', '=', itemId).executeTakeFirst()
  const row = await find()
  if (row) return row
  await syncEngagement(db, deps, engagementId, { startTracking: true })
  return find()
}

/** The state decisions work from, read from a tracking row. */
export const itemStateOf = (row: ItemRow): ItemState => ({
  status: row.status as ItemStatus,
  blockedReason: row.blocked_reason,
  blockedSince: row.blocked_since,
  actualStart: row.actual_start,
  actualEnd: row.actual_end
})

/** Writes an item's decided state, and its owner and notes when given. */
export async function writeTrackedItem(
  db: Db,
  deps: Deps,
  engagementId: string,
  itemId: string,
  state: ItemState,
  extra: { owner?: string | null; notes?: string | null }
): Promise<void> {
  await db
    .updateTable('tracking_item')
    .set({
      status: state.status,
      blocked_reason: state.blockedReason,
      blocked_since: state.blockedSince,
      actual_start: state.actualStart,
      actual_end: state.actualEnd,
      ...(extra.owner !== undefined && { owner: extra.owner }),
      ...(extra.notes !== undefined && { notes: extra.notes }),
      updated_at: timestamp(deps)
    })
    .where('engagement_id', '=', engagementId)
    .where('item_id', '=', itemId)
    .execute()
}

// ---------------------------------------------------------------------------------------
// Time

export async function insertTimeEntry(db: Db, deps: Deps, input: LogTimeInput): Promise<string> {
  const id = deps.newId()
  await db
    .insertInto('time_entry')
    .values({
      id,
      engagement_id: input.engagementId,
      item_id: input.itemId ?? null,
      date: input.date,
      days: input.days,
      note: input.note,
      created_at: timestamp(deps)
    })
    .execute()
  return id
}

export async function deleteTime(db: Db, engagementId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('time_entry').where('id', '=', id).where('engagement_id', '=', engagementId).executeTakeFirst()
  return result.numDeletedRows > 0n
}

export interface TimeRowsQuery {
  engagementId?: string
  /** First month (YYYY-MM), inclusive. */
  from?: string
  /** Last month (YYYY-MM), inclusive. */
  to?: string
}

const monthRange = (q: TimeRowsQuery) => ({
  from: q.from ? `${q.from}-01` : null,
  // The day after the last month: dates are compared as text.
  until: q.to ? `${q.to}-32` : null
})

/** Days logged per engagement and month, for invoicing (ordered by client, engagement, month). */
export async function loggedDaysByMonth(db: Db, q: TimeRowsQuery) {
  const { from, until } = monthRange(q)
  const rows = await sql<{
    client_name: string
    title: string
    consultant: string
    currency: string
    day_rate: number
    month: string
    days: number
    entries: number
  }>`
    SELECT c.name AS client_name, e.title, e.consultant, e.currency, e.day_rate,
      substr(t.date, 1, 7) AS month, round(total(t.days), 2) AS days, count(*) AS entries
    FROM time_entry t
    JOIN engagement e ON e.id = t.engagement_id
    JOIN client c ON c.id = e.client_id
    WHERE 1 = 1
      ${q.engagementId ? sql`AND t.engagement_id = ${q.engagementId}` : sql``}
      ${from ? sql`AND t.date >= ${from}` : sql``}
      ${until ? sql`AND t.date < ${until}` : sql``}
    GROUP BY t.engagement_id, month
    ORDER BY c.name COLLATE NOCASE, e.title COLLATE NOCASE, t.engagement_id, month
  `.execute(db)
  return rows.rows
}

/** Every entry, for the detailed export (ordered by client, engagement, date). */
export async function timeEntriesForExport(db: Db, q: TimeRowsQuery) {
  const { from, until } = monthRange(q)
  const rows = await sql<{
    client_name: string
    title: string
    consultant: string
    date: string
    item_title: string | null
    item_id: string | null
    days: number
    note: string | null
  }>`
    SELECT c.name AS client_name, e.title, e.consultant, t.date, i.title AS item_title, t.item_id, t.days, t.note
    FROM time_entry t
    JOIN engagement e ON e.id = t.engagement_id
    JOIN client c ON c.id = e.client_id
    LEFT JOIN tracking_item i ON i.engagement_id = t.engagement_id AND i.item_id = t.item_id
    WHERE 1 = 1
      ${q.engagementId ? sql`AND t.engagement_id = ${q.engagementId}` : sql``}
      ${from ? sql`AND t.date >= ${from}` : sql``}
      ${until ? sql`AND t.date < ${until}` : sql``}
    ORDER BY c.name COLLATE NOCASE, e.title COLLATE NOCASE, t.engagement_id, t.date, t.created_at
  `.execute(db)
  return rows.rows
}

// ---------------------------------------------------------------------------------------
// Gates

/** Adds, removes, ticks or renames a gate; false when the gate is not the engagement's. */
export async function writeGate(db: Db, deps: Deps, input: SetGateInput): Promise<boolean> {
  if (input.action === 'add') {
    const last = await db
      .selectFrom('phase_gate')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('engagement_id', '=', input.engagementId)
      .where('phase_id', '=', input.phaseId)
      .executeTakeFirst()
    await db
      .insertInto('phase_gate')
      .values({
        id: deps.newId(),
        engagement_id: input.engagementId,
        phase_id: input.phaseId,
        criterion: input.criterion,
        done_at: null,
        position: (last?.p ?? -1) + 1,
        created_at: timestamp(deps)
      })
      .execute()
    return true
  }
  let result: bigint
  if (input.action === 'remove') {
    const r = await db.deleteFrom('phase_gate').where('id', '=', input.id).where('engagement_id', '=', input.engagementId).executeTakeFirst()
    result = r.numDeletedRows
  } else {
    const r = await db
      .updateTable('phase_gate')
      .set(input.action === 'tick' ? { done_at: input.done ? timestamp(deps) : null } : { criterion: input.criterion })
      .where('id', '=', input.id)
      .where('engagement_id', '=', input.engagementId)
      .executeTakeFirst()
    result = r.numUpdatedRows
  }
  return result > 0n
}

// ---------------------------------------------------------------------------------------
// The view

/** A tracking_item row as the app reads it (also how portable files carry it). */
export const trackingRowOf = (r: ItemRow): TrackingRow => ({
  itemId: r.item_id,
  kind: r.kind,
  title: r.title,
  phase: r.phase as PhaseId,
  position: r.position,
  effortDays: r.effort_days,
  inPlan: r.in_plan === 1,
  status: r.status as ItemStatus,
  blockedReason: r.blocked_reason,
  blockedSince: r.blocked_since,
  plannedStart: r.planned_start,
  plannedEnd: r.planned_end,
  baselineStart: r.baseline_start,
  baselineEnd: r.baseline_end,
  actualStart: r.actual_start,
  actualEnd: r.actual_end,
  owner: r.owner,
  notes: r.notes,
  updatedAt: r.updated_at
})

export const TIME_ENTRIES_IN_VIEW = 500

/** The engagement's tracking screen, its plan-derived figures brought up to date first; null when it does not exist. */
export async function trackingView(db: Db, deps: Deps, engagementId: string): Promise<TrackingView | null> {
  await refreshDirtyPlans(db, deps, engagementId)
  const e = await trackingEngagement(db, engagementId)
  if (!e) return null
  const [plan, baseline, rows, logged, gates, entries, count] = [
    await currentPlan(db, e),
    await readBaseline(db, engagementId),
    await itemRows(db, engagementId),
    await db
      .selectFrom('time_entry')
      .select(['item_id', (eb) => eb.fn('total', [eb.ref('days')]).as('days')])
      .where('engagement_id', '=', engagementId)
      .groupBy('item_id')
      .execute(),
    await db.selectFrom('phase_gate').selectAll().where('engagement_id', '=', engagementId).orderBy('phase_id').orderBy('position').execute(),
    await db
      .selectFrom('time_entry')
      .select(['id', 'item_id', 'date', 'days', 'note', 'created_at'])
      .where('engagement_id', '=', engagementId)
      .orderBy('date', 'desc')
      .orderBy('created_at', 'desc')
      .limit(TIME_ENTRIES_IN_VIEW)
      .execute(),
    await db
      .selectFrom('time_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('engagement_id', '=', engagementId)
      .executeTakeFirstOrThrow()
  ]
  return buildTrackingView({
    engagement: {
      id: e.id,
      status: e.status as EngagementStatus,
      signedAt: e.signed_at,
      dayRate: e.day_rate,
      currency: e.currency,
      loggedDays: e.logged_days
    },
    plan,
    baseline: baseline ?? null,
    rows: rows.map(trackingRowOf),
    loggedByItem: new Map(logged.map((l) => [l.item_id ?? '', Number(l.days)])),
    gates: gates.map((g): Gate => ({ id: g.id, phaseId: g.phase_id as PhaseId, criterion: g.criterion, doneAt: g.done_at, position: g.position })),
    timeEntries: entries.map((t): TimeEntry => ({ id: t.id, itemId: t.item_id, date: t.date, days: t.days, note: t.note, createdAt: t.created_at })),
    timeEntryCount: Number(count.n),
    today: todayOf(deps)
  })
}

/**
 * The rows of one engagement and everything under it, read out for a portable file and
 * written back from one. Reads and writes only: app/portable decides what to write.
 */
import type { PortableData } from '../../shared/schemas/portable.schema'
import type { BaselinePlan } from '../../shared/schemas/tracking.schema'
import { findAssessment } from './assessment.repository'
import type { Db } from './client.repository'
import { findPlanByEngagement } from './plan.repository'
import { statusHistory, trackingRowOf } from './tracking.repository'

/** Reads one engagement and everything under it, as the portable document's data; null when it does not exist. */
export async function collectEngagement(db: Db, engagementId: string): Promise<PortableData | null> {
  const engagementRow = await db.selectFrom('engagement').selectAll().where('id', '=', engagementId).executeTakeFirst()
  if (!engagementRow) return null
  const clientRow = await db.selectFrom('client').selectAll().where('id', '=', engagementRow.client_id).executeTakeFirstOrThrow()
  const assessmentIds = await db.selectFrom('assessment').select('id').where('engagement_id', '=', engagementId).orderBy('created_at').orderBy('id').execute()
  const assessments = []
  for (const { id } of assessmentIds) {
    const a = (await findAssessment(db, id))!
    assessments.push({
      id: a.id,
      engagementId: a.engagementId,
      title: a.title,
      status: a.status,
      present: a.present,
      cursor: a.cursor,
      answers: Object.fromEntries(
        Object.entries(a.answers).map(([q, x]) => [q, { value: x.value, note: x.note, privateNote: x.privateNote, updatedAt: x.updatedAt }])
      ),
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      completedAt: a.completedAt
    })
  }
  return {
    client: {
      id: clientRow.id,
      name: clientRow.name,
      industry: clientRow.industry,
      headcount: clientRow.headcount,
      contactName: clientRow.contact_name,
      contactEmail: clientRow.contact_email,
      notes: clientRow.notes,
      archivedAt: clientRow.archived_at,
      createdAt: clientRow.created_at,
      updatedAt: clientRow.updated_at
    },
    engagement: {
      id: engagementRow.id,
      clientId: engagementRow.client_id,
      title: engagementRow.title,
      status: engagementRow.status as PortableData['engagement']['status'],
      consultant: engagementRow.consultant,
      currency: engagementRow.currency as PortableData['engagement']['currency'],
      dayRate: engagementRow.day_rate,
      startDate: engagementRow.start_date,
      notes: engagementRow.notes,
      objective: engagementRow.objective,
      archivedAt: engagementRow.archived_at,
      createdAt: engagementRow.created_at,
      updatedAt: engagementRow.updated_at,
      signedAt: engagementRow.signed_at
    },
    assessments,
    plan: (await findPlanByEngagement(db, engagementId)) ?? null,
    ...(await collectTracking(db, engagementId))
  }
}

/**
 * The engagement's tracking and the documents sent, as stored. Derived figures (progress,
 * logged days, next due…) are left out: the triggers work them out again on import.
 */
async function collectTracking(db: Db, engagementId: string) {
  const baseline = await db.selectFrom('plan_baseline').selectAll().where('engagement_id', '=', engagementId).executeTakeFirst()
  const items = await db.selectFrom('tracking_item').selectAll().where('engagement_id', '=', engagementId).orderBy('position').orderBy('item_id').execute()
  const time = await db
    .selectFrom('time_entry')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('date')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const gates = await db
    .selectFrom('phase_gate')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('phase_id')
    .orderBy('position')
    .orderBy('id')
    .execute()
  const exports = await db.selectFrom('export_snapshot').selectAll().where('engagement_id', '=', engagementId).orderBy('created_at').orderBy('id').execute()
  return {
    // In the order the app shows it (the trigger's rows and the notes added to them).
    statusHistory: (await statusHistory(db, engagementId)).map(({ from, to, at, note }) => ({ engagementId, from, to, at, note })),
    baseline: baseline
      ? {
          engagementId,
          plan: JSON.parse(baseline.plan) as BaselinePlan,
          effortDays: baseline.effort_days,
          cost: baseline.cost,
          currency: baseline.currency as PortableData['engagement']['currency'],
          signedAt: baseline.signed_at,
          exportSnapshotId: baseline.export_snapshot_id,
          createdAt: baseline.created_at
        }
      : null,
    trackingItems: items.map((t) => ({ engagementId, ...trackingRowOf(t) })),
    timeEntries: time.map((t) => ({ id: t.id, engagementId, itemId: t.item_id, date: t.date, days: t.days, note: t.note, createdAt: t.created_at })),
    gates: gates.map((g) => ({
      id: g.id,
      engagementId,
      phaseId: g.phase_id as PortableData['gates'][number]['phaseId'],
      criterion: g.criterion,
      doneAt: g.done_at,
      position: g.position,
      createdAt: g.created_at
    })),
    exports: exports.map((x) => ({
      id: x.id,
      engagementId,
      template: x.template,
      sections: JSON.parse(x.sections) as Record<string, boolean>,
      fileName: x.file_name,
      sha256: x.sha256,
      sizeBytes: x.size_bytes,
      model: x.model,
      bytes: Buffer.from(x.bytes).toString('base64'),
      createdAt: x.created_at
    }))
  } satisfies Omit<PortableData, 'client' | 'engagement' | 'assessments' | 'plan'>
}

/** The tables whose rows carry their own text id (status history rows get fresh integer ids). */
export const ID_TABLES = ['client', 'engagement', 'assessment', 'plan', 'time_entry', 'phase_gate', 'export_snapshot'] as const
export type IdTable = (typeof ID_TABLES)[number]
/** The rows under an engagement that a file could find already here under another engagement. */
const CHILD_TABLES = ['assessment', 'plan', 'time_entry', 'phase_gate', 'export_snapshot'] as const

/** The file's ids, table by table. */
export const idsOf = (d: PortableData): Record<IdTable, string[]> => ({
  client: [d.client.id],
  engagement: [d.engagement.id],
  assessment: d.assessments.map((a) => a.id),
  plan: d.plan ? [d.plan.id] : [],
  time_entry: d.timeEntries.map((t) => t.id),
  phase_gate: d.gates.map((g) => g.id),
  export_snapshot: d.exports.map((x) => x.id)
})

/** Rows per statement: well under SQLite's limit on bound values, even for tracking items' 20 columns. */
const CHUNK = 500
const inChunks = async <T>(rows: readonly T[], run: (chunk: T[]) => Promise<unknown>): Promise<void> => {
  for (let i = 0; i < rows.length; i += CHUNK) await run(rows.slice(i, i + CHUNK))
}

/** Which of these ids the table already holds. */
export async function existingIds(db: Db, table: IdTable, ids: readonly string[]): Promise<string[]> {
  const found: string[] = []
  await inChunks(ids, async (chunk) => found.push(...(await db.selectFrom(table).select('id').where('id', 'in', chunk).execute()).map((r) => r.id)))
  return found
}

/** The file's child ids (assessments, plan, time entries, gates, documents) already in this database. */
export async function childrenHere(db: Db, d: PortableData): Promise<string[]> {
  const ids = idsOf(d)
  const found: string[] = []
  for (const table of CHILD_TABLES) found.push(...(await existingIds(db, table, ids[table])))
  return found
}

/** Whether the engagement or its client (same id) is already in this database. */
export async function alreadyHere(db: Db, data: PortableData): Promise<boolean> {
  return (await existingIds(db, 'client', [data.client.id])).length > 0 || (await existingIds(db, 'engagement', [data.engagement.id])).length > 0
}

/** Deletes an engagement and, by cascade, everything under it; true when there was one. */
export async function deleteEngagementTree(db: Db, engagementId: string): Promise<boolean> {
  const deleted = await db.deleteFrom('engagement').where('id', '=', engagementId).executeTakeFirst()
  return deleted.numDeletedRows > 0n
}

/**
 * Puts the file's client in: inserted when it is not here; when it is, the file's details
 * are taken only if they are newer (other engagements share the record, and edits made
 * here since are kept).
 */
export async function upsertClientIfNewer(db: Db, client: PortableData['client']): Promise<void> {
  const here = await db.selectFrom('client').select('updated_at').where('id', '=', client.id).executeTakeFirst()
  if (!here)
    await db
      .insertInto('client')
      .values({ id: client.id, ...clientColumns(client) })
      .execute()
  else if (client.updatedAt > here.updated_at) await db.updateTable('client').set(clientColumns(client)).where('id', '=', client.id).execute()
}

const clientColumns = (c: PortableData['client']) => ({
  name: c.name,
  industry: c.industry,
  headcount: c.headcount,
  contact_name: c.contactName,
  contact_email: c.contactEmail,
  notes: c.notes,
  archived_at: c.archivedAt,
  created_at: c.createdAt,
  updated_at: c.updatedAt
})

/**
 * Inserts the file's rows. The engagement goes in with its final status, and its history
 * rows are inserted as recorded: the status trigger fires only on an update, so the import
 * adds no history of its own. Derived figures are left to the triggers (tracking items →
 * progress, next due…; time → logged days; the plan → plan_dirty, refreshed on next read).
 */
export async function insertAll(db: Db, d: PortableData): Promise<void> {
  const e = d.engagement
  await db
    .insertInto('engagement')
    .values({
      id: e.id,
      client_id: e.clientId,
      title: e.title,
      status: e.status,
      consultant: e.consultant,
      currency: e.currency,
      day_rate: e.dayRate,
      start_date: e.startDate,
      notes: e.notes,
      objective: e.objective,
      archived_at: e.archivedAt,
      created_at: e.createdAt,
      updated_at: e.updatedAt,
      signed_at: e.signedAt
    })
    .execute()
  await inChunks(d.statusHistory, (chunk) =>
    db
      .insertInto('engagement_status_change')
      .values(chunk.map((c) => ({ engagement_id: c.engagementId, from_status: c.from, to_status: c.to, at: c.at, note: c.note })))
      .execute()
  )
  for (const a of d.assessments) {
    await db
      .insertInto('assessment')
      .values({
        id: a.id,
        engagement_id: a.engagementId,
        title: a.title,
        status: a.status,
        present: JSON.stringify(a.present),
        cursor: a.cursor,
        created_at: a.createdAt,
        updated_at: a.updatedAt,
        completed_at: a.completedAt
      })
      .execute()
    const answers = Object.entries(a.answers).map(([questionId, x]) => ({
      assessment_id: a.id,
      question_id: questionId,
      value: x.value === null ? null : JSON.stringify(x.value),
      note: x.note,
      private_note: x.privateNote,
      updated_at: x.updatedAt
    }))
    if (answers.length > 0) await db.insertInto('assessment_answer').values(answers).execute()
    // The answers' trigger touched the assessment: put back the time the file recorded.
    await db.updateTable('assessment').set({ updated_at: a.updatedAt }).where('id', '=', a.id).execute()
  }
  const p = d.plan
  if (p) {
    await db
      .insertInto('plan')
      .values({
        id: p.id,
        engagement_id: p.engagementId,
        assessment_id: p.assessmentId,
        basis: JSON.stringify(p.basis),
        kept_stale: JSON.stringify(p.keptStale),
        library: JSON.stringify(p.library),
        settings: JSON.stringify(p.settings),
        edits: JSON.stringify(p.edits),
        pricing: JSON.stringify(p.pricing),
        last_diff: p.lastDiff ? JSON.stringify(p.lastDiff) : null,
        created_at: p.createdAt,
        updated_at: p.updatedAt
      })
      .execute()
  }
  await insertTracking(db, d)
}

/** The documents sent (before the baseline that may refer to one), the baseline, items, time and gates. */
async function insertTracking(db: Db, d: PortableData): Promise<void> {
  for (const x of d.exports) {
    await db
      .insertInto('export_snapshot')
      .values({
        id: x.id,
        engagement_id: x.engagementId,
        template: x.template,
        sections: JSON.stringify(x.sections),
        file_name: x.fileName,
        sha256: x.sha256,
        size_bytes: x.sizeBytes,
        model: x.model,
        bytes: Buffer.from(x.bytes, 'base64'),
        created_at: x.createdAt
      })
      .execute()
  }
  const b = d.baseline
  if (b) {
    await db
      .insertInto('plan_baseline')
      .values({
        engagement_id: b.engagementId,
        plan: JSON.stringify(b.plan),
        effort_days: b.effortDays,
        cost: b.cost,
        currency: b.currency,
        signed_at: b.signedAt,
        export_snapshot_id: b.exportSnapshotId,
        created_at: b.createdAt
      })
      .execute()
  }
  await inChunks(d.trackingItems, (chunk) =>
    db
      .insertInto('tracking_item')
      .values(
        chunk.map((t) => ({
          engagement_id: t.engagementId,
          item_id: t.itemId,
          kind: t.kind,
          title: t.title,
          phase: t.phase,
          position: t.position,
          effort_days: t.effortDays,
          in_plan: t.inPlan ? 1 : 0,
          status: t.status,
          blocked_reason: t.blockedReason,
          blocked_since: t.blockedSince,
          planned_start: t.plannedStart,
          planned_end: t.plannedEnd,
          baseline_start: t.baselineStart,
          baseline_end: t.baselineEnd,
          actual_start: t.actualStart,
          actual_end: t.actualEnd,
          owner: t.owner,
          notes: t.notes,
          updated_at: t.updatedAt
        }))
      )
      .execute()
  )
  await inChunks(d.timeEntries, (chunk) =>
    db
      .insertInto('time_entry')
      .values(
        chunk.map((t) => ({ id: t.id, engagement_id: t.engagementId, item_id: t.itemId, date: t.date, days: t.days, note: t.note, created_at: t.createdAt }))
      )
      .execute()
  )
  await inChunks(d.gates, (chunk) =>
    db
      .insertInto('phase_gate')
      .values(
        chunk.map((g) => ({
          id: g.id,
          engagement_id: g.engagementId,
          phase_id: g.phaseId,
          criterion: g.criterion,
          done_at: g.doneAt,
          position: g.position,
          created_at: g.createdAt
        }))
      )
      .execute()
  )
}

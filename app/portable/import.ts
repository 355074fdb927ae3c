/**
 * Importing a validated portable file: what it would change (the summary), and the write
 * itself in one of three ways (new, keep both under fresh ids, replace). Run the write in
 * one transaction after the pre-import backup: any failure leaves the database as it was.
 */
import type Sqlite from 'better-sqlite3'
import { backupsDirFor, createBackup } from '../../db/backup'
import type { Deps } from '../../db/deps'
import type { Db } from '../../db/repositories/client.repository'
import {
  alreadyHere,
  childrenHere,
  deleteEngagementTree,
  existingIds,
  ID_TABLES,
  idsOf,
  insertAll,
  upsertClientIfNewer
} from '../../db/repositories/portable.repository'
import { AppError } from '../../shared/ipc/result'
import type { ImportMode, PortableData, PortableFile, PortableSummary } from '../../shared/schemas/portable.schema'

export async function summarize(db: Db, file: PortableFile): Promise<PortableSummary> {
  const d = file.data
  return {
    clientName: d.client.name,
    engagementTitle: d.engagement.title,
    assessments: d.assessments.length,
    hasPlan: d.plan !== null,
    privateNotes: d.assessments.reduce((n, a) => n + Object.values(a.answers).filter((x) => x.privateNote !== null).length, 0),
    trackedItems: d.trackingItems.length,
    loggedDays: Math.round(d.timeEntries.reduce((n, t) => n + t.days, 0) * 100) / 100,
    documents: d.exports.length,
    signed: d.engagement.signedAt !== null,
    exportedAt: file.exportedAt,
    exists: await alreadyHere(db, d)
  }
}

const SUFFIX = ' (imported)'
const suffixed = (text: string, max: number) => `${text.slice(0, max - SUFFIX.length)}${SUFFIX}`

/** Ids used nowhere yet: not in this database and not in the file (asked for many at a time). */
async function freshIdMaker(db: Db, deps: Deps, d: PortableData): Promise<(count: number) => Promise<string[]>> {
  const taken = new Set(Object.values(idsOf(d)).flat())
  return async (count) => {
    const out: string[] = []
    while (out.length < count) {
      const batch: string[] = []
      while (batch.length < count - out.length) {
        const id = deps.newId()
        if (taken.has(id)) continue
        taken.add(id)
        batch.push(id)
      }
      const used = new Set((await Promise.all(ID_TABLES.map((t) => existingIds(db, t, batch)))).flat())
      out.push(...batch.filter((id) => !used.has(id)))
    }
    return out
  }
}

/**
 * The same data under fresh ids, titles marked " (imported)", so it sits beside the
 * original: every row with its own id gets a new one, and what refers to it follows
 * (the plan's assessment, the baseline's signed document).
 */
async function withNewIds(db: Db, d: PortableData, deps: Deps): Promise<PortableData> {
  const fresh = await freshIdMaker(db, deps, d)
  const renamed = async (rows: readonly { id: string }[]) => {
    const ids = await fresh(rows.length)
    return new Map(rows.map((r, i) => [r.id, ids[i]!]))
  }
  const [clientId, engagementId, planId] = (await fresh(3)) as [string, string, string]
  const assessmentIds = await renamed(d.assessments)
  const exportIds = await renamed(d.exports)
  const moved = async <T extends { id: string; engagementId: string }>(rows: readonly T[], ids?: Map<string, string>): Promise<T[]> => {
    const newIds = ids ?? (await renamed(rows))
    return rows.map((r) => ({ ...r, id: newIds.get(r.id)!, engagementId }))
  }
  const under = <T extends { engagementId: string }>(r: T): T => ({ ...r, engagementId })
  return {
    client: { ...d.client, id: clientId, name: suffixed(d.client.name, 200) },
    engagement: { ...d.engagement, id: engagementId, clientId, title: suffixed(d.engagement.title, 200) },
    assessments: await moved(d.assessments, assessmentIds),
    plan: d.plan && {
      ...d.plan,
      id: planId,
      engagementId,
      assessmentId: d.plan.assessmentId === null ? null : assessmentIds.get(d.plan.assessmentId)!
    },
    statusHistory: d.statusHistory.map(under),
    baseline: d.baseline && {
      ...under(d.baseline),
      exportSnapshotId: d.baseline.exportSnapshotId === null ? null : exportIds.get(d.baseline.exportSnapshotId)!
    },
    trackingItems: d.trackingItems.map(under),
    timeEntries: await moved(d.timeEntries),
    gates: await moved(d.gates),
    exports: await moved(d.exports, exportIds)
  }
}

/**
 * Writes a validated file. Run it inside one transaction (after a backup): any failure
 * leaves the database as it was.
 *
 * - Nothing of it here yet: inserted with the file's ids.
 * - `keep-both`: everything under new ids (documents, time entries and gates included; the
 *   baseline points at its document's new id), the client's name and the engagement's title
 *   suffixed " (imported)", beside the existing data.
 * - `replace`: the existing engagement (same id) and everything under it is deleted, then
 *   the file's rows are inserted with their own ids.
 * Either way, a client already here (same id) takes the file's details only when the file's
 * are newer: other engagements share that record, and edits made here since are kept.
 */
export async function importPortable(
  db: Db,
  deps: Deps,
  file: PortableFile,
  mode: ImportMode
): Promise<{ clientId: string; engagementId: string; created: 'new' | 'copy' | 'replaced' }> {
  let data = file.data
  const clash = (await alreadyHere(db, data)) || (await childrenHere(db, data)).length > 0
  let created: 'new' | 'copy' | 'replaced' = 'new'
  if (clash && mode === 'keep-both') {
    data = await withNewIds(db, data, deps)
    created = 'copy'
  }
  if (clash && mode === 'replace') {
    // Cascades: assessments, plan, status history, baseline, tracked items, time, gates, documents.
    if (await deleteEngagementTree(db, data.engagement.id)) created = 'replaced'
    if ((await childrenHere(db, data)).length > 0) {
      throw new AppError(
        'CONFLICT',
        'Some records in the file belong to another engagement here, so it cannot replace this one. Import it with "keep both" instead.'
      )
    }
  }
  // The client record is shared with the engagements here: the newer version of it is kept.
  await upsertClientIfNewer(db, data.client)
  await insertAll(db, data)
  return { clientId: data.client.id, engagementId: data.engagement.id, created }
}

/**
 * The verified backup taken before every import (intake or portable), in the backups
 * folder beside the database. If it cannot be taken, the import does not happen.
 */
export async function takePreImportBackup(sqlite: Sqlite.Database | undefined, databasePath: string, now: Date): Promise<void> {
  if (!sqlite) throw new AppError('DATA_UNAVAILABLE', 'Stagecraft could not take a backup before importing, so nothing was imported.')
  try {
    await createBackup(sqlite, backupsDirFor(databasePath), 'pre-import', now)
  } catch {
    throw new AppError('INTERNAL', 'Stagecraft could not take a backup before importing, so nothing was imported.')
  }
}

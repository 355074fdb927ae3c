import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto'
import type Sqlite from 'better-sqlite3'
import type { z } from 'zod'
import { backupsDirFor, createBackup } from '../db/backup'
import type { Deps } from '../db/deps'
import type { Db } from '../db/repositories/client.repository'
import { findAssessment } from '../db/repositories/assessment.repository'
import { findPlanByEngagement } from '../db/repositories/plan.repository'
import { statusHistory, trackingRowOf } from '../db/repositories/tracking.repository'
import { describeIssues } from '../shared/ipc/describe-issues'
import { AppError } from '../shared/ipc/result'
import { planFromStored } from '../shared/domain/planning/stored-plan'
import {
  ENCRYPTED_FORMAT,
  ENCRYPTED_VERSION,
  EncryptedEnvelopeSchema,
  envelopeHeader,
  MAX_PLAIN_PORTABLE_BYTES,
  MAX_PORTABLE_BYTES,
  PORTABLE_FORMAT,
  PORTABLE_VERSION,
  PortableFileSchema,
  PortableFileV1Schema,
  fromVersion1,
  withCurrentItemIds,
  type EncryptedEnvelope,
  type ImportMode,
  type Kdf,
  type PortableData,
  type PortableFile,
  type PortableSummary
} from '../shared/schemas/portable.schema'
import type { BaselinePlan } from '../shared/schemas/tracking.schema'
import { parseStrictJson } from './strict-json'

/**
 * Portable engagement files (`.stagecraft`): one engagement, its client, every assessment,
 * the plan, the tracking (status history, signed baseline, tracked items, time, gates) and
 * the documents sent, as one versioned JSON document, optionally encrypted with a passphrase.
 *
 * Private notes travel: the file moves the consultant's own data between their own
 * machines. That is why the export says so and offers a passphrase.
 *
 * Encryption: AES-256-GCM (12-byte random IV, 16-byte tag) under a key from scrypt
 * (N = 2^17, r = 8, p = 1, 16-byte random salt, 32-byte key). The envelope's header
 * (format, version, cipher, KDF parameters, salt, IV) is authenticated as AAD, so no
 * parameter can be changed without the tag failing. Nothing is decrypted into use unless
 * the tag verifies, so a wrong passphrase or a changed byte is refused before any write.
 */

export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 } as const

export const WRONG_PASSPHRASE = 'The passphrase is not right, or the file has been changed.'

/** What the export tells the consultant about the file's contents. */
export const EXPORT_NOTICE = {
  plain:
    'The file holds the whole engagement, including your private notes. It is not encrypted: anyone who gets it can read it. Export it with a passphrase before it leaves your own machines.',
  encrypted:
    'The file holds the whole engagement, including your private notes, encrypted with your passphrase. Without the passphrase it cannot be opened, and Stagecraft cannot recover a forgotten one.'
} as const

const invalid = (message: string) => new AppError('INVALID_INPUT', message)

/** Derives an AES-256 key from a passphrase with scrypt (slow on purpose; text normalised to NFC). */
export function scrypt(passphrase: string, salt: Buffer, kdf: Pick<Kdf, 'N' | 'r' | 'p' | 'keyLength'>): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r }
  // Passphrases are compared as Unicode text: the same words typed on another keyboard or OS give the same key.
  return new Promise((resolve, reject) =>
    scryptCallback(passphrase.normalize('NFC'), salt, kdf.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)))
  )
}

// ---------------------------------------------------------------------------------------
// Export

/** Reads one engagement and everything under it, as the portable document's data. */
export async function collectEngagement(db: Db, engagementId: string): Promise<PortableData> {
  const engagementRow = await db.selectFrom('engagement').selectAll().where('id', '=', engagementId).executeTakeFirst()
  if (!engagementRow) throw new AppError('NOT_FOUND', 'That engagement no longer exists. It may have been deleted.')
  const clientRow = await db.selectFrom('client').selectAll().where('id', '=', engagementRow.client_id).executeTakeFirstOrThrow()
  const assessmentIds = await db
    .selectFrom('assessment')
    .select('id')
    .where('engagement_id', '=', engagementId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
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
  const time = await db.selectFrom('time_entry').selectAll().where('engagement_id', '=', engagementId).orderBy('date').orderBy('created_at').orderBy('id').execute()
  const gates = await db.selectFrom('phase_gate').selectAll().where('engagement_id', '=', engagementId).orderBy('phase_id').orderBy('position').orderBy('id').execute()
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

/** Seals plain bytes in the encrypted envelope (as JSON bytes). */
export async function encryptBytes(plain: Uint8Array, passphrase: string): Promise<Buffer> {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const kdf: Kdf = { name: 'scrypt', ...SCRYPT_PARAMS, salt: salt.toString('base64') }
  const header = { format: ENCRYPTED_FORMAT, version: ENCRYPTED_VERSION, cipher: 'aes-256-gcm', kdf, iv: iv.toString('base64') } as const
  const key = await scrypt(passphrase, salt, kdf)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 })
  cipher.setAAD(Buffer.from(envelopeHeader(header), 'utf8'))
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()])
  const envelope: EncryptedEnvelope = { ...header, tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') }
  return Buffer.from(`${JSON.stringify(envelope)}\n`, 'utf8')
}

const megabytes = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`

/** Says how large the file would be and, when they are the bulk of it, that the documents sent make it so. */
function tooLarge(size: number, exports: PortableData['exports'], limit: number): string {
  const documents = exports.reduce((n, x) => n + x.bytes.length, 0)
  const count = exports.length === 1 ? 'The one document sent makes' : `The ${exports.length} documents sent make`
  const why = documents > size / 2 ? ` ${count} up ${megabytes(documents)} of it.` : ''
  return `This engagement is too large to export as one file: it comes to ${megabytes(size)}, and a file holds at most ${megabytes(limit)}.${why}`
}

/** The bytes of a `.stagecraft` file for one engagement, encrypted when a passphrase is given. */
export async function exportEngagement(
  db: Db,
  engagementId: string,
  options: { appVersion: string; now: Date; passphrase?: string; /** Tests only: a smaller limit than the file format's. */ maxPlainBytes?: number }
): Promise<{ bytes: Buffer; data: PortableData }> {
  const limit = Math.min(options.maxPlainBytes ?? MAX_PLAIN_PORTABLE_BYTES, MAX_PLAIN_PORTABLE_BYTES)
  const data = await collectEngagement(db, engagementId)
  const document: PortableFile = {
    format: PORTABLE_FORMAT,
    version: PORTABLE_VERSION,
    exportedAt: options.now.toISOString(),
    appVersion: options.appVersion,
    data
  }
  const plain = Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8')
  if (plain.length > limit) throw invalid(tooLarge(plain.length, data.exports, limit))
  // What we write must be what we would accept: check it with the import's own schema.
  const checked = PortableFileSchema.safeParse(document)
  if (!checked.success) throw new AppError('INTERNAL', `This engagement could not be exported: ${describeIssues(checked.error.issues)}.`)
  return { bytes: options.passphrase === undefined ? plain : await encryptBytes(plain, options.passphrase), data }
}

// ---------------------------------------------------------------------------------------
// Reading

export type ReadPortable = { kind: 'plain'; file: PortableFile } | { kind: 'encrypted'; envelope: EncryptedEnvelope }

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function parsed<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value)
  if (!result.success) throw invalid(`${name}: ${describeIssues(result.error.issues)}`)
  return result.data
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Each document's bytes must be the ones recorded: the size and sha256 the app stored when it was sent. */
function checkDocuments(name: string, exports: PortableData['exports']): void {
  exports.forEach((x, i) => {
    const which = `the document ${JSON.stringify(x.fileName)} sent ${x.createdAt.slice(0, 10)} (data › exports › #${i + 1})`
    const bytes = Buffer.from(x.bytes, 'base64')
    if (bytes.length !== x.sizeBytes) {
      throw invalid(`${name}: ${which} holds ${bytes.length} bytes, not the ${x.sizeBytes} recorded; the file has been changed or damaged`)
    }
    if (sha256Hex(bytes) !== x.sha256) {
      throw invalid(`${name}: ${which} does not match its recorded sha256; the file has been changed or damaged`)
    }
  })
}

/** A plain document of any version this Stagecraft reads, checked completely, as version 2 data. */
function validatePlain(name: string, value: Record<string, unknown>): PortableFile {
  const { version } = value
  if (typeof version === 'number' && Number.isInteger(version) && version > PORTABLE_VERSION) {
    throw invalid(
      `${name}: was written by a newer version of Stagecraft (file version ${version}; this one reads versions 1 to ${PORTABLE_VERSION}). Update Stagecraft, then import it`
    )
  }
  const file = withCurrentItemIds(version === 1 ? fromVersion1(parsed(name, PortableFileV1Schema, value)) : parsed(name, PortableFileSchema, value))
  checkDocuments(name, file.data.exports)
  if (file.data.plan) {
    // The plan must still generate, as every saved edit had to.
    try {
      planFromStored(file.data.plan, file.data.engagement)
    } catch (error) {
      throw invalid(`${name}: the plan in the file cannot be built (${error instanceof Error ? error.message : 'unknown problem'})`)
    }
  }
  return file
}

/**
 * Reads a file's bytes completely before anything is written: size, UTF-8, nesting,
 * duplicate keys, JSON, then the format, and for a plain file the whole schema.
 */
export function readPortableBytes(name: string, bytes: Uint8Array): ReadPortable {
  if (bytes.length > MAX_PORTABLE_BYTES) {
    throw invalid(`${name}: is too large to be a Stagecraft file (over ${MAX_PORTABLE_BYTES / 1024 / 1024} MB)`)
  }
  return readPortableValue(name, parseStrictJson(name, bytes))
}

/** True when parsed JSON says it is a portable file (plain or encrypted) rather than, say, an intake file. */
export const looksPortable = (value: unknown): boolean => isRecord(value) && Object.hasOwn(value, 'format')

/** The checks after JSON parsing: the format, then the envelope or the whole document. */
export function readPortableValue(name: string, value: unknown): ReadPortable {
  if (!isRecord(value)) throw invalid(`${name}: is not a Stagecraft engagement file`)
  if (value.format === ENCRYPTED_FORMAT) {
    const parsed = EncryptedEnvelopeSchema.safeParse(value)
    if (!parsed.success) throw invalid(`${name}: is an encrypted Stagecraft file that is damaged or incomplete (${describeIssues(parsed.error.issues)})`)
    return { kind: 'encrypted', envelope: parsed.data }
  }
  if (value.format !== PORTABLE_FORMAT) {
    throw invalid(`${name}: is not a Stagecraft engagement file (format: must be "${PORTABLE_FORMAT}")`)
  }
  return { kind: 'plain', file: validatePlain(name, value) }
}

/** Decrypts and validates an encrypted file; a wrong passphrase and a changed byte look the same. */
export async function unlockPortable(name: string, envelope: EncryptedEnvelope, passphrase: string): Promise<PortableFile> {
  const key = await scrypt(passphrase, Buffer.from(envelope.kdf.salt, 'base64'), envelope.kdf)
  let plain: Buffer
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'), { authTagLength: 16 })
    decipher.setAAD(Buffer.from(envelopeHeader(envelope), 'utf8'))
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'))
    plain = Buffer.concat([decipher.update(Buffer.from(envelope.ciphertext, 'base64')), decipher.final()])
  } catch {
    throw invalid(WRONG_PASSPHRASE)
  }
  const inner = readPortableBytes(name, plain)
  if (inner.kind !== 'plain') throw invalid(`${name}: is encrypted twice, which Stagecraft never does`)
  return inner.file
}

// ---------------------------------------------------------------------------------------
// Import

/** The tables whose rows carry their own text id (status history rows get fresh integer ids). */
const ID_TABLES = ['client', 'engagement', 'assessment', 'plan', 'time_entry', 'phase_gate', 'export_snapshot'] as const
type IdTable = (typeof ID_TABLES)[number]
/** The rows under an engagement that a file could find already here under another engagement. */
const CHILD_TABLES = ['assessment', 'plan', 'time_entry', 'phase_gate', 'export_snapshot'] as const

/** The file's ids, table by table. */
const idsOf = (d: PortableData): Record<IdTable, string[]> => ({
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

async function exists(db: Db, table: IdTable, ids: readonly string[]): Promise<string[]> {
  const found: string[] = []
  await inChunks(ids, async (chunk) => found.push(...(await db.selectFrom(table).select('id').where('id', 'in', chunk).execute()).map((r) => r.id)))
  return found
}

/** The file's child ids (assessments, plan, time entries, gates, documents) already in this database. */
async function childrenHere(db: Db, d: PortableData): Promise<string[]> {
  const ids = idsOf(d)
  const found: string[] = []
  for (const table of CHILD_TABLES) found.push(...(await exists(db, table, ids[table])))
  return found
}

/** Whether the engagement or its client (same id) is already in this database. */
export async function alreadyHere(db: Db, data: PortableData): Promise<boolean> {
  return (await exists(db, 'client', [data.client.id])).length > 0 || (await exists(db, 'engagement', [data.engagement.id])).length > 0
}

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
      const used = new Set((await Promise.all(ID_TABLES.map((t) => exists(db, t, batch)))).flat())
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
async function insertAll(db: Db, d: PortableData): Promise<void> {
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
    const deleted = await db.deleteFrom('engagement').where('id', '=', data.engagement.id).executeTakeFirst()
    if (deleted.numDeletedRows > 0n) created = 'replaced'
    if ((await childrenHere(db, data)).length > 0) {
      throw new AppError('CONFLICT', 'Some records in the file belong to another engagement here, so it cannot replace this one. Import it with "keep both" instead.')
    }
  }
  const clientHere = await db.selectFrom('client').select('updated_at').where('id', '=', data.client.id).executeTakeFirst()
  if (clientHere) {
    // The client record is shared with the engagements here: the newer version of it is kept.
    if (data.client.updatedAt > clientHere.updated_at) {
      await db.updateTable('client').set(clientColumns(data.client)).where('id', '=', data.client.id).execute()
    }
  } else {
    await db.insertInto('client').values({ id: data.client.id, ...clientColumns(data.client) }).execute()
  }
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

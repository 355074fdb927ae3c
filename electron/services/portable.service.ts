import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto'
import type Sqlite from 'better-sqlite3'
import { backupsDirFor, createBackup } from '../../db/backup'
import type { Deps } from '../../db/deps'
import type { Db } from '../../db/repositories/client.repository'
import { findAssessment } from '../../db/repositories/assessment.repository'
import { findPlanByEngagement } from '../../db/repositories/plan.repository'
import { describeIssues } from '../../shared/ipc/describe-issues'
import { AppError } from '../../shared/ipc/result'
import { planFromStored } from '../../shared/domain/planning/stored-plan'
import {
  ENCRYPTED_FORMAT,
  ENCRYPTED_VERSION,
  EncryptedEnvelopeSchema,
  envelopeHeader,
  MAX_PORTABLE_BYTES,
  PORTABLE_FORMAT,
  PORTABLE_VERSION,
  PortableFileSchema,
  type EncryptedEnvelope,
  type ImportMode,
  type Kdf,
  type PortableData,
  type PortableFile,
  type PortableSummary
} from '../../shared/schemas/portable.schema'
import { parseStrictJson } from './strict-json.service'

/**
 * Portable engagement files (`.stagecraft`): one engagement, its client, every assessment
 * and the plan as one versioned JSON document, optionally encrypted with a passphrase.
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
      archivedAt: engagementRow.archived_at,
      createdAt: engagementRow.created_at,
      updatedAt: engagementRow.updated_at
    },
    assessments,
    plan: (await findPlanByEngagement(db, engagementId)) ?? null
  }
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

/** The bytes of a `.stagecraft` file for one engagement, encrypted when a passphrase is given. */
export async function exportEngagement(
  db: Db,
  engagementId: string,
  options: { appVersion: string; now: Date; passphrase?: string }
): Promise<{ bytes: Buffer; data: PortableData }> {
  const data = await collectEngagement(db, engagementId)
  const document: PortableFile = {
    format: PORTABLE_FORMAT,
    version: PORTABLE_VERSION,
    exportedAt: options.now.toISOString(),
    appVersion: options.appVersion,
    data
  }
  // What we write must be what we would accept: check it with the import's own schema.
  const checked = PortableFileSchema.safeParse(document)
  if (!checked.success) throw new AppError('INTERNAL', `This engagement could not be exported: ${describeIssues(checked.error.issues)}.`)
  const plain = Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8')
  if (plain.length > MAX_PORTABLE_BYTES / 2) throw invalid('This engagement is too large to export as one file.')
  return { bytes: options.passphrase === undefined ? plain : await encryptBytes(plain, options.passphrase), data }
}

// ---------------------------------------------------------------------------------------
// Reading

export type ReadPortable = { kind: 'plain'; file: PortableFile } | { kind: 'encrypted'; envelope: EncryptedEnvelope }

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function validatePlain(name: string, value: unknown): PortableFile {
  const parsed = PortableFileSchema.safeParse(value)
  if (!parsed.success) throw invalid(`${name}: ${describeIssues(parsed.error.issues)}`)
  const file = parsed.data
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

async function exists(db: Db, table: 'client' | 'engagement' | 'assessment' | 'plan', ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute()
  return rows.map((r) => r.id)
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
    exportedAt: file.exportedAt,
    exists: await alreadyHere(db, d)
  }
}

const SUFFIX = ' (imported)'
const suffixed = (text: string, max: number) => `${text.slice(0, max - SUFFIX.length)}${SUFFIX}`

/** An id used nowhere yet: not in this database and not in the file. */
async function freshIdMaker(db: Db, deps: Deps, d: PortableData): Promise<() => Promise<string>> {
  const taken = new Set([d.client.id, d.engagement.id, ...d.assessments.map((a) => a.id), ...(d.plan ? [d.plan.id] : [])])
  return async () => {
    for (;;) {
      const id = deps.newId()
      if (taken.has(id)) continue
      const used = await Promise.all((['client', 'engagement', 'assessment', 'plan'] as const).map((t) => exists(db, t, [id])))
      taken.add(id)
      if (used.every((u) => u.length === 0)) return id
    }
  }
}

/** The same data under fresh ids, titles marked " (imported)", so it sits beside the original. */
async function withNewIds(db: Db, d: PortableData, deps: Deps): Promise<PortableData> {
  const fresh = await freshIdMaker(db, deps, d)
  const clientId = await fresh()
  const engagementId = await fresh()
  const assessmentIds = new Map<string, string>()
  for (const a of d.assessments) assessmentIds.set(a.id, await fresh())
  return {
    client: { ...d.client, id: clientId, name: suffixed(d.client.name, 200) },
    engagement: { ...d.engagement, id: engagementId, clientId, title: suffixed(d.engagement.title, 200) },
    assessments: d.assessments.map((a) => ({ ...a, id: assessmentIds.get(a.id)!, engagementId })),
    plan: d.plan && {
      ...d.plan,
      id: await fresh(),
      engagementId,
      assessmentId: d.plan.assessmentId === null ? null : assessmentIds.get(d.plan.assessmentId)!
    }
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
      archived_at: e.archivedAt,
      created_at: e.createdAt,
      updated_at: e.updatedAt
    })
    .execute()
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
}

/**
 * Writes a validated file. Run it inside one transaction (after a backup): any failure
 * leaves the database as it was.
 *
 * - Nothing of it here yet: inserted with the file's ids.
 * - `keep-both`: everything under new ids, the client's name and the engagement's title
 *   suffixed " (imported)", beside the existing data.
 * - `replace`: the existing engagement (same id) and everything under it is deleted, the
 *   client (same id) is updated to the file's values, then the file's rows are inserted
 *   with their own ids.
 */
export async function importPortable(
  db: Db,
  deps: Deps,
  file: PortableFile,
  mode: ImportMode
): Promise<{ clientId: string; engagementId: string; created: 'new' | 'copy' | 'replaced' }> {
  let data = file.data
  const childIds = [...data.assessments.map((a) => a.id)]
  const clash =
    (await alreadyHere(db, data)) ||
    (await exists(db, 'assessment', childIds)).length > 0 ||
    (data.plan !== null && (await exists(db, 'plan', [data.plan.id])).length > 0)
  let created: 'new' | 'copy' | 'replaced' = 'new'
  if (clash && mode === 'keep-both') {
    data = await withNewIds(db, data, deps)
    created = 'copy'
  }
  if (clash && mode === 'replace') {
    const deleted = await db.deleteFrom('engagement').where('id', '=', data.engagement.id).executeTakeFirst()
    if (deleted.numDeletedRows > 0n) created = 'replaced'
    const stray = [...(await exists(db, 'assessment', childIds)), ...(data.plan ? await exists(db, 'plan', [data.plan.id]) : [])]
    if (stray.length > 0) {
      throw new AppError('CONFLICT', 'Some records in the file belong to another engagement here, so it cannot replace this one. Import it with "keep both" instead.')
    }
  }
  const clientHere = (await exists(db, 'client', [data.client.id])).length > 0
  if (clientHere) {
    await db.updateTable('client').set(clientColumns(data.client)).where('id', '=', data.client.id).execute()
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

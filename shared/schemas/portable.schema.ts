import { z } from 'zod'
import { CONTEXT_KEYS, type ContextKey } from '../domain/assessment/dimensions'
import { CONTEXT_QUESTION_BY_KEY, MATURITY_QUESTION_BY_ID, UNKNOWN } from '../domain/assessment/question-bank'
import { AnswerValueSchema, AssessmentStatusSchema, QuestionIdSchema } from './assessment.schema'
import { IdSchema, IsoDateSchema, TimestampSchema } from './common'
import { CurrencyCodeSchema } from './currency'
import { EngagementStatusSchema } from './engagement.schema'
import { currentItemId, StoredPlanSchema } from './plan.schema'
import { BaselinePlanSchema, PhaseIdSchema, TrackedItemSchema } from './tracking.schema'

/**
 * A portable engagement file (`.stagecraft`): one engagement with its client, every
 * assessment (answers, shareable notes and the consultant's private notes), its plan, its
 * tracking (status history, the signed baseline, tracked items with their notes, time,
 * phase gates) and the documents sent (export snapshots with their exact bytes), as one
 * versioned JSON document. It moves the consultant's own data between their machines, so
 * private notes travel with it; the export offers a passphrase for that reason. Optionally
 * wrapped in an encrypted envelope (see `EncryptedEnvelopeSchema`).
 *
 * Version 2 added the tracking and the documents; version 1 files (without them) are still
 * read, as an engagement with no tracking and no documents sent (`fromVersion1`).
 *
 * The schema is strict (unknown keys are refused), bounded, and transforms nothing: what
 * is accepted is stored exactly as it was written. Derived figures (progress, logged days
 * and the like) are not in the file: the database's triggers work them out on import.
 */

export const PORTABLE_FORMAT = 'stagecraft-engagement'
export const PORTABLE_VERSION = 2
export const ENCRYPTED_FORMAT = 'stagecraft-encrypted'
export const ENCRYPTED_VERSION = 1
export const PORTABLE_EXTENSION = 'stagecraft'

/**
 * The largest file read at all (plain or encrypted). Each document sent embeds the bundled
 * font (~1 MB), so a long engagement's file is mostly its documents: this holds about a
 * hundred of them, and is still read into memory comfortably on a laptop.
 */
export const MAX_PORTABLE_BYTES = 200 * 1024 * 1024
/** Limits that no real engagement comes near. */
export const PORTABLE_LIMITS = {
  assessments: 1000,
  present: 40,
  note: 100_000,
  text: 20_000,
  statusChanges: 10_000,
  trackingItems: 5_000,
  timeEntries: 20_000,
  gates: 1_000,
  exports: 1_000
} as const
/**
 * The largest plain file the export writes: sealed, base64 makes it a third larger, which
 * still fits `MAX_PORTABLE_BYTES`. No document sent (nor its model) can be larger either.
 */
export const MAX_PLAIN_PORTABLE_BYTES = MAX_PORTABLE_BYTES / 2

/** A passphrase for an encrypted file. */
export const PassphraseSchema = z
  .string()
  .min(8, { message: 'A passphrase needs at least 8 characters' })
  .max(1024, { message: 'A passphrase can be at most 1,024 characters' })

const base64 = (bytes: { exact?: number; max?: number }) =>
  z
    .string()
    .max(Math.ceil(((bytes.exact ?? bytes.max ?? 0) * 4) / 3) + 4)
    // A plain character class (no repeated group), so a 50 MB string cannot make the regex backtrack.
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'is not base64' })
    .refine((s) => s.length % 4 === 0, { message: 'is not base64' })
    .refine((s) => bytes.exact === undefined || base64Length(s) === bytes.exact, {
      message: `must be ${bytes.exact ?? 0} bytes`
    })

/** The number of bytes a (valid) base64 string decodes to. */
export function base64Length(s: string): number {
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0
  return (s.length / 4) * 3 - padding
}

const str = (max: number) => z.string().max(max, { message: `must be at most ${max} characters` })
const nonEmpty = (max: number) => str(max).min(1, { message: 'must not be empty' })

export const PortableClientSchema = z.strictObject({
  id: IdSchema,
  name: nonEmpty(200),
  industry: str(120).nullable(),
  headcount: z.number().int().min(0).max(10_000_000).nullable(),
  contactName: str(200).nullable(),
  contactEmail: str(254).nullable(),
  notes: str(PORTABLE_LIMITS.text).nullable(),
  archivedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema
})

export const PortableEngagementSchema = z.strictObject({
  id: IdSchema,
  clientId: IdSchema,
  title: nonEmpty(200),
  status: EngagementStatusSchema,
  consultant: nonEmpty(200),
  currency: CurrencyCodeSchema,
  dayRate: z.number().positive().max(1_000_000),
  startDate: IsoDateSchema.nullable(),
  notes: str(PORTABLE_LIMITS.text).nullable(),
  /** Files written before the objective travelled have none. */
  objective: str(2000).nullable().default(null),
  archivedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema
})

export const PortableAnswerSchema = z.strictObject({
  value: AnswerValueSchema.nullable(),
  /** Shareable with the client. */
  note: str(PORTABLE_LIMITS.note).nullable(),
  /** The consultant's own; it travels because the file moves their own data. */
  privateNote: str(PORTABLE_LIMITS.note).nullable(),
  updatedAt: TimestampSchema
})

/** True when the value is one this question offers (its option letters, a count, or unknown). */
export function answerFitsQuestion(questionId: string, value: string | number | null): boolean {
  if (value === null || value === UNKNOWN) return true
  const maturity = MATURITY_QUESTION_BY_ID.get(questionId)
  if (maturity) return typeof value === 'string' && maturity.options.some((o) => o.id === value)
  if (!(CONTEXT_KEYS as readonly string[]).includes(questionId)) return false
  const q = CONTEXT_QUESTION_BY_KEY[questionId as ContextKey]
  if (q.kind === 'count') return typeof value === 'number'
  return typeof value === 'string' && q.options.some((o) => o.id === value)
}

export const PortableAssessmentSchema = z
  .strictObject({
    id: IdSchema,
    engagementId: IdSchema,
    title: nonEmpty(160),
    status: AssessmentStatusSchema,
    present: z.array(nonEmpty(120)).max(PORTABLE_LIMITS.present),
    cursor: QuestionIdSchema.nullable(),
    answers: z.record(QuestionIdSchema, PortableAnswerSchema),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    completedAt: TimestampSchema.nullable()
  })
  .superRefine((a, ctx) => {
    for (const [questionId, answer] of Object.entries(a.answers ?? {})) {
      if (answer && !answerFitsQuestion(questionId, answer.value)) {
        ctx.addIssue({ code: 'custom', path: ['answers', questionId, 'value'], message: 'is not an answer this question offers' })
      }
    }
  })

const rows = <T extends z.ZodType>(row: T, max: number) => z.array(row).max(max, { message: `must hold at most ${max} entries` })
const days = z.number().finite().min(0).max(1_000_000)

/** One change of the engagement's status (the history the app shows); rows get fresh ids here. */
export const PortableStatusChangeSchema = z.strictObject({
  engagementId: IdSchema,
  from: EngagementStatusSchema.nullable(),
  to: EngagementStatusSchema,
  at: TimestampSchema,
  note: str(PORTABLE_LIMITS.text).nullable()
})

/** The plan as signed, frozen, and the document that was signed (one of `exports`, or null). */
export const PortableBaselineSchema = z.strictObject({
  engagementId: IdSchema,
  plan: BaselinePlanSchema,
  effortDays: days,
  cost: z.number().finite(),
  currency: CurrencyCodeSchema,
  signedAt: TimestampSchema,
  exportSnapshotId: IdSchema.nullable(),
  createdAt: TimestampSchema
})

/** A tracked plan item (by plan item id), with what was recorded against it, notes included. */
export const PortableTrackingItemSchema = z
  .strictObject({
    engagementId: IdSchema,
    itemId: nonEmpty(64),
    kind: nonEmpty(20),
    title: str(500),
    position: z.number().int().min(0).max(1_000_000),
    effortDays: days,
    inPlan: z.boolean(),
    blockedReason: str(PORTABLE_LIMITS.text).nullable(),
    // The phase, status and dates as the tracking view has them.
    ...TrackedItemSchema.pick({
      phase: true,
      status: true,
      blockedSince: true,
      plannedStart: true,
      plannedEnd: true,
      baselineStart: true,
      baselineEnd: true,
      actualStart: true,
      actualEnd: true
    }).shape,
    owner: str(200).nullable(),
    notes: str(PORTABLE_LIMITS.text).nullable(),
    updatedAt: TimestampSchema
  })
  .superRefine((t, ctx) => {
    // The database's own rules for a tracked item, checked here so a file breaking them is refused before any write.
    const blocked = t.status === 'blocked'
    if (blocked !== (t.blockedReason != null && t.blockedSince != null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['blockedReason'],
        message: blocked ? 'a blocked item needs a reason and the date it was blocked since' : 'only a blocked item has a reason and date for being blocked'
      })
    }
    if (t.actualStart && t.actualEnd && t.actualEnd < t.actualStart) {
      ctx.addIssue({ code: 'custom', path: ['actualEnd'], message: 'must not be before actualStart' })
    }
  })

/** Time logged: at most one day per entry; its item, if any, is one of the file's tracked items. */
export const PortableTimeEntrySchema = z.strictObject({
  id: IdSchema,
  engagementId: IdSchema,
  itemId: nonEmpty(64).nullable(),
  date: IsoDateSchema,
  days: z.number().finite().positive({ message: 'must be more than 0' }).max(1, { message: 'must be at most 1: one entry holds at most one day' }),
  note: str(PORTABLE_LIMITS.text).nullable(),
  createdAt: TimestampSchema
})

export const PortableGateSchema = z.strictObject({
  id: IdSchema,
  engagementId: IdSchema,
  phaseId: PhaseIdSchema,
  criterion: nonEmpty(500),
  doneAt: TimestampSchema.nullable(),
  position: z.number().int().min(0).max(1_000_000),
  createdAt: TimestampSchema
})

const isJsonText = (s: string) => {
  try {
    JSON.parse(s)
    return true
  } catch {
    return false
  }
}

/**
 * A document sent (an export snapshot): the exact .docx bytes as base64, the model it was
 * made from as the JSON text stored, and their recorded size and sha256. That the bytes
 * match the size and the sha256 is checked on reading (`portable.service.ts`: hashing
 * needs Node, and this schema is shared with the renderer).
 */
export const PortableExportSchema = z.strictObject({
  id: IdSchema,
  engagementId: IdSchema,
  template: nonEmpty(40),
  sections: z.record(str(40), z.boolean()),
  fileName: nonEmpty(255),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a sha256 in lowercase hex' }),
  sizeBytes: z.number().int().min(0).max(MAX_PLAIN_PORTABLE_BYTES),
  model: str(MAX_PLAIN_PORTABLE_BYTES).refine(isJsonText, { message: 'is not JSON text' }),
  bytes: base64({ max: MAX_PLAIN_PORTABLE_BYTES }),
  createdAt: TimestampSchema
})

type Ctx = z.core.$RefinementCtx
const issue = (ctx: Ctx, path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message })

/** Version 1's data, and the checks both versions share. */
const CORE = {
  client: PortableClientSchema,
  engagement: PortableEngagementSchema,
  assessments: z.array(PortableAssessmentSchema).max(PORTABLE_LIMITS.assessments),
  plan: StoredPlanSchema.nullable()
}

function checkCore(d: z.infer<z.ZodObject<typeof CORE>>, ctx: Ctx): void {
  // Refinements may run while other fields are invalid: look before comparing.
  if (d.engagement?.clientId !== d.client?.id) issue(ctx, ['engagement', 'clientId'], 'must be the id of the client in the file')
  const ids = new Set<string>()
  d.assessments?.forEach((a, i) => {
    if (a.engagementId !== d.engagement?.id) issue(ctx, ['assessments', i, 'engagementId'], 'must be the id of the engagement in the file')
    if (ids.has(a.id)) issue(ctx, ['assessments', i, 'id'], 'appears twice')
    ids.add(a.id)
  })
  if (d.plan) {
    if (d.plan.engagementId !== d.engagement?.id) issue(ctx, ['plan', 'engagementId'], 'must be the id of the engagement in the file')
    if (d.plan.assessmentId !== null && !ids.has(d.plan.assessmentId)) {
      issue(ctx, ['plan', 'assessmentId'], 'must be one of the assessments in the file')
    }
    const everyId = [d.client?.id, d.engagement?.id, ...ids]
    if (everyId.includes(d.plan.id)) issue(ctx, ['plan', 'id'], 'is used twice in the file')
  }
}

export const PortableDataV1Schema = z.strictObject(CORE).superRefine(checkCore)

export const PortableDataSchema = z
  .strictObject({
    ...CORE,
    engagement: PortableEngagementSchema.extend({ signedAt: TimestampSchema.nullable() }),
    statusHistory: rows(PortableStatusChangeSchema, PORTABLE_LIMITS.statusChanges),
    baseline: PortableBaselineSchema.nullable(),
    trackingItems: rows(PortableTrackingItemSchema, PORTABLE_LIMITS.trackingItems),
    timeEntries: rows(PortableTimeEntrySchema, PORTABLE_LIMITS.timeEntries),
    gates: rows(PortableGateSchema, PORTABLE_LIMITS.gates),
    exports: rows(PortableExportSchema, PORTABLE_LIMITS.exports)
  })
  .superRefine((d, ctx) => {
    checkCore(d, ctx)
    const engagementId = d.engagement?.id
    // Every row belongs to the file's engagement; ids appear once per table.
    const table = (key: 'statusHistory' | 'trackingItems' | 'timeEntries' | 'gates' | 'exports', idKey?: 'id' | 'itemId') => {
      const seen = new Set<string>()
      ;(d[key] as readonly (Record<string, unknown> | null)[] | undefined)?.forEach((row, i) => {
        if (row?.engagementId !== engagementId) issue(ctx, [key, i, 'engagementId'], 'must be the id of the engagement in the file')
        const id = idKey ? row?.[idKey] : undefined
        if (!idKey || typeof id !== 'string') return
        if (seen.has(id)) issue(ctx, [key, i, idKey], 'appears twice')
        seen.add(id)
      })
      return seen
    }
    table('statusHistory')
    const items = table('trackingItems', 'itemId')
    table('timeEntries', 'id')
    table('gates', 'id')
    const documents = table('exports', 'id')
    d.timeEntries?.forEach((t, i) => {
      if (t.itemId !== null && !items.has(t.itemId)) issue(ctx, ['timeEntries', i, 'itemId'], 'must be one of the tracked items in the file, or null')
    })
    const b = d.baseline
    if (b) {
      if (b.engagementId !== engagementId) issue(ctx, ['baseline', 'engagementId'], 'must be the id of the engagement in the file')
      if (b.exportSnapshotId !== null && !documents.has(b.exportSnapshotId)) {
        issue(ctx, ['baseline', 'exportSnapshotId'], 'must be one of the documents in the file (exports), or null')
      }
    }
  })

const fileSchema = <V extends number, D extends z.ZodType>(version: V, data: D) =>
  z.strictObject({
    format: z.literal(PORTABLE_FORMAT, { error: `must be "${PORTABLE_FORMAT}"` }),
    version: z.literal(version, { error: `must be ${version} (this version of Stagecraft reads versions 1 to ${PORTABLE_VERSION})` }),
    exportedAt: TimestampSchema,
    appVersion: str(64),
    data
  })

/** What this version writes. */
export const PortableFileSchema = fileSchema(PORTABLE_VERSION, PortableDataSchema)
/** Files from before tracking and documents travelled; still read. */
export const PortableFileV1Schema = fileSchema(1, PortableDataV1Schema)

export type PortableFile = z.infer<typeof PortableFileSchema>
export type PortableFileV1 = z.infer<typeof PortableFileV1Schema>
export type PortableData = z.infer<typeof PortableDataSchema>

/** A version 1 file as version 2 data: an engagement never signed, with no tracking and no documents sent. */
export function fromVersion1(file: PortableFileV1): PortableFile {
  return {
    ...file,
    version: PORTABLE_VERSION,
    data: {
      ...file.data,
      engagement: { ...file.data.engagement, signedAt: null },
      statusHistory: [],
      baseline: null,
      trackingItems: [],
      timeEntries: [],
      gates: [],
      exports: []
    }
  }
}

/** A file written before plan items were renamed, with today's item ids (tracked items and time). */
export function withCurrentItemIds(file: PortableFile): PortableFile {
  const d = file.data
  const legacy = (id: string | null): boolean => id !== null && currentItemId(id) !== id
  if (!d.trackingItems.some((t) => legacy(t.itemId)) && !d.timeEntries.some((t) => legacy(t.itemId)) && !d.baseline?.plan.items.some((i) => legacy(i.id)))
    return file
  // An id is renamed only where the new one is not taken already.
  const taken = new Set(d.trackingItems.map((t) => t.itemId))
  const renamed = (id: string): string => (legacy(id) && !taken.has(currentItemId(id)) ? currentItemId(id) : id)
  const baselineTaken = new Set(d.baseline?.plan.items.map((i) => i.id) ?? [])
  return {
    ...file,
    data: {
      ...d,
      trackingItems: d.trackingItems.map((t) => ({ ...t, itemId: renamed(t.itemId) })),
      timeEntries: d.timeEntries.map((t) => ({ ...t, itemId: t.itemId === null ? null : renamed(t.itemId) })),
      baseline: d.baseline && {
        ...d.baseline,
        plan: {
          ...d.baseline.plan,
          items: d.baseline.plan.items.map((i) => (legacy(i.id) && !baselineTaken.has(currentItemId(i.id)) ? { ...i, id: currentItemId(i.id) } : i))
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// The encrypted envelope

/** scrypt's cost is bounded on reading, so a hostile file cannot ask for gigabytes of memory. */
export const SCRYPT_LIMITS = { minLogN: 15, maxLogN: 18 } as const

export const KdfSchema = z.strictObject({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .refine((n) => Number.isInteger(Math.log2(n)) && Math.log2(n) >= SCRYPT_LIMITS.minLogN && Math.log2(n) <= SCRYPT_LIMITS.maxLogN, {
      message: `must be a power of two from 2^${SCRYPT_LIMITS.minLogN} to 2^${SCRYPT_LIMITS.maxLogN}`
    }),
  r: z.literal(8),
  p: z.literal(1),
  keyLength: z.literal(32),
  salt: base64({ exact: 16 })
})
export type Kdf = z.infer<typeof KdfSchema>

export const EncryptedEnvelopeSchema = z.strictObject({
  format: z.literal(ENCRYPTED_FORMAT),
  version: z.literal(ENCRYPTED_VERSION, { error: `must be ${ENCRYPTED_VERSION} (this version of Stagecraft reads version ${ENCRYPTED_VERSION})` }),
  cipher: z.literal('aes-256-gcm'),
  kdf: KdfSchema,
  iv: base64({ exact: 12 }),
  tag: base64({ exact: 16 }),
  ciphertext: base64({ max: MAX_PORTABLE_BYTES })
})
export type EncryptedEnvelope = z.infer<typeof EncryptedEnvelopeSchema>

/**
 * The envelope's header, as authenticated data: every field but the tag and the
 * ciphertext, serialised in a fixed order, so changing any parameter fails the tag.
 */
export function envelopeHeader(e: Pick<EncryptedEnvelope, 'format' | 'version' | 'cipher' | 'kdf' | 'iv'>): string {
  return JSON.stringify({
    format: e.format,
    version: e.version,
    cipher: e.cipher,
    kdf: { name: e.kdf.name, N: e.kdf.N, r: e.kdf.r, p: e.kdf.p, keyLength: e.kdf.keyLength, salt: e.kdf.salt },
    iv: e.iv
  })
}

// ---------------------------------------------------------------------------------------
// What the IPC channels answer

export const ImportModeSchema = z.enum(['keep-both', 'replace'], { message: 'must be keep-both or replace' })
export type ImportMode = z.infer<typeof ImportModeSchema>

export const PortableSummarySchema = z.strictObject({
  clientName: z.string(),
  engagementTitle: z.string(),
  assessments: z.number().int(),
  hasPlan: z.boolean(),
  /** How many answers carry a private note (they travel in the file). */
  privateNotes: z.number().int(),
  /** Tracked tasks, days of time logged, documents sent, and whether it was signed. */
  trackedItems: z.number().int(),
  loggedDays: z.number(),
  documents: z.number().int(),
  signed: z.boolean(),
  exportedAt: z.string(),
  /** The engagement or its client (same id) is already here: choose keep-both or replace. */
  exists: z.boolean()
})
export type PortableSummary = z.infer<typeof PortableSummarySchema>

import { z } from 'zod'
import { CONTEXT_KEYS, type ContextKey } from '../domain/assessment/dimensions'
import { CONTEXT_QUESTION_BY_KEY, MATURITY_QUESTION_BY_ID, UNKNOWN } from '../domain/assessment/question-bank'
import { AnswerValueSchema, AssessmentStatusSchema, QuestionIdSchema } from './assessment.schema'
import { IdSchema, IsoDateSchema, TimestampSchema } from './common'
import { CurrencyCodeSchema } from './currency'
import { EngagementStatusSchema } from './engagement.schema'
import { StoredPlanSchema } from './plan.schema'

/**
 * A portable engagement file (`.stagecraft`): one engagement with its client, every
 * assessment (answers, shareable notes and the consultant's private notes) and its plan,
 * as one versioned JSON document. It moves the consultant's own data between their
 * machines, so private notes travel with it; the export offers a passphrase for that
 * reason. Optionally wrapped in an encrypted envelope (see `EncryptedEnvelopeSchema`).
 *
 * The schema is strict (unknown keys are refused), bounded, and transforms nothing: what
 * is accepted is stored exactly as it was written.
 */

export const PORTABLE_FORMAT = 'stagecraft-engagement'
export const PORTABLE_VERSION = 1
export const ENCRYPTED_FORMAT = 'stagecraft-encrypted'
export const ENCRYPTED_VERSION = 1
export const PORTABLE_EXTENSION = 'stagecraft'

/** The largest file read at all (plain or encrypted). */
export const MAX_PORTABLE_BYTES = 50 * 1024 * 1024
/** Limits that no real engagement comes near. */
export const PORTABLE_LIMITS = { assessments: 1000, present: 40, note: 100_000, text: 20_000 } as const

/** A passphrase for an encrypted file. */
export const PassphraseSchema = z
  .string()
  .min(8, { message: 'A passphrase needs at least 8 characters' })
  .max(1024, { message: 'A passphrase can be at most 1,024 characters' })

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

export const PortableDataSchema = z
  .strictObject({
    client: PortableClientSchema,
    engagement: PortableEngagementSchema,
    assessments: z.array(PortableAssessmentSchema).max(PORTABLE_LIMITS.assessments),
    plan: StoredPlanSchema.nullable()
  })
  .superRefine((d, ctx) => {
    // Refinements may run while other fields are invalid: look before comparing.
    if (d.engagement?.clientId !== d.client?.id) {
      ctx.addIssue({ code: 'custom', path: ['engagement', 'clientId'], message: 'must be the id of the client in the file' })
    }
    const ids = new Set<string>()
    d.assessments?.forEach((a, i) => {
      if (a.engagementId !== d.engagement?.id) {
        ctx.addIssue({ code: 'custom', path: ['assessments', i, 'engagementId'], message: 'must be the id of the engagement in the file' })
      }
      if (ids.has(a.id)) ctx.addIssue({ code: 'custom', path: ['assessments', i, 'id'], message: 'appears twice' })
      ids.add(a.id)
    })
    if (d.plan) {
      if (d.plan.engagementId !== d.engagement?.id) {
        ctx.addIssue({ code: 'custom', path: ['plan', 'engagementId'], message: 'must be the id of the engagement in the file' })
      }
      if (d.plan.assessmentId !== null && !ids.has(d.plan.assessmentId)) {
        ctx.addIssue({ code: 'custom', path: ['plan', 'assessmentId'], message: 'must be one of the assessments in the file' })
      }
      const everyId = [d.client?.id, d.engagement?.id, ...ids]
      if (everyId.includes(d.plan.id)) ctx.addIssue({ code: 'custom', path: ['plan', 'id'], message: 'is used twice in the file' })
    }
  })

export const PortableFileSchema = z.strictObject({
  format: z.literal(PORTABLE_FORMAT, { error: `must be "${PORTABLE_FORMAT}"` }),
  version: z.literal(PORTABLE_VERSION, { error: `must be ${PORTABLE_VERSION} (this version of Stagecraft reads version ${PORTABLE_VERSION})` }),
  exportedAt: TimestampSchema,
  appVersion: str(64),
  data: PortableDataSchema
})
export type PortableFile = z.infer<typeof PortableFileSchema>
export type PortableData = z.infer<typeof PortableDataSchema>

// ---------------------------------------------------------------------------------------
// The encrypted envelope

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
  exportedAt: z.string(),
  /** The engagement or its client (same id) is already here: choose keep-both or replace. */
  exists: z.boolean()
})
export type PortableSummary = z.infer<typeof PortableSummarySchema>

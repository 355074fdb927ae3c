import { z } from 'zod'
import { CONTEXT_QUESTIONS, MATURITY_QUESTIONS, UNKNOWN } from '../domain/assessment/question-bank'
import { IdSchema, TimestampSchema, text } from './common'

export const QUESTION_IDS: readonly string[] = [...CONTEXT_QUESTIONS.map((q) => q.id), ...MATURITY_QUESTIONS.map((q) => q.id)]
const questionIdSet = new Set(QUESTION_IDS)

export const QuestionIdSchema = z
  .string()
  .max(64)
  .refine((id) => questionIdSet.has(id), { message: 'is not a question of the assessment' })

/** An option id, a whole count, or "unknown"; null clears the answer. */
export const AnswerValueSchema = z.union([
  z.literal(UNKNOWN),
  z.string().regex(/^[A-J]$/, { message: 'must be an option letter' }),
  z.number().int().min(0).max(10_000_000)
])

export const AssessmentStatusSchema = z.enum(['in_progress', 'complete'])
export type AssessmentStatus = z.infer<typeof AssessmentStatusSchema>

export const StoredAnswerSchema = z.strictObject({
  value: AnswerValueSchema.nullable(),
  note: z.string().nullable(),
  privateNote: z.string().nullable(),
  updatedAt: TimestampSchema
})
export type StoredAnswer = z.infer<typeof StoredAnswerSchema>

const PresentSchema = z.array(text(120).min(1)).max(40)

export const AssessmentSchema = z.strictObject({
  id: IdSchema,
  engagementId: IdSchema,
  title: z.string(),
  status: AssessmentStatusSchema,
  present: z.array(z.string()),
  cursor: z.string().nullable(),
  answers: z.record(z.string(), StoredAnswerSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  completedAt: TimestampSchema.nullable()
})
export type Assessment = z.infer<typeof AssessmentSchema>

export const AssessmentSummarySchema = AssessmentSchema.omit({ answers: true, cursor: true }).extend({
  answered: z.number().int(),
  total: z.number().int()
})
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>

export const AssessmentCreateSchema = z.strictObject({
  engagementId: IdSchema,
  title: text(160).min(1).optional(),
  present: PresentSchema.optional(),
  /** Start from an earlier assessment's answers (a re-assessment). Notes are not copied. */
  copyAnswersFrom: IdSchema.optional()
})

export const AssessmentUpdateSchema = z.strictObject({
  id: IdSchema,
  patch: z.strictObject({
    title: text(160).min(1).optional(),
    present: PresentSchema.optional(),
    cursor: QuestionIdSchema.nullable().optional(),
    status: AssessmentStatusSchema.optional()
  })
})

export const SetAnswerSchema = z.strictObject({
  assessmentId: IdSchema,
  questionId: QuestionIdSchema,
  value: AnswerValueSchema.nullable()
})

/** Notes are saved as they are typed; up to 100,000 characters each. */
export const SetNoteSchema = z.strictObject({
  assessmentId: IdSchema,
  questionId: QuestionIdSchema,
  kind: z.enum(['note', 'private']),
  text: z.string().max(100_000, { message: 'A note can be at most 100,000 characters' })
})

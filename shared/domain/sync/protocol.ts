import { z } from 'zod'
import { SYNC_TABLE_NAMES } from './catalogue'
import { isStamp } from './hlc'

/** The wire format between a laptop and the team server, checked on both ends. */
const StampSchema = z.string().refine(isStamp, 'is not a clock stamp')
const OpId = z.string().regex(/^[0-9a-f]{32}$/, 'is not an operation id')
const FieldValue = z.union([z.string().max(20_000_000), z.number().finite(), z.null()])
const KeyPart = z.union([z.string().min(1).max(200), z.number().finite()])

export const SyncOperationSchema = z.discriminatedUnion('action', [
  z.object({
    opId: OpId,
    action: z.enum(['upsert', 'delete']),
    table: z.enum(SYNC_TABLE_NAMES),
    key: z.array(KeyPart).min(1).max(3),
    fields: z.record(z.string().regex(/^[a-z_]{1,40}$/), FieldValue),
    /** For guarded fields: the stamp of the value this edit was made over (null: none seen). */
    base: z.record(z.string(), StampSchema.nullable()),
    stamp: StampSchema
  }),
  z.object({
    opId: OpId,
    action: z.literal('resolve'),
    conflictId: z.uuid(),
    /** The value the person chose: the current one, the proposed one, or one they typed. */
    value: FieldValue,
    stamp: StampSchema
  })
])
export type SyncOperation = z.infer<typeof SyncOperationSchema>

export const PushRequestSchema = z.object({ ops: z.array(SyncOperationSchema).min(1).max(500) })
export type PushRequest = z.infer<typeof PushRequestSchema>

export const OpResultSchema = z.object({
  opId: OpId,
  status: z.enum(['applied', 'conflict', 'refused', 'ignored']),
  /** Guarded fields that became conflicts rather than changes. */
  conflicts: z.array(z.string()).default([]),
  reason: z.string().optional()
})
export type OpResult = z.infer<typeof OpResultSchema>
export const PushResponseSchema = z.object({ results: z.array(OpResultSchema) })

export const ChangeSchema = z.object({
  changeNo: z.number().int().positive(),
  table: z.union([z.enum(SYNC_TABLE_NAMES), z.literal('conflict'), z.literal('access')]),
  key: z.array(KeyPart),
  fields: z.record(z.string(), FieldValue),
  stamps: z.record(z.string(), StampSchema),
  deleted: z.boolean(),
  updatedBy: z.string()
})
export type Change = z.infer<typeof ChangeSchema>

export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  /** The last change number this answer covers; the next pull asks for what follows. */
  upTo: z.number().int().nonnegative(),
  more: z.boolean()
})
export type PullResponse = z.infer<typeof PullResponseSchema>

export const SignInRequestSchema = z.object({
  email: z.email(),
  code: z.string().min(8).max(200),
  device: z.string().trim().min(1).max(120)
})
export const SignInResponseSchema = z.object({
  token: z.string(),
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(['admin', 'partner', 'consultant']) })
})

/** A conflict as the inbox shows it (the `fields` of a `conflict` change). */
export const ConflictFieldsSchema = z.object({
  table: z.enum(SYNC_TABLE_NAMES),
  key: z.string(),
  field: z.string(),
  engagementId: z.string().nullable(),
  currentValue: FieldValue,
  currentBy: z.string(),
  currentStamp: StampSchema,
  proposedValue: FieldValue,
  proposedBy: z.string(),
  proposedStamp: StampSchema,
  status: z.enum(['open', 'resolved']),
  resolvedBy: z.string().nullable(),
  resolvedValue: FieldValue
})
export type ConflictFields = z.infer<typeof ConflictFieldsSchema>

import { z } from 'zod'
import { FLAG_IDS, ROLE_IDS, TASK_IDS } from '../domain/catalogue'
import { PHASE_IDS } from '../domain/catalogue'
import { IntakeContextSchema, IntakeMaturitySchema } from './intake.schema'
import { PricingTermsSchema } from './pricing.schema'
import { IdSchema, TimestampSchema } from './common'

const ItemId = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, { message: 'is not a plan item id' })
const Days = z.number().min(0).max(1000)
const Owner = z.union([z.literal('consultant'), z.enum(ROLE_IDS)])
const Phase = z.enum(PHASE_IDS)

export const ItemOverrideSchema = z.strictObject({
  title: z.string().trim().min(1).max(160).optional(),
  effortDays: Days.optional(),
  daysPerWeek: z.number().positive().max(7).optional(),
  optional: z.boolean().optional(),
  owner: Owner.optional(),
  phase: Phase.optional(),
  notBeforeWeek: z.number().int().min(1).max(520).optional(),
  /** The consultant's note on the item (shown in the editor and the proposal). */
  notes: z.string().max(20_000).optional()
})

export const CustomItemSchema = z.strictObject({
  id: ItemId,
  title: z.string().trim().min(1).max(160),
  phase: Phase,
  effortDays: Days,
  owner: Owner,
  dependsOn: z.array(ItemId).max(50).optional(),
  optional: z.boolean().optional()
})
export type CustomItem = z.infer<typeof CustomItemSchema>

/** Plan item ids renamed since they were first saved: the old id is read as the new one. */
export const LEGACY_ITEM_IDS: Readonly<Record<string, string>> = { discovery_kickoff: 'kickoff' }
export const currentItemId = (id: string): string => (Object.prototype.hasOwnProperty.call(LEGACY_ITEM_IDS, id) ? LEGACY_ITEM_IDS[id]! : id)

const withCurrentKeys = (value: unknown): unknown =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [currentItemId(k), v]))
    : value

/** The consultant's edits, kept apart from what the generator makes so they survive regeneration. */
export const PlanEditsSchema = z.strictObject({
  overrides: z.preprocess(withCurrentKeys, z.record(ItemId, ItemOverrideSchema)),
  custom: z.array(CustomItemSchema).max(200),
  removed: z.array(ItemId).max(500)
})
export type PlanEdits = z.infer<typeof PlanEditsSchema>
export const EMPTY_EDITS: PlanEdits = { overrides: {}, custom: [], removed: [] }

/** What the plan was generated from: a snapshot, so later answers change nothing until regenerated. */
export const PlanBasisSchema = z.strictObject({
  firstHire: z.enum(ROLE_IDS),
  hiringSteps: z
    .array(
      z.strictObject({
        role: z.enum(ROLE_IDS),
        step: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
        why: z.string(),
        afterAudit: z.boolean()
      })
    )
    .max(20),
  flags: z.array(z.enum(FLAG_IDS)).max(10),
  /** Catalogue tasks the assessment triggered. */
  tasks: z.array(z.enum(TASK_IDS)).max(20),
  context: IntakeContextSchema,
  maturity: IntakeMaturitySchema
})
export type PlanBasis = z.infer<typeof PlanBasisSchema>

/** Only what planning reads from the library is kept in the snapshot (other fields are dropped). */
export const PlanLibrarySnapshotSchema = z.strictObject({
  tasks: z.record(
    z.string().max(64),
    z.object({
      id: z.string().max(64),
      title: z.string().max(160),
      effort: z.object({ unit: z.enum(['days', 'days_per_week']), default: z.number().positive().max(1000) }),
      phase: Phase.optional()
    })
  ),
  roles: z.record(
    z.string().max(64),
    z.object({
      id: z.string().max(64),
      timeToHireWeeks: z.number().int().min(1).max(104),
      onboardingWeeks: z.number().int().min(0).max(52),
      title: z.string().max(160).optional()
    })
  )
})

export const PlanSettingsSchema = z.strictObject({
  capacityDaysPerWeek: z.number().min(0.5).max(7)
})

export const StoredPlanSchema = z.strictObject({
  id: IdSchema,
  engagementId: IdSchema,
  assessmentId: IdSchema.nullable(),
  basis: PlanBasisSchema,
  /** Tasks no longer triggered by the latest assessment, kept until the consultant removes them. */
  keptStale: z.array(z.enum(TASK_IDS)).max(20),
  library: PlanLibrarySnapshotSchema,
  settings: PlanSettingsSchema,
  edits: PlanEditsSchema,
  pricing: PricingTermsSchema,
  /** What the last regeneration changed. */
  lastDiff: z.strictObject({ added: z.array(z.string()), noLongerTriggered: z.array(z.string()), at: TimestampSchema }).nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema
})
export type StoredPlan = z.infer<typeof StoredPlanSchema>

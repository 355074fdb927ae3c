import { z } from 'zod'
import { CurrencyCodeSchema } from './currency'
import { IdSchema, IsoDateSchema, TimestampSchema, optionalText, requiredText, SortDirectionSchema, text } from './common'

export const ENGAGEMENT_STATUSES = ['lead', 'proposal', 'active', 'complete', 'lost'] as const
export const EngagementStatusSchema = z.enum(ENGAGEMENT_STATUSES, {
  message: `Status must be one of ${ENGAGEMENT_STATUSES.join(', ')}`
})
export type EngagementStatus = z.infer<typeof EngagementStatusSchema>

export const EngagementInputSchema = z.strictObject({
  clientId: IdSchema,
  title: requiredText('Engagement title', 200),
  status: EngagementStatusSchema.default('lead'),
  consultant: requiredText('Consultant', 200),
  currency: CurrencyCodeSchema,
  dayRate: z
    .number({ message: 'Day rate must be a number' })
    .positive({ message: 'Day rate must be more than zero' })
    .max(1_000_000, { message: 'Day rate is implausibly large' }),
  startDate: IsoDateSchema.nullable()
    .optional()
    .transform((v) => v ?? null),
  notes: optionalText(20_000),
  /** What the client wants from the work and the metric that shows it worked (printed in the proposal). */
  objective: optionalText(2000)
})
export type EngagementInput = z.input<typeof EngagementInputSchema>

export const EngagementSchema = z.strictObject({
  id: IdSchema,
  clientId: IdSchema,
  clientName: z.string(),
  title: z.string(),
  status: EngagementStatusSchema,
  consultant: z.string(),
  currency: z.string(),
  dayRate: z.number(),
  startDate: z.string().nullable(),
  notes: z.string().nullable(),
  objective: z.string().nullable(),
  archivedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema
})
export type Engagement = z.infer<typeof EngagementSchema>

export const EngagementSortSchema = z.enum(['title', 'clientName', 'status', 'startDate', 'updatedAt'])

export const EngagementListQuerySchema = z.strictObject({
  clientId: IdSchema.optional(),
  search: text(200).optional(),
  status: EngagementStatusSchema.optional(),
  includeArchived: z.boolean().optional(),
  sort: EngagementSortSchema.optional(),
  direction: SortDirectionSchema.optional(),
  limit: z.number().int().min(1).max(500).optional(),
  offset: z.number().int().min(0).max(10_000_000).optional()
})
export type EngagementListQuery = z.infer<typeof EngagementListQuerySchema>

export const EngagementListSchema = z.strictObject({
  items: z.array(EngagementSchema.omit({ notes: true, objective: true })).max(500),
  total: z.number().int()
})
export type EngagementList = z.infer<typeof EngagementListSchema>

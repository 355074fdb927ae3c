import { z } from 'zod'
import { IdSchema, TimestampSchema, optionalText, requiredText, SortDirectionSchema, text } from './common'

export const ClientInputSchema = z.strictObject({
  name: requiredText('Client name', 200),
  industry: optionalText(120),
  headcount: z
    .number({ message: 'Headcount must be a number' })
    .int({ message: 'Headcount must be a whole number' })
    .min(0, { message: 'Headcount cannot be negative' })
    .max(10_000_000, { message: 'Headcount is implausibly large' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  contactName: optionalText(200),
  contactEmail: z
    .union([z.literal(''), z.email({ message: 'Contact email is not a valid address' }).max(254)])
    .nullable()
    .optional()
    .transform((v) => (v == null || v === '' ? null : v)),
  notes: optionalText(20_000)
})
export type ClientInput = z.input<typeof ClientInputSchema>

export const ClientSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  industry: z.string().nullable(),
  headcount: z.number().int().nullable(),
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema
})
export type Client = z.infer<typeof ClientSchema>

export const ClientSummarySchema = ClientSchema.omit({ notes: true }).extend({
  engagementCount: z.number().int(),
  activeEngagementCount: z.number().int()
})
export type ClientSummary = z.infer<typeof ClientSummarySchema>

export const ClientSortSchema = z.enum(['name', 'updatedAt', 'createdAt', 'engagementCount'])

export const ClientListQuerySchema = z.strictObject({
  search: text(200).optional(),
  includeArchived: z.boolean().optional(),
  sort: ClientSortSchema.optional(),
  direction: SortDirectionSchema.optional(),
  limit: z.number().int().min(1).max(500).optional(),
  offset: z.number().int().min(0).max(10_000_000).optional()
})
export type ClientListQuery = z.infer<typeof ClientListQuerySchema>

export const ClientListSchema = z.strictObject({
  items: z.array(ClientSummarySchema).max(500),
  total: z.number().int()
})
export type ClientList = z.infer<typeof ClientListSchema>

import { z } from 'zod'
import { MILESTONE_IDS, TIER_IDS } from '../domain/planning/plan.model'
import { IsoDateSchema } from './common'

/**
 * The consultant's pricing terms for a plan: billing model, discount, tax, expenses, the
 * payment schedule, how long the offer stands and which option tiers are offered. Strict
 * and bounded; messages follow a field path (`paymentMilestones: percentages must add up to
 * 100`).
 */

export const PRICING_MODELS = ['time_and_materials', 'fixed_fee'] as const
export type PricingModel = (typeof PRICING_MODELS)[number]

/** Option tiers (the plan's own: see shared/domain/planning/stages/tiers.ts). */
export const PRICING_TIER_IDS = TIER_IDS
export type PricingTierId = (typeof PRICING_TIER_IDS)[number]

/**
 * Terms saved before plan model v2 name tiers and one milestone differently; they are read
 * as the new ids (a saved file or database row is never refused for it).
 */
const LEGACY_TIER_IDS: Readonly<Record<string, PricingTierId>> = {
  foundations_only: 'foundations',
  foundations_first_hire: 'first_hire',
  full_build_out: 'full'
}
const LEGACY_MILESTONE_IDS: Readonly<Record<string, (typeof MILESTONE_IDS)[number]>> = { first_ai_feature: 'headline' }
const upgraded = (table: Readonly<Record<string, string>>) => (value: unknown) =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(table, value) ? table[value] : value
const TierIdSchema = z.preprocess(upgraded(LEGACY_TIER_IDS), z.enum(PRICING_TIER_IDS, { error: `must be one of: ${PRICING_TIER_IDS.join(', ')}` }))

/** The largest amount accepted anywhere (a trillion in any currency). */
export const MAX_AMOUNT = 1e12

const label = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` })

const amount = z
  .number({ error: 'must be a number' })
  .min(0, { message: 'must be 0 or more' })
  .max(MAX_AMOUNT, { message: `must be at most ${MAX_AMOUNT}` })

const percent = z.number({ error: 'must be a number' }).min(0, { message: 'must be from 0 to 100' }).max(100, { message: 'must be from 0 to 100' })

export const ExpenseSchema = z.strictObject({
  label: label(120),
  amount
})

export const PaymentMilestoneSchema = z
  .strictObject({
    label: label(120),
    percent: percent.refine((p) => p > 0, { message: 'must be more than 0' }),
    /** Due at the end of this plan week… */
    dueWeek: z.number({ error: 'must be a number' }).int({ message: 'must be a whole number' }).min(1).max(1040).optional(),
    /** …or when this plan milestone is reached. */
    milestone: z.preprocess(upgraded(LEGACY_MILESTONE_IDS), z.enum(MILESTONE_IDS, { error: `must be one of: ${MILESTONE_IDS.join(', ')}` })).optional()
  })
  .refine((m) => (m.dueWeek === undefined) !== (m.milestone === undefined), {
    message: 'needs either dueWeek or milestone, not both'
  })

export const PricingTermsSchema = z
  .strictObject({
    model: z.enum(PRICING_MODELS, { error: `must be one of: ${PRICING_MODELS.join(', ')}` }),
    /** The agreed fee for the committed tier (fixed_fee only). */
    fixedFee: amount.refine((a) => a > 0, { message: 'must be more than 0' }).optional(),
    discountPercent: percent,
    taxRatePercent: percent,
    /** e.g. VAT, Sales tax, GST. */
    taxLabel: label(40),
    expenses: z.array(ExpenseSchema).max(50, { message: 'at most 50 expenses' }),
    paymentMilestones: z.array(PaymentMilestoneSchema).min(1, { message: 'needs at least one payment' }).max(24, { message: 'at most 24 payments' }),
    validUntil: IsoDateSchema,
    tiers: z.strictObject({
      /** The tier the committed total covers. */
      committed: TierIdSchema,
      /** The tiers shown as options, the committed one among them. */
      offered: z
        .array(TierIdSchema)
        .min(1)
        .max(PRICING_TIER_IDS.length)
        .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a tier' })
    })
  })
  .superRefine((terms, ctx) => {
    if (terms.model === 'fixed_fee' && terms.fixedFee === undefined) {
      ctx.addIssue({ code: 'custom', path: ['fixedFee'], message: 'is required for a fixed fee' })
    }
    if (terms.model === 'time_and_materials' && terms.fixedFee !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['fixedFee'], message: 'applies only to a fixed fee' })
    }
    const milestones = Array.isArray(terms.paymentMilestones) ? terms.paymentMilestones : []
    const sum = milestones.reduce((s, m) => s + (typeof m?.percent === 'number' ? m.percent : 0), 0)
    if (milestones.length > 0 && Math.abs(sum - 100) > 1e-6) {
      ctx.addIssue({ code: 'custom', path: ['paymentMilestones'], message: `percentages must add up to 100 (they add up to ${sum})` })
    }
    const offered: readonly string[] = Array.isArray(terms.tiers?.offered) ? terms.tiers.offered : []
    if (terms.tiers && !offered.includes(terms.tiers.committed)) {
      ctx.addIssue({ code: 'custom', path: ['tiers', 'committed'], message: 'must be one of the offered tiers' })
    }
  })

export type PricingTerms = z.infer<typeof PricingTermsSchema>
export type PricingTermsInput = z.input<typeof PricingTermsSchema>
export type Expense = z.infer<typeof ExpenseSchema>
export type PaymentMilestone = z.infer<typeof PaymentMilestoneSchema>

import fc from 'fast-check'
import { assess } from '../../shared/domain/assessment/engine'
import type { AssessmentContext, Maturity } from '../../shared/domain/assessment/dimensions'
import type { GeneratePlanInput, PlanOptions } from '../../shared/domain/planning/plan.generator'
import { contextArb, maturityArb } from './assessment-arbitraries.helper'
import { input as assessmentInput } from './assessment-input.helper'

export const ENGAGEMENT = { startDate: '2025-03-03', dayRate: 1200, currency: 'EUR' }

/** A generator input for an assessment of (maturity, context). */
export function planInput(
  maturity: Maturity,
  context: AssessmentContext,
  engagement = ENGAGEMENT,
  options?: PlanOptions
): GeneratePlanInput {
  return {
    assessment: assess({ maturity, context }),
    context,
    maturity,
    engagement,
    ...(options ? { options } : {})
  }
}

/** From the neutral baseline (tests/helpers/assessment-input.helper.ts), changing what is given. */
export function planInputFrom(
  context: Partial<AssessmentContext> = {},
  maturity: Partial<Maturity> = {},
  options?: PlanOptions
): GeneratePlanInput {
  const a = assessmentInput(context, maturity)
  return planInput(a.maturity, a.context, ENGAGEMENT, options)
}

/** Day rates with at most two decimals, as consultants quote them. */
export const dayRateArb = fc.integer({ min: 100, max: 50_000_000 }).map((cents) => cents / 100)

export const capacityArb = fc.constantFrom(1.5, 2, 2.5, 3, 3.5, 4, 5)

export const planInputArb: fc.Arbitrary<GeneratePlanInput> = fc
  .record({
    maturity: maturityArb,
    context: contextArb,
    dayRate: dayRateArb,
    capacity: fc.option(capacityArb, { nil: undefined }),
    lead: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    onboarding: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined })
  })
  .map(({ maturity, context, dayRate, capacity, lead, onboarding }) =>
    planInput(maturity, context, { ...ENGAGEMENT, dayRate }, {
      ...(capacity === undefined ? {} : { capacityDaysPerWeek: capacity }),
      ...(lead === undefined ? {} : { recruitingLeadWeeks: lead }),
      ...(onboarding === undefined ? {} : { onboardingWeeks: onboarding })
    })
  )

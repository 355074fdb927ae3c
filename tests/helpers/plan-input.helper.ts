import fc from 'fast-check'
import { assess } from '../../shared/domain/assessment/engine'
import type { AssessmentContext, Maturity } from '../../shared/domain/assessment/dimensions'
import type { GeneratePlanInput, PlanOptions } from '../../shared/domain/planning/plan.generator'
import { contextArb, maturityArb } from './assessment-arbitraries.helper'
import { input as assessmentInput } from './assessment-input.helper'

export const ENGAGEMENT = { startDate: '2025-03-03', dayRate: 1200, currency: 'EUR' }

/** A generator input for an assessment of (maturity, context). */
export function planInput(maturity: Maturity, context: AssessmentContext, engagement = ENGAGEMENT, options?: PlanOptions): GeneratePlanInput {
  return {
    assessment: assess({ maturity, context }),
    context,
    maturity,
    engagement,
    ...(options ? { options } : {})
  }
}

/** From the neutral baseline (tests/helpers/assessment-input.helper.ts), changing what is given. */
export function planInputFrom(context: Partial<AssessmentContext> = {}, maturity: Partial<Maturity> = {}, options?: PlanOptions): GeneratePlanInput {
  const a = assessmentInput(context, maturity)
  return planInput(a.maturity, a.context, ENGAGEMENT, options)
}

/** Day rates with at most two decimals, as consultants quote them. */
export const dayRateArb = fc.integer({ min: 100, max: 50_000_000 }).map((cents) => cents / 100)

export const capacityArb = fc.constantFrom(1.5, 2, 2.5, 3, 3.5, 4, 5)

/** Rules a generated intake is steered towards, so every rule, flag and approach is reached often. */
export const TARGETS = ['any', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6'] as const
export type Target = (typeof TARGETS)[number]

const NO_PAIN = { deploy_is_bottleneck: false, degradation_incidents: false } as const

/** Moves (maturity, context) towards the target rule; the engine still decides, and may choose another. */
export function steer(target: Target, maturity: Maturity, context: AssessmentContext): { maturity: Maturity; context: AssessmentContext } {
  const m = { ...maturity }
  const c = { ...context }
  const quiet = (): void => {
    Object.assign(c, NO_PAIN)
    if (c.retrain_frequency === 'monthly' || c.retrain_frequency === 'weekly') c.retrain_frequency = 'quarterly'
  }
  switch (target) {
    case 'any':
      break
    case 'R1':
      c.stage = 'exploration'
      if (c.has_data !== 'none' && c.has_objectives) c.has_objectives = false
      break
    case 'R2':
      if (c.stage === 'exploration') c.stage = 'pilot'
      if (!c.deploy_is_bottleneck && !c.degradation_incidents) c.degradation_incidents = true
      m.deploy = Math.min(m.deploy, 2)
      m.monitor = Math.min(m.monitor, 2)
      break
    case 'R3':
      c.stage = 'exploration'
      if (c.ai_approach === 'api') c.ai_approach = 'custom'
      if (c.has_data === 'none') c.has_data = 'some'
      c.has_objectives = true
      break
    case 'R4':
      if (c.stage === 'exploration') c.stage = 'production'
      quiet()
      break
    case 'R5':
      if (c.stage === 'exploration') c.stage = 'production'
      quiet()
      c.ai_approach = 'custom'
      c.ml_staff = Math.max(1, c.ml_staff)
      c.ml_staff_doing_infra = false
      m.deploy = Math.max(3, m.deploy)
      m.monitor = Math.max(3, m.monitor)
      m.data = Math.max(3, m.data)
      if (m.logging + m.experiment < 2) m.logging = 2
      break
    case 'R6':
      if (c.stage === 'exploration') c.stage = 'production'
      quiet()
      c.ml_staff_doing_infra = false
      if (c.ai_approach === 'custom') c.ai_approach = 'fine_tune'
      m.deploy = Math.max(2, m.deploy)
      m.monitor = Math.max(2, m.monitor)
      m.logging = Math.max(2, m.logging)
      m.experiment = Math.max(2, m.experiment)
      break
  }
  return { maturity: m, context: c }
}

/** An intake steered towards a rule, with the defaults (capacity, lead times, the built-in library), as the CLI plans it. */
export const steeredInputArb: fc.Arbitrary<GeneratePlanInput & { target: Target }> = fc
  .record({ target: fc.constantFrom(...TARGETS), maturity: maturityArb, context: contextArb, dayRate: dayRateArb })
  .map(({ target, maturity, context, dayRate }) => {
    const s = steer(target, maturity, context)
    return { ...planInput(s.maturity, s.context, { ...ENGAGEMENT, dayRate }), target }
  })

export const planInputArb: fc.Arbitrary<GeneratePlanInput> = fc
  .record({
    target: fc.constantFrom(...TARGETS),
    maturity: maturityArb,
    context: contextArb,
    dayRate: dayRateArb,
    capacity: fc.option(capacityArb, { nil: undefined }),
    lead: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined })
  })
  .map(({ target, maturity, context, dayRate, capacity, lead }) => {
    const s = steer(target, maturity, context)
    return planInput(
      s.maturity,
      s.context,
      { ...ENGAGEMENT, dayRate },
      {
        ...(capacity === undefined ? {} : { capacityDaysPerWeek: capacity }),
        ...(lead === undefined ? {} : { recruitingLeadWeeks: lead })
      }
    )
  })

import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { assess, WARNING_CODES, type WarningCode } from '../../../shared/domain/assessment/engine'
import type { AssessmentContext, Maturity } from '../../../shared/domain/assessment/dimensions'
import { input } from '../../helpers/assessment-input.helper'
import { contextArb, maturityArb } from '../../helpers/assessment-arbitraries.helper'

const cases: { code: WarningCode; context?: Partial<AssessmentContext>; maturity?: Partial<Maturity> }[] = [
  { code: 'data_practice_without_data', context: { has_data: 'none', stage: 'pilot' }, maturity: { data: 2 } },
  { code: 'ml_staff_doing_infra_without_ml_staff', context: { ml_staff_doing_infra: true, ml_staff: 0, infra_staff: 1 } },
  { code: 'models_in_production_during_exploration', context: { stage: 'exploration', models_in_production: 2 }, maturity: { deploy: 2 } },
  { code: 'production_stage_without_models', context: { stage: 'production', models_in_production: 0 }, maturity: { deploy: 2, experiment: 2 } },
  { code: 'automated_deploy_without_models', context: { stage: 'pilot', models_in_production: 0 }, maturity: { deploy: 3, experiment: 2 } },
  { code: 'live_experiments_without_models', context: { stage: 'pilot', models_in_production: 0 }, maturity: { deploy: 2, experiment: 3 } },
  {
    code: 'degradation_without_models',
    context: { stage: 'pilot', models_in_production: 0, degradation_incidents: true },
    maturity: { deploy: 2, experiment: 2 }
  },
  { code: 'deploy_bottleneck_with_automated_deploy', context: { deploy_is_bottleneck: true }, maturity: { deploy: 3 } },
  { code: 'staff_exceeds_headcount', context: { headcount: 10, engineers: 11 } },
  { code: 'staff_exceeds_headcount', context: { headcount: 2, ml_staff: 3 } }
]

describe('contradiction warnings', () => {
  it('the neutral baseline has none', () => {
    expect(assess(input()).warnings).toEqual([])
  })

  it.each(cases)('$code', ({ code, context, maturity }) => {
    const warnings = assess(input(context, maturity)).warnings
    expect(warnings.map((w) => w.code)).toEqual([code])
    expect(warnings[0]!.message).not.toMatch(/\n/)
    expect(warnings[0]!.message.length).toBeGreaterThan(10)
  })

  it('boundaries: data 1 without data, deploy 2 and experiment 2 without models give no warning', () => {
    expect(assess(input({ has_data: 'none', stage: 'pilot' }, { data: 1 })).warnings).toEqual([])
    expect(assess(input({ stage: 'pilot', models_in_production: 0 }, { deploy: 2, experiment: 2 })).warnings).toEqual([])
    expect(assess(input({ deploy_is_bottleneck: true }, { deploy: 2 })).warnings).toEqual([])
    expect(assess(input({ headcount: 20, engineers: 20, ml_staff: 20 })).warnings).toEqual([])
  })

  it('are warnings, not errors: the assessment still completes', () => {
    const r = assess(input({ has_data: 'none', ml_staff_doing_infra: true, ml_staff: 0 }, { data: 4 }))
    expect(r.warnings.map((w) => w.code)).toEqual(['data_practice_without_data', 'ml_staff_doing_infra_without_ml_staff'])
    expect(r.firstHire).toBeDefined()
  })

  it('come in WARNING_CODES order with stable codes', () => {
    fc.assert(
      fc.property(maturityArb, contextArb, (m, c) => {
        const codes = assess({ maturity: m, context: c }).warnings.map((w) => WARNING_CODES.indexOf(w.code))
        expect(codes.every((i) => i >= 0)).toBe(true)
        expect(codes).toEqual([...codes].sort((a, b) => a - b))
      })
    )
  })
})

import { describe, expect, it } from 'vitest'
import { assess } from '../../../shared/domain/assessment/engine'
import { input } from '../../helpers/assessment-input.helper'

describe('hiring sequence', () => {
  it('starts with the first hire; the baseline adds nothing but the ML engineer it already is', () => {
    const r = assess(input())
    expect(r.hiringSequence).toEqual(['ml_engineer'])
    expect(r.leadership).toBe('in_place')
  })

  describe('step 1: infra engineer', () => {
    it('is added when the platform sum is below 8', () => {
      const r = assess(input({ stage: 'exploration', ai_approach: 'fine_tune', models_in_production: 0 }, { deploy: 1, monitor: 2, logging: 2, experiment: 2 }))
      expect(r.firstHire).toBe('ml_engineer')
      expect(r.hiringSequence).toEqual(['ml_engineer', 'infra_engineer'])
    })
    it('is not added at platform sum 8', () => {
      const r = assess(input({ stage: 'exploration', ai_approach: 'fine_tune', models_in_production: 0 }, { deploy: 2, monitor: 2, logging: 2, experiment: 2 }))
      expect(r.hiringSequence).toEqual(['ml_engineer'])
    })
    it('is added for wrong_order', () => {
      const r = assess(
        input({ stage: 'exploration', ai_approach: 'fine_tune', models_in_production: 0, ml_staff: 1, ml_staff_doing_infra: true, infra_staff: 0 })
      )
      expect(r.hiringSequence).toEqual(['ml_engineer', 'infra_engineer'])
    })
    it('is skipped when the MLOps engineer is already listed', () => {
      const r = assess(input({ deploy_is_bottleneck: true }, { deploy: 0, monitor: 0, logging: 0, experiment: 0 }))
      expect(r.firstHire).toBe('mlops_engineer')
      expect(r.hiringSequence).toEqual(['mlops_engineer', 'ml_engineer'])
    })
    it('is not repeated when it is the first hire', () => {
      const r = assess(input({}, { deploy: 0, monitor: 0, logging: 0 }))
      expect(r.hiringSequence).toEqual(['infra_engineer', 'ml_engineer'])
    })
  })

  describe('step 2: data engineer', () => {
    it('is added when data is below 2 and some data exists', () => {
      expect(assess(input({ has_data: 'some' }, { data: 1 })).hiringSequence).toEqual(['ml_engineer', 'data_engineer'])
      expect(assess(input({ has_data: 'rich' }, { data: 0 })).hiringSequence).toEqual(['ml_engineer', 'data_engineer'])
    })
    it('is not added at data 2 or without data', () => {
      expect(assess(input({ has_data: 'some' }, { data: 2 })).hiringSequence).toEqual(['ml_engineer'])
      expect(assess(input({ has_data: 'none', stage: 'pilot' }, { data: 0 })).hiringSequence).toEqual(['ml_engineer'])
    })
    it('comes after the infra engineer', () => {
      expect(assess(input({}, { data: 0, deploy: 0, monitor: 0, logging: 0 })).hiringSequence).toEqual(['infra_engineer', 'data_engineer', 'ml_engineer'])
    })
  })

  describe('step 3: ML engineer', () => {
    it('is always in the sequence', () => {
      expect(assess(input({ stage: 'exploration', has_data: 'none', models_in_production: 0 })).hiringSequence).toEqual([
        'fullstack_ai_engineer',
        'ml_engineer'
      ])
    })
    it('waits for the objectives & data audit when no_data_no_model is raised', () => {
      const r = assess(input({ stage: 'exploration', has_objectives: false, models_in_production: 0 }))
      expect(r.flags).toContain('no_data_no_model')
      const step = r.hiringSteps.find((s) => s.role === 'ml_engineer')!
      expect(step.step).toBe(3)
      expect(step.afterAudit).toBe(true)
      expect(r.hiringSteps.find((s) => s.role === 'fullstack_ai_engineer')!.afterAudit).toBe(false)
      expect(assess(input()).hiringSteps[0]!.afterAudit).toBe(false)
    })
  })

  describe('step 4: MLOps engineer', () => {
    it.each([
      ['3 models in production', { models_in_production: 3 }],
      ['monthly retraining', { retrain_frequency: 'monthly' as const }],
      ['weekly retraining', { retrain_frequency: 'weekly' as const }],
      ['deployment bottleneck', { deploy_is_bottleneck: true }],
      ['degradation incidents', { degradation_incidents: true }]
    ])('is added past exploration for %s', (_name, context) => {
      expect(assess(input(context)).hiringSequence).toEqual(['ml_engineer', 'mlops_engineer'])
    })
    it('is not added with 2 models and no pain, nor at exploration', () => {
      expect(assess(input({ models_in_production: 2 })).hiringSequence).toEqual(['ml_engineer'])
      expect(assess(input({ stage: 'exploration', models_in_production: 5 })).hiringSequence).toEqual(['ml_engineer'])
      expect(assess(input({ retrain_frequency: 'quarterly' })).hiringSequence).toEqual(['ml_engineer'])
    })
  })

  describe('step 5: ML scientist', () => {
    it('is added for custom models or a research vision', () => {
      expect(assess(input({ ai_approach: 'custom' })).hiringSequence).toEqual(['ml_engineer', 'ml_scientist'])
      expect(assess(input({ research_vision: true })).hiringSequence).toEqual(['ml_engineer', 'ml_scientist'])
      expect(assess(input({ ai_approach: 'fine_tune' })).hiringSequence).toEqual(['ml_engineer'])
    })
    it('is not repeated when it is the first hire', () => {
      const r = assess(input({ ai_approach: 'custom', ml_staff: 1 }))
      expect(r.firstHire).toBe('ml_scientist')
      expect(r.hiringSequence).toEqual(['ml_scientist', 'ml_engineer'])
    })
  })

  describe('step 6: ML lead or interim lead', () => {
    it('adds the ML lead when ML staff plus ML roles in the sequence reach 4', () => {
      // ml_engineer + mlops_engineer + ml_scientist = 3, plus 1 ML staff = 4
      const r = assess(input({ ml_leadership: false, ml_staff: 1, ai_approach: 'custom', models_in_production: 3 }, { deploy: 2 }))
      expect(r.firstHire).toBe('ml_engineer')
      expect(r.hiringSequence).toEqual(['ml_engineer', 'mlops_engineer', 'ml_scientist', 'ml_lead'])
      expect(r.leadership).toBe('ml_lead_hire')
    })
    it('does not add it at 3 (interim lead covers leadership)', () => {
      const r = assess(input({ ml_leadership: false, ml_staff: 0, ai_approach: 'custom', models_in_production: 3 }, { deploy: 2 }))
      expect(r.hiringSequence).toEqual(['ml_engineer', 'mlops_engineer', 'ml_scientist'])
      expect(r.leadership).toBe('interim_lead')
      expect(r.tasks).toContain('interim_lead')
    })
    it('counts ML staff: 3 staff + the ML engineer = 4', () => {
      expect(assess(input({ ml_leadership: false, ml_staff: 3 })).hiringSequence).toEqual(['ml_engineer', 'ml_lead'])
      expect(assess(input({ ml_leadership: false, ml_staff: 2 })).hiringSequence).toEqual(['ml_engineer'])
    })
    it('does not count the infra, data or full-stack engineers', () => {
      const r = assess(input({ ml_leadership: false, ml_staff: 2, has_data: 'some' }, { deploy: 0, monitor: 0, logging: 0, data: 0 }))
      expect(r.hiringSequence).toEqual(['infra_engineer', 'data_engineer', 'ml_engineer'])
    })
    it('adds the ML lead with 5 models in production, not with 4', () => {
      expect(assess(input({ ml_leadership: false, models_in_production: 5, stage: 'production' })).hiringSequence).toEqual([
        'ml_engineer',
        'mlops_engineer',
        'ml_lead'
      ])
      expect(assess(input({ ml_leadership: false, models_in_production: 4 })).hiringSequence).toEqual(['ml_engineer', 'mlops_engineer'])
    })
    it('never adds the ML lead when an experienced lead is in place', () => {
      const r = assess(input({ ml_leadership: true, ml_staff: 10, models_in_production: 9 }))
      expect(r.hiringSequence).not.toContain('ml_lead')
      expect(r.leadership).toBe('in_place')
      expect(r.tasks).not.toContain('interim_lead')
    })
  })

  it('never lists a role twice and always starts with the first hire', () => {
    const r = assess(
      input({ ai_approach: 'custom', ml_staff: 5, ml_leadership: false, models_in_production: 9, research_vision: true }, { data: 0, deploy: 0 })
    )
    expect(new Set(r.hiringSequence).size).toBe(r.hiringSequence.length)
    expect(r.hiringSequence[0]).toBe(r.firstHire)
    expect(r.hiringSteps.map((s) => s.role)).toEqual(r.hiringSequence)
  })
})

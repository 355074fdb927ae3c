import { describe, expect, it } from 'vitest'
import { assess, matchingRules, RULES, type RuleId } from '../../../shared/domain/assessment/engine'
import type { AssessmentContext, Maturity } from '../../../shared/domain/assessment/dimensions'
import type { RoleId } from '../../../shared/domain/catalogue'
import { input } from '../../helpers/assessment-input.helper'

interface RuleCase {
  name: string
  context?: Partial<AssessmentContext>
  maturity?: Partial<Maturity>
  rule: RuleId
  firstHire: RoleId
  alsoMatched?: RuleId[]
}

// Platform sums: deploy+monitor+logging+experiment. R2 sums: deploy+monitor+cicd.
const cases: RuleCase[] = [
  // R1
  { name: 'R1: exploration without data', context: { stage: 'exploration', has_data: 'none' }, rule: 'R1', firstHire: 'fullstack_ai_engineer' },
  { name: 'R1: exploration without objectives', context: { stage: 'exploration', has_objectives: false }, rule: 'R1', firstHire: 'fullstack_ai_engineer' },
  { name: 'R1 off: exploration with data and objectives', context: { stage: 'exploration' }, rule: 'R6', firstHire: 'ml_engineer' },
  { name: 'R1 off: no data but past exploration', context: { stage: 'pilot', has_data: 'none' }, rule: 'R6', firstHire: 'ml_engineer' },
  {
    name: 'R1 beats R3 and R4 for a custom exploration without data',
    context: { stage: 'exploration', ai_approach: 'custom', has_data: 'none' },
    maturity: { deploy: 0, monitor: 0, logging: 0, experiment: 0 },
    rule: 'R1',
    firstHire: 'fullstack_ai_engineer',
    alsoMatched: ['R3', 'R4']
  },
  // R2
  {
    name: 'R2: deployment bottleneck, d+m+c = 8',
    context: { deploy_is_bottleneck: true },
    maturity: { deploy: 2, monitor: 2, cicd: 4 },
    rule: 'R2',
    firstHire: 'mlops_engineer'
  },
  {
    name: 'R2 off: deployment bottleneck, d+m+c = 9',
    context: { deploy_is_bottleneck: true },
    maturity: { deploy: 1, monitor: 4, cicd: 4 },
    rule: 'R6',
    firstHire: 'ml_engineer'
  },
  {
    name: 'R2: degradation incidents',
    context: { degradation_incidents: true },
    maturity: { deploy: 4, monitor: 2, cicd: 2 },
    rule: 'R2',
    firstHire: 'mlops_engineer'
  },
  { name: 'R2: monthly retraining', context: { retrain_frequency: 'monthly' }, maturity: { cicd: 0 }, rule: 'R2', firstHire: 'mlops_engineer' },
  {
    name: 'R2: weekly retraining, pilot stage',
    context: { retrain_frequency: 'weekly', stage: 'pilot' },
    maturity: { monitor: 0 },
    rule: 'R2',
    firstHire: 'mlops_engineer'
  },
  { name: 'R2 off: quarterly retraining', context: { retrain_frequency: 'quarterly' }, maturity: { cicd: 0 }, rule: 'R6', firstHire: 'ml_engineer' },
  { name: 'R2 off: no pain', maturity: { deploy: 0, monitor: 0, cicd: 0, logging: 4, experiment: 4 }, rule: 'R6', firstHire: 'ml_engineer' },
  {
    name: 'R2 off: pain during exploration',
    context: { stage: 'exploration', degradation_incidents: true, models_in_production: 0 },
    maturity: { cicd: 0 },
    rule: 'R6',
    firstHire: 'ml_engineer'
  },
  {
    name: 'R2 beats R4',
    context: { deploy_is_bottleneck: true },
    maturity: { deploy: 0, monitor: 0, logging: 0, experiment: 0, cicd: 0 },
    rule: 'R2',
    firstHire: 'mlops_engineer',
    alsoMatched: ['R4']
  },
  // R3
  { name: 'R3: custom at exploration', context: { stage: 'exploration', ai_approach: 'custom' }, rule: 'R3', firstHire: 'ml_engineer' },
  { name: 'R3: fine-tune at exploration', context: { stage: 'exploration', ai_approach: 'fine_tune' }, rule: 'R3', firstHire: 'ml_engineer' },
  { name: 'R3 off: API at exploration', context: { stage: 'exploration', ai_approach: 'api' }, rule: 'R6', firstHire: 'ml_engineer' },
  { name: 'R3 off: custom at pilot', context: { stage: 'pilot', ai_approach: 'custom' }, rule: 'R6', firstHire: 'ml_engineer' },
  {
    name: 'R3 beats R4 (exploration with a weak platform)',
    context: { stage: 'exploration', ai_approach: 'custom' },
    maturity: { deploy: 0, monitor: 0, logging: 0, experiment: 0 },
    rule: 'R3',
    firstHire: 'ml_engineer',
    alsoMatched: ['R4']
  },
  // R4
  { name: 'R4: platform sum 7', maturity: { deploy: 1, monitor: 2, logging: 2, experiment: 2 }, rule: 'R4', firstHire: 'infra_engineer' },
  { name: 'R4 off: platform sum exactly 8 (mean 2)', maturity: { deploy: 2, monitor: 2, logging: 2, experiment: 2 }, rule: 'R6', firstHire: 'ml_engineer' },
  { name: 'R4 off: platform sum 8 from uneven levels', maturity: { deploy: 4, monitor: 4, logging: 0, experiment: 0 }, rule: 'R6', firstHire: 'ml_engineer' },
  {
    name: 'R4: wrong order with a strong platform',
    context: { ml_staff: 2, ml_staff_doing_infra: true, infra_staff: 0 },
    rule: 'R4',
    firstHire: 'infra_engineer'
  },
  {
    name: 'R4 off: ML staff doing infra but infra staff exist',
    context: { ml_staff: 2, ml_staff_doing_infra: true, infra_staff: 1 },
    rule: 'R6',
    firstHire: 'ml_engineer'
  },
  {
    name: 'R4 beats R5 (wrong order in a custom shop)',
    context: { ai_approach: 'custom', ml_staff: 2, ml_staff_doing_infra: true, infra_staff: 0 },
    rule: 'R4',
    firstHire: 'infra_engineer',
    alsoMatched: ['R5']
  },
  // R5
  {
    name: 'R5: custom, ML staff, deploy/monitor/data at 3',
    context: { ai_approach: 'custom', ml_staff: 1 },
    maturity: { deploy: 3, monitor: 3, data: 3 },
    rule: 'R5',
    firstHire: 'ml_scientist'
  },
  { name: 'R5 off: no ML staff', context: { ai_approach: 'custom', ml_staff: 0 }, rule: 'R6', firstHire: 'ml_engineer' },
  {
    name: 'R5 off: deploy 2',
    context: { ai_approach: 'custom', ml_staff: 1 },
    maturity: { deploy: 2, monitor: 3, data: 3, logging: 4, experiment: 4 },
    rule: 'R6',
    firstHire: 'ml_engineer'
  },
  { name: 'R5 off: monitor 2', context: { ai_approach: 'custom', ml_staff: 1 }, maturity: { monitor: 2 }, rule: 'R6', firstHire: 'ml_engineer' },
  { name: 'R5 off: data 2', context: { ai_approach: 'custom', ml_staff: 1 }, maturity: { data: 2 }, rule: 'R6', firstHire: 'ml_engineer' },
  { name: 'R5 off: fine-tuning', context: { ai_approach: 'fine_tune', ml_staff: 1 }, rule: 'R6', firstHire: 'ml_engineer' },
  // R6
  { name: 'R6: nothing else applies', rule: 'R6', firstHire: 'ml_engineer' }
]

describe('first-hire rules', () => {
  it.each(cases)('$name', (c) => {
    const r = assess(input(c.context, c.maturity))
    expect(r.rule).toBe(c.rule)
    expect(r.firstHire).toBe(c.firstHire)
    expect(r.firstHire).toBe(RULES.find((x) => x.id === c.rule)!.firstHire)
    if (c.alsoMatched) expect(r.alsoMatched).toEqual(c.alsoMatched)
  })

  it('compares sums, not rounded means: platform 7.999 never happens, sum 7 → R4, sum 8 → not', () => {
    expect(assess(input({}, { deploy: 2, monitor: 2, logging: 2, experiment: 1 })).rule).toBe('R4')
    expect(assess(input({}, { deploy: 2, monitor: 2, logging: 2, experiment: 2 })).rule).toBe('R6')
  })

  it('alsoMatched lists later matching rules in order and never the fallback R6', () => {
    const r = assess(
      input({ stage: 'exploration', ai_approach: 'custom', has_data: 'none', ml_staff: 1 }, { deploy: 3, monitor: 3, logging: 0, experiment: 0, data: 3 })
    )
    expect(r.rule).toBe('R1')
    expect(r.alsoMatched).toEqual(['R3', 'R4', 'R5'])
    expect(matchingRules(input().maturity, input().context)).toEqual(['R6'])
    expect(assess(input()).alsoMatched).toEqual([])
  })

  it('alsoMatched is empty when only one rule (plus R6) matches', () => {
    const r = assess(input({ deploy_is_bottleneck: true }, { deploy: 2, monitor: 2, cicd: 2 }))
    expect(r.rule).toBe('R2')
    expect(r.alsoMatched).toEqual([])
  })

  describe('reason', () => {
    it('says "first AI hire" without ML staff and "next AI hire" with ML staff', () => {
      expect(assess(input({ ml_staff: 0 })).reason).toContain('first AI hire')
      expect(assess(input({ ml_staff: 0 })).isNextHire).toBe(false)
      const next = assess(input({ ml_staff: 2 }))
      expect(next.reason).toContain('next AI hire')
      expect(next.reason).not.toContain('first AI hire')
      expect(next.isNextHire).toBe(true)
    })

    it.each(cases)('is one plain line for $name', (c) => {
      const { reason } = assess(input(c.context, c.maturity))
      expect(reason.length).toBeGreaterThan(20)
      expect(reason).not.toMatch(/\n/)
      expect(reason).not.toMatch(/\bR[1-6]\b/)
    })

    it('names the operating pains behind R2', () => {
      const r = assess(input({ degradation_incidents: true, retrain_frequency: 'weekly' }, { monitor: 0 }))
      expect(r.reason).toContain('degraded')
      expect(r.reason).toContain('weekly')
    })

    it('names why R4 applies', () => {
      expect(assess(input({}, { deploy: 0, monitor: 0, logging: 0 })).reason).toContain('platform is weak')
      expect(assess(input({ ml_staff: 1, ml_staff_doing_infra: true, infra_staff: 0 })).reason).toContain('infrastructure work')
    })
  })
})

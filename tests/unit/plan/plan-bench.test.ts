import { describe, expect, it } from 'vitest'
import { benchmarkPlan, syntheticPlanInput } from '../../../bench/plan.bench'
import { generatePlan } from '../../../shared/domain/planning/plan.generator'
import { planItems } from '../../../shared/domain/planning/plan.model'

describe('the plan benchmark', () => {
  it('builds a 100-task plan', () => {
    const plan = generatePlan(syntheticPlanInput(100))
    expect(planItems(plan).filter((i) => ['task', 'activity', 'custom'].includes(i.kind))).toHaveLength(100)
    // Every consultant day is in the weekly load (the interim lead, hiring support and pairing on top of the block capacity).
    expect(plan.consultantLoad.reduce((s, d) => s + d, 0)).toBeCloseTo(
      planItems(plan).reduce((s, i) => s + i.effortDays, 0),
      6
    )
  })

  it('runs once and reports median and p95 times', () => {
    const r = benchmarkPlan({ runs: 1, warmup: 0 })
    expect(r).toMatchObject({ taskCount: 100, runs: 1, warmup: 0 })
    expect(r.medianMs).toBeGreaterThanOrEqual(0)
    expect(r.p95Ms).toBeGreaterThanOrEqual(r.medianMs)
  })
})

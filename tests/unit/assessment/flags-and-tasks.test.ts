import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { assess } from '../../../shared/domain/assessment/engine'
import type { AssessmentContext, Maturity } from '../../../shared/domain/assessment/dimensions'
import { FLAG_IDS, orderTasks, prerequisitesOf, TASK_IDS, type FlagId, type TaskId } from '../../../shared/domain/catalogue'
import { input } from '../../helpers/assessment-input.helper'

interface FlagCase {
  flag: FlagId
  on: { context?: Partial<AssessmentContext>; maturity?: Partial<Maturity> }
  off: { context?: Partial<AssessmentContext>; maturity?: Partial<Maturity> }
}

const flagCases: FlagCase[] = [
  {
    flag: 'wrong_order',
    on: { context: { ml_staff: 1, ml_staff_doing_infra: true, infra_staff: 0 } },
    off: { context: { ml_staff: 1, ml_staff_doing_infra: true, infra_staff: 1 } }
  },
  {
    flag: 'wrong_order',
    on: { context: { ml_staff: 3, ml_staff_doing_infra: true, infra_staff: 0 } },
    off: { context: { ml_staff: 3, ml_staff_doing_infra: false, infra_staff: 0 } }
  },
  { flag: 'needs_interim_lead', on: { context: { ml_leadership: false } }, off: { context: { ml_leadership: true } } },
  { flag: 'protect_ai_team', on: { context: { demo_traction: true } }, off: { context: { demo_traction: false } } },
  { flag: 'no_data_no_model', on: { context: { has_data: 'none' } }, off: { context: { has_data: 'some' } } },
  { flag: 'no_data_no_model', on: { context: { has_objectives: false } }, off: { context: { has_objectives: true, has_data: 'rich' } } },
  { flag: 'gpu_ci_gap', on: { context: { gpu_workloads: true }, maturity: { cicd: 2 } }, off: { context: { gpu_workloads: true }, maturity: { cicd: 3 } } },
  { flag: 'gpu_ci_gap', on: { context: { gpu_workloads: true }, maturity: { cicd: 0 } }, off: { context: { gpu_workloads: false }, maturity: { cicd: 0 } } }
]

describe('flags', () => {
  it('the neutral baseline raises no flag', () => {
    expect(assess(input()).flags).toEqual([])
  })

  it.each(flagCases)('$flag is raised exactly when its condition holds', ({ flag, on, off }) => {
    expect(assess(input(on.context, on.maturity)).flags).toEqual([flag])
    expect(assess(input(off.context, off.maturity)).flags).toEqual([])
  })

  it('lists every raised flag in the flags table order', () => {
    const r = assess(
      input(
        {
          ml_staff: 1,
          ml_staff_doing_infra: true,
          infra_staff: 0,
          ml_leadership: false,
          demo_traction: true,
          has_data: 'none',
          gpu_workloads: true
        },
        { cicd: 1, data: 0 }
      )
    )
    expect(r.flags).toEqual([...FLAG_IDS])
    expect(FLAG_IDS).toEqual(['wrong_order', 'needs_interim_lead', 'protect_ai_team', 'no_data_no_model', 'gpu_ci_gap'])
  })
})

interface TaskCase {
  task: TaskId
  name: string
  context?: Partial<AssessmentContext>
  maturity?: Partial<Maturity>
  expected: boolean
}

// From the neutral baseline (everything at 4, on premises, API, production, 1 model).
const taskCases: TaskCase[] = [
  { task: 'objectives_audit', name: 'no data', context: { has_data: 'none' }, expected: true },
  { task: 'objectives_audit', name: 'no objectives', context: { has_objectives: false }, expected: true },
  { task: 'interim_lead', name: 'no ML lead', context: { ml_leadership: false }, expected: true },
  { task: 'cicd_gpu', name: 'cicd 2 with GPUs', context: { gpu_workloads: true }, maturity: { cicd: 2 }, expected: true },
  { task: 'cicd_gpu', name: 'cicd 3 with GPUs', context: { gpu_workloads: true }, maturity: { cicd: 3 }, expected: false },
  { task: 'cicd_gpu', name: 'cicd 2, fine-tuning, no GPUs', context: { ai_approach: 'fine_tune' }, maturity: { cicd: 2 }, expected: true },
  { task: 'cicd_gpu', name: 'cicd 2, custom, no GPUs', context: { ai_approach: 'custom' }, maturity: { cicd: 2 }, expected: true },
  { task: 'cicd_gpu', name: 'cicd 0, API, no GPUs', maturity: { cicd: 0 }, expected: false },
  { task: 'terraform', name: 'infra 2 on a cloud', context: { cloud: 'aws' }, maturity: { infra: 2 }, expected: true },
  { task: 'terraform', name: 'infra 3 on a cloud', context: { cloud: 'gcp' }, maturity: { infra: 3 }, expected: false },
  { task: 'terraform', name: 'infra 0 on premises', context: { cloud: 'on_prem' }, maturity: { infra: 0 }, expected: false },
  { task: 'billing_alerts', name: 'infra 3 on a cloud', context: { cloud: 'azure' }, maturity: { infra: 3 }, expected: true },
  { task: 'billing_alerts', name: 'infra 4 on a cloud (multi)', context: { cloud: 'multi' }, maturity: { infra: 4 }, expected: false },
  { task: 'billing_alerts', name: 'infra 3 on premises', context: { cloud: 'on_prem' }, maturity: { infra: 3 }, expected: false },
  { task: 'serving_pipeline', name: 'deploy 2', maturity: { deploy: 2 }, expected: true },
  { task: 'serving_pipeline', name: 'deploy 3', maturity: { deploy: 3 }, expected: false },
  { task: 'model_monitoring', name: 'monitor 2', maturity: { monitor: 2 }, expected: true },
  { task: 'model_monitoring', name: 'monitor 3', maturity: { monitor: 3 }, expected: false },
  { task: 'prediction_logging', name: 'logging 2', maturity: { logging: 2 }, expected: true },
  { task: 'prediction_logging', name: 'logging 3', maturity: { logging: 3 }, expected: false },
  { task: 'shadow_ab', name: 'experiment 2 in production', maturity: { experiment: 2 }, expected: true },
  { task: 'shadow_ab', name: 'experiment 2 in pilot', context: { stage: 'pilot' }, maturity: { experiment: 2 }, expected: true },
  { task: 'shadow_ab', name: 'experiment 3', maturity: { experiment: 3 }, expected: false },
  {
    task: 'shadow_ab',
    name: 'experiment 0 at exploration',
    context: { stage: 'exploration', models_in_production: 0 },
    maturity: { experiment: 0 },
    expected: false
  },
  { task: 'tracking_registry', name: 'tracking 2, custom', context: { ai_approach: 'custom' }, maturity: { tracking: 2 }, expected: true },
  { task: 'tracking_registry', name: 'tracking 3, custom', context: { ai_approach: 'custom' }, maturity: { tracking: 3 }, expected: false },
  { task: 'tracking_registry', name: 'tracking 0, API', maturity: { tracking: 0 }, expected: false },
  { task: 'data_versioning', name: 'data 2 with some data', context: { has_data: 'some' }, maturity: { data: 2 }, expected: true },
  { task: 'data_versioning', name: 'data 3', maturity: { data: 3 }, expected: false },
  { task: 'etl_dagster', name: 'data 1 with rich data', context: { has_data: 'rich' }, maturity: { data: 1 }, expected: true },
  { task: 'etl_dagster', name: 'data 2', context: { has_data: 'rich' }, maturity: { data: 2 }, expected: false },
  { task: 'training_infra', name: 'custom, infra 2', context: { ai_approach: 'custom' }, maturity: { infra: 2 }, expected: true },
  { task: 'training_infra', name: 'fine-tune, infra 2', context: { ai_approach: 'fine_tune' }, maturity: { infra: 2 }, expected: true },
  { task: 'training_infra', name: 'custom, infra 3', context: { ai_approach: 'custom' }, maturity: { infra: 3 }, expected: false },
  { task: 'training_infra', name: 'API, infra 0', maturity: { infra: 0 }, expected: false },
  { task: 'nightly_regression', name: 'cicd 3 with a model', maturity: { cicd: 3 }, expected: true },
  { task: 'nightly_regression', name: 'cicd 4 with a model', maturity: { cicd: 4 }, expected: false },
  { task: 'nightly_regression', name: 'cicd 3 without models', context: { models_in_production: 0, stage: 'pilot' }, maturity: { cicd: 3 }, expected: false },
  { task: 'distillation', name: 'custom in production', context: { ai_approach: 'custom' }, expected: true },
  { task: 'distillation', name: 'fine-tune in production', context: { ai_approach: 'fine_tune' }, expected: true },
  { task: 'distillation', name: 'custom in pilot', context: { ai_approach: 'custom', stage: 'pilot' }, expected: false },
  { task: 'distillation', name: 'API in production', expected: false }
]

describe('task triggers', () => {
  it('the neutral baseline triggers no task', () => {
    expect(assess(input()).tasks).toEqual([])
  })

  it.each(taskCases)('$task: $name → $expected', ({ task, context, maturity, expected }) => {
    expect(assess(input(context, maturity)).tasks.includes(task)).toBe(expected)
  })

  it('audit exemptions: a no-data client still gets the cloud tasks', () => {
    const r = assess(input({ has_data: 'none', cloud: 'aws', ml_leadership: false }, { infra: 0, deploy: 0 }))
    expect(r.tasks).toEqual(['objectives_audit', 'interim_lead', 'terraform', 'billing_alerts', 'serving_pipeline'])
  })
})

describe('task order', () => {
  it('every task triggered: dependency order, ties by catalogue row', () => {
    const r = assess(
      input(
        { ai_approach: 'custom', has_objectives: false, ml_leadership: false, cloud: 'aws', gpu_workloads: true },
        { deploy: 0, monitor: 0, experiment: 0, logging: 0, data: 0, cicd: 0, infra: 0, tracking: 0 }
      )
    )
    expect(r.tasks).toEqual([
      'objectives_audit',
      'interim_lead',
      'terraform',
      'cicd_gpu',
      'billing_alerts',
      'serving_pipeline',
      'prediction_logging',
      'model_monitoring',
      'shadow_ab',
      'tracking_registry',
      'data_versioning',
      'etl_dagster',
      'training_infra',
      'nightly_regression',
      'distillation'
    ])
  })

  it('a prerequisite that is not triggered does not hold a task back', () => {
    expect(orderTasks(['nightly_regression', 'model_monitoring', 'cicd_gpu'])).toEqual(['cicd_gpu', 'model_monitoring', 'nightly_regression'])
    expect(orderTasks(['training_infra', 'cicd_gpu'])).toEqual(['cicd_gpu', 'training_infra'])
    expect(orderTasks(['training_infra', 'terraform', 'cicd_gpu'])).toEqual(['terraform', 'cicd_gpu', 'training_infra'])
  })

  it('model_monitoring and shadow_ab wait for both serving_pipeline and prediction_logging', () => {
    expect(orderTasks(['shadow_ab', 'model_monitoring', 'prediction_logging'])).toEqual(['prediction_logging', 'model_monitoring', 'shadow_ab'])
    expect(orderTasks(['shadow_ab', 'serving_pipeline'])).toEqual(['serving_pipeline', 'shadow_ab'])
  })

  it('the audit precedes every other task', () => {
    expect(orderTasks(['billing_alerts', 'objectives_audit', 'interim_lead'])).toEqual(['objectives_audit', 'interim_lead', 'billing_alerts'])
  })

  it('for any subset: a permutation that respects prerequisites and takes the highest ready row each time', () => {
    fc.assert(
      fc.property(fc.subarray([...TASK_IDS]), (subset) => {
        const order = orderTasks(subset)
        expect([...order].sort()).toEqual([...subset].sort())
        const present = new Set(subset)
        const placed = new Set<TaskId>()
        for (const id of order) {
          const ready = (t: TaskId) => !placed.has(t) && prerequisitesOf(t).every((p) => !present.has(p) || placed.has(p))
          expect(ready(id)).toBe(true)
          const firstReady = TASK_IDS.filter((t) => present.has(t)).find(ready)
          expect(id).toBe(firstReady)
          placed.add(id)
        }
      })
    )
  })
})

import { describe, expect, it } from 'vitest'
import { FLAG_IDS, FLAGS, PHASE_IDS, PHASES, prerequisitesOf, ROLE_IDS, ROLES, TASK_BY_ID, TASK_IDS, TASKS } from '../../../shared/domain/catalogue'
import { DIMENSION_IDS, CONTEXT_KEYS } from '../../../shared/domain/assessment/dimensions'
import { RULE_IDS } from '../../../shared/domain/assessment/engine'

describe('catalogue ids match the contract', () => {
  it('dimensions, context keys, rules', () => {
    expect(DIMENSION_IDS).toEqual(['deploy', 'monitor', 'experiment', 'logging', 'data', 'cicd', 'infra', 'tracking'])
    expect(CONTEXT_KEYS).toEqual([
      'ai_approach',
      'stage',
      'models_in_production',
      'retrain_frequency',
      'deploy_is_bottleneck',
      'degradation_incidents',
      'has_data',
      'has_objectives',
      'headcount',
      'engineers',
      'ml_staff',
      'infra_staff',
      'ml_staff_doing_infra',
      'ml_leadership',
      'demo_traction',
      'research_vision',
      'gpu_workloads',
      'cloud'
    ])
    expect(RULE_IDS).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6'])
  })

  it('roles, flags, phases and tasks', () => {
    expect(ROLE_IDS).toEqual(['infra_engineer', 'mlops_engineer', 'ml_engineer', 'ml_scientist', 'data_engineer', 'fullstack_ai_engineer', 'ml_lead'])
    expect(ROLES.map((r) => r.id)).toEqual([...ROLE_IDS])
    expect(FLAGS.map((f) => f.id)).toEqual([...FLAG_IDS])
    expect(PHASE_IDS).toEqual(['discovery', 'foundations', 'first_hire', 'build_out', 'scale'])
    expect(PHASES.map((p) => p.id)).toEqual([...PHASE_IDS])
    expect(TASK_IDS).toEqual([
      'objectives_audit',
      'interim_lead',
      'cicd_gpu',
      'terraform',
      'billing_alerts',
      'serving_pipeline',
      'model_monitoring',
      'prediction_logging',
      'shadow_ab',
      'tracking_registry',
      'data_versioning',
      'etl_dagster',
      'training_infra',
      'nightly_regression',
      'distillation'
    ])
    expect(TASKS.map((t) => t.id)).toEqual([...TASK_IDS])
  })

  it('default efforts', () => {
    const days = Object.fromEntries(TASKS.map((t) => [t.id, t.effort.kind === 'block' ? t.effort.days : `${t.effort.daysPerWeek}/week`]))
    expect(days).toEqual({
      objectives_audit: 3,
      interim_lead: '1/week',
      cicd_gpu: 6,
      terraform: 8,
      billing_alerts: 2,
      serving_pipeline: 10,
      model_monitoring: 8,
      prediction_logging: 5,
      shadow_ab: 7,
      tracking_registry: 4,
      data_versioning: 6,
      etl_dagster: 8,
      training_infra: 10,
      nightly_regression: 4,
      distillation: 10
    })
  })

  it('dependencies', () => {
    expect(prerequisitesOf('objectives_audit')).toEqual([])
    expect(prerequisitesOf('training_infra')).toEqual(['objectives_audit', 'terraform'])
    expect(prerequisitesOf('cicd_gpu')).toEqual(['objectives_audit', 'terraform'])
    expect(prerequisitesOf('shadow_ab')).toEqual(['objectives_audit', 'serving_pipeline', 'prediction_logging'])
    expect(prerequisitesOf('model_monitoring')).toEqual(['objectives_audit', 'serving_pipeline', 'prediction_logging'])
    expect(prerequisitesOf('nightly_regression')).toEqual(['objectives_audit', 'cicd_gpu'])
    for (const id of TASK_IDS.filter((t) => t !== 'objectives_audit')) expect(prerequisitesOf(id)).toContain('objectives_audit')
  })
})

describe('owner kinds', () => {
  it("the platform tasks are the five DOMAIN names; the rest are the consultant's", () => {
    const platform = ['serving_pipeline', 'model_monitoring', 'prediction_logging', 'shadow_ab', 'nightly_regression']
    for (const t of TASKS) expect(t.ownerKind).toBe(platform.includes(t.id) ? 'platform' : 'consultant')
    expect(TASK_BY_ID.distillation.phase).toBe('scale')
    expect(TASK_BY_ID.objectives_audit.phase).toBe('discovery')
  })
})

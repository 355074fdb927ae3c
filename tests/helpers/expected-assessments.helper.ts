/**
 * The `assess --json` results for the fixtures in tests/fixtures/intake, worked out by hand
 * from DOMAIN.md's rules (not produced by the engine). `reason` and `warnings` wording is
 * checked separately.
 */
export const EXPECTED_ASSESSMENTS: Record<string, Record<string, unknown>> = {
  'api-startup.json': {
    scores: { deploy: 1, monitor: 1, experiment: 0, logging: 1, data: 1, cicd: 1, infra: 1, tracking: 0 },
    overall: 0.75,
    firstHire: 'infra_engineer',
    rule: 'R4',
    alsoMatched: [],
    hiringSequence: ['infra_engineer', 'data_engineer', 'ml_engineer'],
    flags: ['needs_interim_lead', 'protect_ai_team'],
    tasks: [
      'interim_lead',
      'terraform',
      'billing_alerts',
      'serving_pipeline',
      'prediction_logging',
      'model_monitoring',
      'shadow_ab',
      'data_versioning',
      'etl_dagster',
      'nightly_regression'
    ],
    warnings: []
  },
  'custom-exploration.json': {
    scores: { deploy: 0, monitor: 0, experiment: 0, logging: 0, data: 2, cicd: 1, infra: 1, tracking: 1 },
    overall: 0.625,
    firstHire: 'ml_engineer',
    rule: 'R3',
    alsoMatched: ['R4'],
    hiringSequence: ['ml_engineer', 'infra_engineer', 'ml_scientist'],
    flags: ['needs_interim_lead', 'gpu_ci_gap'],
    tasks: [
      'interim_lead',
      'terraform',
      'cicd_gpu',
      'billing_alerts',
      'serving_pipeline',
      'prediction_logging',
      'model_monitoring',
      'tracking_registry',
      'data_versioning',
      'training_infra'
    ],
    warnings: []
  },
  'mlops-pain.json': {
    scores: { deploy: 1, monitor: 1, experiment: 1, logging: 2, data: 2, cicd: 1, infra: 2, tracking: 2 },
    overall: 1.5,
    firstHire: 'mlops_engineer',
    rule: 'R2',
    alsoMatched: ['R4'],
    hiringSequence: ['mlops_engineer', 'ml_engineer', 'ml_lead'],
    flags: ['wrong_order', 'needs_interim_lead', 'gpu_ci_gap'],
    tasks: [
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
      'training_infra',
      'nightly_regression',
      'distillation'
    ],
    warnings: []
  },
  'no-data.json': {
    scores: { deploy: 0, monitor: 1, experiment: 0, logging: 1, data: 0, cicd: 1, infra: 0, tracking: 0 },
    overall: 0.375,
    firstHire: 'fullstack_ai_engineer',
    rule: 'R1',
    alsoMatched: ['R4'],
    hiringSequence: ['fullstack_ai_engineer', 'infra_engineer', 'ml_engineer'],
    flags: ['needs_interim_lead', 'no_data_no_model'],
    tasks: ['objectives_audit', 'interim_lead', 'terraform', 'billing_alerts', 'serving_pipeline', 'prediction_logging', 'model_monitoring'],
    warnings: []
  },
  'custom-scientist.json': {
    scores: { deploy: 3, monitor: 3, experiment: 2, logging: 3, data: 3, cicd: 3, infra: 3, tracking: 3 },
    overall: 2.875,
    firstHire: 'ml_scientist',
    rule: 'R5',
    alsoMatched: [],
    hiringSequence: ['ml_scientist', 'ml_engineer'],
    flags: [],
    tasks: ['billing_alerts', 'shadow_ab', 'nightly_regression', 'distillation'],
    warnings: []
  },
  'mature-api.json': {
    scores: { deploy: 2, monitor: 2, experiment: 2, logging: 2, data: 2, cicd: 2, infra: 2, tracking: 2 },
    overall: 2,
    firstHire: 'ml_engineer',
    rule: 'R6',
    alsoMatched: [],
    hiringSequence: ['ml_engineer', 'mlops_engineer'],
    flags: ['needs_interim_lead'],
    tasks: ['interim_lead', 'serving_pipeline', 'prediction_logging', 'model_monitoring', 'shadow_ab', 'data_versioning', 'nightly_regression'],
    warnings: []
  }
}

/** Fixtures whose client has ML staff: the reason speaks of the *next* AI hire. */
export const NEXT_HIRE_FIXTURES = ['mlops-pain.json', 'custom-scientist.json', 'mature-api.json']

export const ASSESS_JSON_KEYS = ['scores', 'overall', 'firstHire', 'rule', 'alsoMatched', 'reason', 'hiringSequence', 'flags', 'tasks', 'warnings']

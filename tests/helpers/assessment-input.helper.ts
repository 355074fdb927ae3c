import type { AssessmentContext, Maturity } from '../../shared/domain/assessment/dimensions'
import type { AssessmentInput } from '../../shared/domain/assessment/engine'

/**
 * A neutral baseline: only the fallback rule R6 matches, no flag is raised, no task is
 * triggered and nothing is contradictory. Tests change one thing at a time from here.
 */
export const NEUTRAL_CONTEXT: AssessmentContext = {
  ai_approach: 'api',
  stage: 'production',
  models_in_production: 1,
  retrain_frequency: 'never',
  deploy_is_bottleneck: false,
  degradation_incidents: false,
  has_data: 'some',
  has_objectives: true,
  headcount: 100,
  engineers: 20,
  ml_staff: 0,
  infra_staff: 1,
  ml_staff_doing_infra: false,
  ml_leadership: true,
  demo_traction: false,
  research_vision: false,
  gpu_workloads: false,
  cloud: 'on_prem'
}

export const TOP_MATURITY: Maturity = {
  deploy: 4,
  monitor: 4,
  experiment: 4,
  logging: 4,
  data: 4,
  cicd: 4,
  infra: 4,
  tracking: 4
}

export const ZERO_MATURITY: Maturity = {
  deploy: 0,
  monitor: 0,
  experiment: 0,
  logging: 0,
  data: 0,
  cicd: 0,
  infra: 0,
  tracking: 0
}

export function input(context: Partial<AssessmentContext> = {}, maturity: Partial<Maturity> = {}, clientName?: string): AssessmentInput {
  return {
    context: { ...NEUTRAL_CONTEXT, ...context },
    maturity: { ...TOP_MATURITY, ...maturity },
    ...(clientName === undefined ? {} : { clientName })
  }
}

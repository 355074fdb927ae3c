import fc from 'fast-check'
import {
  AI_APPROACHES,
  CLOUDS,
  DATA_AVAILABILITY,
  RETRAIN_FREQUENCIES,
  STAGES,
  type AssessmentContext,
  type Maturity
} from '../../shared/domain/assessment/dimensions'

const level = fc.integer({ min: 0, max: 4 })
const count = fc.integer({ min: 0, max: 12 })

export const maturityArb: fc.Arbitrary<Maturity> = fc.record({
  deploy: level,
  monitor: level,
  experiment: level,
  logging: level,
  data: level,
  cicd: level,
  infra: level,
  tracking: level
})

export const contextArb: fc.Arbitrary<AssessmentContext> = fc.record({
  ai_approach: fc.constantFrom(...AI_APPROACHES),
  stage: fc.constantFrom(...STAGES),
  models_in_production: count,
  retrain_frequency: fc.constantFrom(...RETRAIN_FREQUENCIES),
  deploy_is_bottleneck: fc.boolean(),
  degradation_incidents: fc.boolean(),
  has_data: fc.constantFrom(...DATA_AVAILABILITY),
  has_objectives: fc.boolean(),
  headcount: fc.integer({ min: 0, max: 1000 }),
  engineers: count,
  ml_staff: count,
  infra_staff: count,
  ml_staff_doing_infra: fc.boolean(),
  ml_leadership: fc.boolean(),
  demo_traction: fc.boolean(),
  research_vision: fc.boolean(),
  gpu_workloads: fc.boolean(),
  cloud: fc.constantFrom(...CLOUDS)
})

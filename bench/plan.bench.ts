/**
 * How long generating and scheduling a large plan takes: a synthetic client that triggers
 * almost every catalogue task, topped up with custom items (chained across phases and
 * owners) to 100 tasks. `benchmarkPlan()` warms up, then times repeated runs and reports the
 * median and 95th percentile in milliseconds. No runner is wired; call it from anywhere.
 */
import { assess } from '../shared/domain/assessment/engine'
import type { AssessmentContext, Maturity } from '../shared/domain/assessment/dimensions'
import { PHASE_IDS, type PhaseId } from '../shared/domain/catalogue'
import { generatePlan, type CustomItemInput, type GeneratePlanInput } from '../shared/domain/planning/plan.generator'
import { planItems } from '../shared/domain/planning/plan.model'

const CONTEXT: AssessmentContext = {
  ai_approach: 'custom',
  stage: 'production',
  models_in_production: 6,
  retrain_frequency: 'weekly',
  deploy_is_bottleneck: true,
  degradation_incidents: true,
  has_data: 'some',
  has_objectives: true,
  headcount: 400,
  engineers: 80,
  ml_staff: 2,
  infra_staff: 0,
  ml_staff_doing_infra: true,
  ml_leadership: false,
  demo_traction: true,
  research_vision: true,
  gpu_workloads: true,
  cloud: 'aws'
}

const MATURITY: Maturity = { deploy: 0, monitor: 0, experiment: 0, logging: 0, data: 0, cicd: 0, infra: 0, tracking: 0 }

/** Plan items that are work (not hires or milestones). */
const WORK_KINDS = new Set(['task', 'activity', 'custom'])

/** A generator input whose plan holds `taskCount` work items (catalogue, own and custom). */
export function syntheticPlanInput(taskCount = 100): GeneratePlanInput {
  const assessment = assess({ maturity: MATURITY, context: CONTEXT })
  const base: GeneratePlanInput = {
    assessment,
    context: CONTEXT,
    maturity: MATURITY,
    engagement: { startDate: '2025-01-06', dayRate: 1250, currency: 'EUR' },
    options: { capacityDaysPerWeek: 4 }
  }
  const builtIn = planItems(generatePlan(base)).filter((i) => WORK_KINDS.has(i.kind)).length
  const phases: PhaseId[] = PHASE_IDS.filter((p) => p !== 'discovery')
  const customItems: CustomItemInput[] = []
  for (let i = 0; i < Math.max(0, taskCount - builtIn); i++) {
    const phase = phases[i % phases.length]!
    const dependsOn = [...(i >= 4 && phases[(i - 4) % phases.length] === phase ? [`custom_${i - 4}`] : []), ...(i % 7 === 3 ? ['terraform'] : [])]
    customItems.push({
      id: `custom_${i}`,
      title: `Custom work item ${i + 1}`,
      phase,
      effortDays: 0.5 + (i % 5),
      owner: phase === 'build_out' && i % 2 === 0 ? (assessment.hiringSequence[1] ?? 'consultant') : 'consultant',
      dependsOn
    })
  }
  return { ...base, options: { ...base.options, customItems } }
}

export interface PlanBenchResult {
  taskCount: number
  runs: number
  warmup: number
  medianMs: number
  p95Ms: number
  minMs: number
  maxMs: number
}

/** The value at a quantile of sorted samples, by nearest rank. */
function quantile(sorted: readonly number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[index]!
}

export function benchmarkPlan(options: { runs?: number; warmup?: number; taskCount?: number } = {}): PlanBenchResult {
  const runs = Math.max(1, options.runs ?? 50)
  const warmup = Math.max(0, options.warmup ?? 10)
  const input = syntheticPlanInput(options.taskCount ?? 100)
  const plan = generatePlan(input)
  const taskCount = planItems(plan).filter((i) => WORK_KINDS.has(i.kind)).length
  for (let i = 0; i < warmup; i++) generatePlan(input)
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    generatePlan(input)
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  const mid = Math.floor(samples.length / 2)
  const median = samples.length % 2 === 1 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2
  return {
    taskCount,
    runs,
    warmup,
    medianMs: median,
    p95Ms: quantile(samples, 0.95),
    minMs: samples[0]!,
    maxMs: samples[samples.length - 1]!
  }
}
